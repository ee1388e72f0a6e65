/**
 * Exports and imports over the GraphQL client: the WIF import command's gateway (import, read and delete
 * the procedure), and the reads and calls the views make directly (an export, a model import, a demo reset).
 * Failures are GatewayError; a refused document keeps every problem the API listed with its JSON path.
 */
import type { Client, CombinedError } from '@urql/core';
import { GatewayError } from '../core/errors';
import { documentProblems, type DocumentProblem } from '../core/interchange/export-choices';
import type { InterchangeGateway } from '../core/interchange/gateway';
import type { ExportInput } from '../gql/graphql';
import { gatewayErrorFrom } from './errors';
import {
  InterchangeDeleteProcedureMutation,
  InterchangeDemoQuery,
  InterchangeExportQuery,
  InterchangeImportModelMutation,
  InterchangeImportWifMutation,
  InterchangeProcedureQuery,
  InterchangeResetDemoMutation,
} from './interchange-operations';
import { requests } from './requests';

/** A refused import: the API's message and every problem with its JSON path. */
export class DocumentRefused extends GatewayError {
  constructor(
    error: GatewayError,
    readonly problems: readonly DocumentProblem[],
  ) {
    super(error.code, error.message, error.details);
  }
}

function refusal(error: CombinedError): GatewayError {
  const gatewayError = gatewayErrorFrom(error);
  const problems = documentProblems(error.graphQLErrors[0]?.extensions);
  return problems.length > 0 ? new DocumentRefused(gatewayError, problems) : gatewayError;
}

export function createInterchangeGateway(client: Client): InterchangeGateway {
  const { query, mutate } = requests(client);
  return {
    async importWif(input) {
      const result = await client.mutation(InterchangeImportWifMutation, { input }).toPromise();
      if (result.error) throw refusal(result.error);
      if (!result.data) throw new GatewayError('INTERNAL_SERVER_ERROR', 'The server answered without data.');
      const { procedure, skipped } = result.data.importWif;
      return {
        procedure: { id: procedure.id, name: procedure.name, version: procedure.version },
        skipped: skipped.map(({ path, reason }) => ({ path, message: reason })),
      };
    },
    async readProcedure(id) {
      const { node } = await query(InterchangeProcedureQuery, { id });
      return node?.__typename === 'Procedure' ? { id: node.id, name: node.name, version: node.version } : null;
    },
    async deleteProcedure(input) {
      await mutate(InterchangeDeleteProcedureMutation, { input });
    },
  };
}

/** The generated file (always from the server: an export reflects the model as it is now). */
export async function exportFile(client: Client, input: ExportInput) {
  return (await requests(client).query(InterchangeExportQuery, { input })).export;
}

/** Creates an organisation from a whole-model document; a refusal lists every problem. */
export async function importModel(client: Client, input: { document: string; name?: string | null }) {
  const result = await client.mutation(InterchangeImportModelMutation, { input }).toPromise();
  if (result.error) throw refusal(result.error);
  if (!result.data) throw new GatewayError('INTERNAL_SERVER_ERROR', 'The server answered without data.');
  return result.data.importModel;
}

/** Whether the organisation is a demo, and its version now. */
export async function readDemo(client: Client, organisationId: string) {
  return (await requests(client).query(InterchangeDemoQuery, { id: organisationId })).organisation;
}

export async function resetDemo(client: Client, input: { id: string; version: number }) {
  return (await requests(client).mutate(InterchangeResetDemoMutation, { input })).resetDemoOrganisation;
}
