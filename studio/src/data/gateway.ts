/**
 * The editor's gateway to the API, over the GraphQL client: typed documents in, the generated result
 * types out, failures as GatewayError. Reads for the editor always go to the network (and refresh the
 * cache on the way), so the editor never starts from a stale model.
 */
import type { AnyVariables, Client, OperationResult, TypedDocumentNode } from '@urql/core';
import { GatewayError } from '../core/errors';
import type { ModelGateway } from '../core/gateway';
import { gatewayErrorFrom } from './errors';
import {
  ArrangeCanvasMutation,
  CreateActivityMutation,
  CreateHandoverMutation,
  DeleteActivityMutation,
  DeleteHandoverMutation,
  OrganisationModelQuery,
  ProcessQuery,
  UpdateActivityMutation,
} from './operations';

function unwrap<Data, Variables extends AnyVariables>(result: OperationResult<Data, Variables>): Data {
  if (result.error) throw gatewayErrorFrom(result.error);
  if (!result.data) throw new GatewayError('INTERNAL_SERVER_ERROR', 'The server answered without data.');
  return result.data;
}

export function createModelGateway(client: Client): ModelGateway {
  async function query<Data, Variables extends AnyVariables>(
    document: TypedDocumentNode<Data, Variables>,
    variables: Variables,
  ): Promise<Data> {
    return unwrap(await client.query(document, variables, { requestPolicy: 'network-only' }).toPromise());
  }

  async function mutate<Data, Variables extends AnyVariables>(
    document: TypedDocumentNode<Data, Variables>,
    variables: Variables,
  ): Promise<Data> {
    return unwrap(await client.mutation(document, variables).toPromise());
  }

  async function process(processId: string) {
    const { node } = await query(ProcessQuery, { id: processId });
    if (node?.__typename !== 'Process') throw new GatewayError('NOT_FOUND', 'The process no longer exists.');
    return node;
  }

  return {
    async loadOrganisation(organisationId) {
      return (await query(OrganisationModelQuery, { id: organisationId })).organisation;
    },
    async createActivity(input) {
      const { createActivity } = await mutate(CreateActivityMutation, { input });
      return { activityId: createActivity.id, process: createActivity.process };
    },
    async updateActivity(input) {
      return (await mutate(UpdateActivityMutation, { input })).updateActivity.process;
    },
    async deleteActivity(input, processId) {
      await mutate(DeleteActivityMutation, { input });
      // deleteActivity answers only true: read the process again for the shifted positions and versions.
      return process(processId);
    },
    async createHandover(input) {
      return (await mutate(CreateHandoverMutation, { input })).createHandover;
    },
    async deleteHandover(input) {
      await mutate(DeleteHandoverMutation, { input });
    },
    async arrangeCanvas(input) {
      const { arrangeCanvas } = await mutate(ArrangeCanvasMutation, { input });
      return { version: arrangeCanvas.version, canvasArrangement: arrangeCanvas.canvasArrangement ?? null };
    },
  };
}
