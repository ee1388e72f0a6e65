/** The presentation gateway over the GraphQL client (the trainer's, signed in). */
import type { Client } from '@urql/core';
import type { PresentationGateway } from '../core/trainer/gateway';
import type { PresentedPlace, WalkthroughTarget } from '../core/trainer/presentation';
import type { PresentationFieldsFragment } from '../gql/graphql';
import {
  EndPresentationMutation,
  MovePresentationMutation,
  PresentationQuery,
  StartPresentationMutation,
} from './presentation-operations';
import { requests } from './requests';

export function placeFrom(presentation: PresentationFieldsFragment): PresentedPlace {
  return {
    id: presentation.id,
    version: presentation.version,
    mode: presentation.mode,
    workflowNumber: presentation.workflowNumber ?? null,
    procedureId: presentation.procedure?.id ?? null,
    step: presentation.step,
    live: presentation.live,
  };
}

function targetInput(target: WalkthroughTarget) {
  return target.mode === 'WORKFLOW'
    ? { mode: target.mode, workflowNumber: target.workflowNumber, step: target.step }
    : { mode: target.mode, procedureId: target.procedureId, step: target.step };
}

export function createPresentationGateway(client: Client): PresentationGateway {
  const { query, mutate } = requests(client);
  return {
    async start(organisationId, target) {
      const { startPresentation } = await mutate(StartPresentationMutation, {
        input: { organisationId, ...targetInput(target) },
      });
      return {
        place: placeFrom(startPresentation.presentation),
        shareToken: startPresentation.shareToken,
        sharePath: startPresentation.sharePath,
      };
    },
    async move(id, version, target) {
      const { movePresentation } = await mutate(MovePresentationMutation, {
        input: { id, version, ...targetInput(target) },
      });
      return placeFrom(movePresentation);
    },
    async end(id, version) {
      await mutate(EndPresentationMutation, { input: { id, version } });
    },
    async read(id) {
      const { presentation } = await query(PresentationQuery, { id });
      return presentation ? placeFrom(presentation) : null;
    },
  };
}
