/**
 * What every gateway (canvas, procedures, work instructions, roles and tools, members) sends through the
 * GraphQL client: a query that always asks the server — a command's execute, undo and redo must see the
 * object as it is now, not as the cache remembers it — and a mutation; both answer data or throw a
 * GatewayError with the API's code.
 */
import type { AnyVariables, Client, OperationResult, TypedDocumentNode } from '@urql/core';
import { GatewayError } from '../core/errors';
import { gatewayErrorFrom } from './errors';

function unwrap<Data, Variables extends AnyVariables>(result: OperationResult<Data, Variables>): Data {
  if (result.error) throw gatewayErrorFrom(result.error);
  if (!result.data) throw new GatewayError('INTERNAL_SERVER_ERROR', 'The server answered without data.');
  return result.data;
}

export function requests(client: Client) {
  return {
    async query<Data, Variables extends AnyVariables>(
      document: TypedDocumentNode<Data, Variables>,
      variables: Variables,
    ): Promise<Data> {
      return unwrap(await client.query(document, variables, { requestPolicy: 'network-only' }).toPromise());
    },
    async mutate<Data, Variables extends AnyVariables>(
      document: TypedDocumentNode<Data, Variables>,
      variables: Variables,
    ): Promise<Data> {
      return unwrap(await client.mutation(document, variables).toPromise());
    },
  };
}
