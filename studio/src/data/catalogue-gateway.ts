/**
 * The roles-and-tools commands' gateway over the GraphQL client: typed documents in, plain entries out,
 * failures as GatewayError. Reads go to the network (a command must see the version the server holds now).
 */
import type { Client } from '@urql/core';
import type { CatalogueEntry, CatalogueGateway } from '../core/catalogue/gateway';
import { requests } from './requests';
import {
  CatalogueCreateRoleMutation,
  CatalogueCreateToolMutation,
  CatalogueDeleteRoleMutation,
  CatalogueDeleteToolMutation,
  CatalogueEntryQuery,
  CatalogueImpactQuery,
  CatalogueUpdateRoleMutation,
  CatalogueUpdateToolMutation,
} from './catalogue-operations';

export function createCatalogueGateway(client: Client): CatalogueGateway {
  const { query, mutate } = requests(client);
  const plain = ({ id, name, description, version }: CatalogueEntry): CatalogueEntry => ({
    id,
    name,
    description,
    version,
  });

  return {
    async entry(kind, id) {
      const { node } = await query(CatalogueEntryQuery, { id });
      if (kind === 'role' && node?.__typename === 'Role') return plain(node);
      if (kind === 'tool' && node?.__typename === 'Tool') return plain(node);
      return null;
    },
    async create(kind, input) {
      if (kind === 'role') {
        const { createRole } = await mutate(CatalogueCreateRoleMutation, { input });
        return plain(createRole);
      }
      const { createTool } = await mutate(CatalogueCreateToolMutation, { input });
      return plain(createTool);
    },
    async update(kind, input) {
      if (kind === 'role') {
        const { updateRole } = await mutate(CatalogueUpdateRoleMutation, { input });
        return plain(updateRole);
      }
      const { updateTool } = await mutate(CatalogueUpdateToolMutation, { input });
      return plain(updateTool);
    },
    async delete(kind, input) {
      if (kind === 'role') await mutate(CatalogueDeleteRoleMutation, { input });
      else await mutate(CatalogueDeleteToolMutation, { input });
    },
    async impact(id) {
      const { impact } = await query(CatalogueImpactQuery, { id });
      return {
        procedures: impact.procedures.map(({ id: procedureId, name }) => ({ id: procedureId, name })),
        stepCount: impact.steps.length,
        workInstructionCount: impact.workInstructions.length,
      };
    },
  };
}
