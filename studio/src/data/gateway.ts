/**
 * The editor's gateway to the API, over the GraphQL client: typed documents in, the generated result
 * types out, failures as GatewayError. Reads for the editor always go to the network (and refresh the
 * cache on the way), so the editor never starts from a stale model.
 */
import type { Client } from '@urql/core';
import { GatewayError } from '../core/errors';
import type { ModelGateway } from '../core/gateway';
import { requests } from './requests';
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

export function createModelGateway(client: Client): ModelGateway {
  const { query, mutate } = requests(client);

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
