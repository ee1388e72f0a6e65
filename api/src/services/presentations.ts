import { randomBytes } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { NotFoundError } from '../domain/errors';
import {
  checkLive,
  checkStepWithin,
  plannedPosition,
  type PositionRequest,
  type PresentationPosition,
  type WalkthroughMode,
} from '../domain/presentation';
import { expandWorkflow } from '../domain/workflow-expansion';
import { Organisation, Presentation, Procedure, User, Workflow } from '../persistence/entities';
import { secretHash } from './auth/credentials';
import { lookupOrFail } from './lookup';
import { loadOrganisationModel } from './organisation-model';
import { assertVersion, inTransaction } from './transaction';

/**
 * Share tokens: `usm_share_` + 32 random bytes, stored as SHA-256 only (like sessions and API tokens:
 * services/auth/credentials.ts). The token is shown once, when the presentation starts.
 */
const SHARE_TOKEN_PREFIX = 'usm_share_';

export function newShareToken(): string {
  return `${SHARE_TOKEN_PREFIX}${randomBytes(32).toString('base64url')}`;
}

export interface StartPresentationInput {
  organisationId: string;
  startedById: string;
  mode: WalkthroughMode;
  workflowNumber?: number | null;
  procedureId?: string | null;
  step?: number | null;
}

export function startPresentation(
  em: EntityManager,
  input: StartPresentationInput,
): Promise<{ presentation: Presentation; shareToken: string }> {
  const position = plannedPosition(null, input);
  return inTransaction(em, async (tx) => {
    const organisation = await lookupOrFail(tx, Organisation, input.organisationId);
    const procedure = await checkPosition(tx, organisation.id, position);
    const shareToken = newShareToken();
    const presentation = tx.create(Presentation, {
      organisation,
      mode: position.mode,
      workflowNumber: position.workflowNumber,
      procedure,
      step: position.step,
      startedBy: tx.getReference(User, input.startedById),
      shareTokenHash: secretHash(shareToken),
    });
    return { presentation, shareToken };
  });
}

export interface MovePresentationInput extends PositionRequest {
  id: string;
  version: number;
  step: number;
}

export function movePresentation(em: EntityManager, input: MovePresentationInput): Promise<Presentation> {
  return inTransaction(em, async (tx) => {
    const presentation = await lookupOrFail(tx, Presentation, input.id, { lock: true });
    assertVersion(presentation, input.version, 'presentation');
    checkLive(presentation.endedAt);
    const position = plannedPosition(positionOf(presentation), input);
    const procedure = await checkPosition(tx, presentation.organisation.id, position);
    Object.assign(presentation, {
      mode: position.mode,
      workflowNumber: position.workflowNumber,
      procedure,
      step: position.step,
    });
    // A move to where it already stands still counts: followers get it, the version tells the edit apart.
    presentation.updatedAt = new Date();
    return presentation;
  });
}

/** Ends the presentation: its share link stops working at once. */
export function endPresentation(
  em: EntityManager,
  input: { id: string; version: number },
): Promise<Presentation> {
  return inTransaction(em, async (tx) => {
    const presentation = await lookupOrFail(tx, Presentation, input.id, { lock: true });
    assertVersion(presentation, input.version, 'presentation');
    checkLive(presentation.endedAt);
    presentation.endedAt = new Date();
    return presentation;
  });
}

/** The live presentation a share token opens, or null (unknown, malformed or ended): one statement. */
export async function presentationForShareToken(
  em: EntityManager,
  token: string,
): Promise<Presentation | null> {
  if (!token.startsWith(SHARE_TOKEN_PREFIX) || token.length > 100) return null;
  return em.findOne(Presentation, { shareTokenHash: secretHash(token), endedAt: null });
}

function positionOf(presentation: Presentation): PresentationPosition {
  return {
    mode: presentation.mode,
    workflowNumber: presentation.workflowNumber,
    procedureId: presentation.procedure?.id ?? null,
    step: presentation.step,
  };
}

/**
 * The step must lie on the walkthrough as the model is now: on the workflow's expanded path (the same
 * expansion `Workflow.steps` answers), or one of the three derivation stages of a procedure of this
 * organisation. Returns the procedure for a derivation.
 */
async function checkPosition(
  em: EntityManager,
  organisationId: string,
  position: PresentationPosition,
): Promise<Procedure | null> {
  if (position.mode === 'DERIVATION') {
    const procedure = await em.findOne(Procedure, {
      id: position.procedureId!,
      organisation: organisationId,
    });
    if (!procedure) throw new NotFoundError('Procedure', position.procedureId!);
    checkStepWithin(position, 0);
    return procedure;
  }
  const workflow = await em.findOneOrFail(Workflow, {
    organisation: organisationId,
    number: position.workflowNumber!,
  });
  const model = await loadOrganisationModel(em, organisationId);
  const route = { startProcess: workflow.startProcess, forkChoices: workflow.forkChoices };
  checkStepWithin(position, expandWorkflow(model.expansion, route).length);
  return null;
}
