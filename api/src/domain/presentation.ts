/**
 * Presentations: a trainer walks a class through one of the eight workflows (step by step along its
 * expanded path) or through the derivation of a procedure (WHAT → WHO → HOW). Plain rules; the service
 * supplies what needs the database (the length of a workflow's expanded path, whether a procedure exists).
 */
import { BadUserInputError } from './errors';

export const WALKTHROUGH_MODES = ['WORKFLOW', 'DERIVATION'] as const;
export type WalkthroughMode = (typeof WALKTHROUGH_MODES)[number];

/** The stages of a derivation walkthrough, in order: stage 1 is WHAT, 2 WHO, 3 HOW. */
export const DERIVATION_STAGES = ['WHAT', 'WHO', 'HOW'] as const;
export type DerivationStage = (typeof DERIVATION_STAGES)[number];

/** USM has eight workflows, numbered 1 to 8. */
export const WORKFLOW_NUMBERS = [1, 2, 3, 4, 5, 6, 7, 8] as const;

/** Where a presentation stands. Exactly one of workflowNumber (WORKFLOW) and procedureId (DERIVATION). */
export interface PresentationPosition {
  mode: WalkthroughMode;
  workflowNumber: number | null;
  procedureId: string | null;
  /** 1-based: a position on the workflow's expanded path, or a derivation stage. */
  step: number;
}

/** What a start or a move asks for; absent values keep the current ones where that makes sense. */
export interface PositionRequest {
  mode?: WalkthroughMode | null;
  workflowNumber?: number | null;
  procedureId?: string | null;
  step?: number | null;
}

/**
 * The position a start (`current` null) or a move asks for, checked for shape: the mode, a workflow
 * number 1–8 for WORKFLOW, a procedure for DERIVATION (not both), a step of at least 1. A move that keeps
 * the mode may leave out the workflow or procedure; switching modes must name the new one. The step's
 * upper bound needs the model: see `checkStepWithin`.
 */
export function plannedPosition(
  current: PresentationPosition | null,
  request: PositionRequest,
): PresentationPosition {
  const mode = request.mode ?? current?.mode;
  if (mode === undefined || !(WALKTHROUGH_MODES as readonly string[]).includes(mode)) {
    throw new BadUserInputError('Choose the walkthrough: WORKFLOW or DERIVATION.', 'input.mode');
  }
  const step = request.step ?? (current ? null : 1);
  if (step === null || !Number.isInteger(step) || step < 1) {
    throw new BadUserInputError(`Steps count from 1; ${String(step)} is not a step.`, 'input.step');
  }
  const sameMode = current?.mode === mode;
  if (mode === 'WORKFLOW') {
    if (request.procedureId != null) {
      throw new BadUserInputError(
        'A workflow walkthrough has no procedure: leave out procedureId, or choose DERIVATION.',
        'input.procedureId',
      );
    }
    const workflowNumber = request.workflowNumber ?? (sameMode ? current.workflowNumber : null);
    if (workflowNumber === null) {
      throw new BadUserInputError(
        'A workflow walkthrough needs the workflow: workflowNumber 1 to 8.',
        'input.workflowNumber',
      );
    }
    if (!(WORKFLOW_NUMBERS as readonly number[]).includes(workflowNumber)) {
      throw new BadUserInputError(
        `There are eight USM workflows: choose 1 to 8, not ${workflowNumber}.`,
        'input.workflowNumber',
      );
    }
    return { mode, workflowNumber, procedureId: null, step };
  }
  if (request.workflowNumber != null) {
    throw new BadUserInputError(
      'A derivation walkthrough follows a procedure, not a workflow number: leave out workflowNumber, or choose WORKFLOW.',
      'input.workflowNumber',
    );
  }
  const procedureId = request.procedureId ?? (sameMode ? current.procedureId : null);
  if (procedureId === null) {
    throw new BadUserInputError(
      'A derivation walkthrough needs the procedure whose derivation it shows: give procedureId.',
      'input.procedureId',
    );
  }
  return { mode, workflowNumber: null, procedureId, step };
}

/** How many steps the walkthrough has: the workflow's expanded path, or the three derivation stages. */
export function stepCount(position: PresentationPosition, workflowPathLength: number): number {
  return position.mode === 'WORKFLOW' ? workflowPathLength : DERIVATION_STAGES.length;
}

/** The step must lie on the walkthrough: at most the length of the expanded path, or stage 3 (HOW). */
export function checkStepWithin(position: PresentationPosition, workflowPathLength: number): void {
  const count = stepCount(position, workflowPathLength);
  if (position.step <= count) return;
  const message =
    position.mode === 'DERIVATION'
      ? `A derivation has three stages (1 WHAT, 2 WHO, 3 HOW); there is no stage ${position.step}.`
      : count === 0
        ? `Workflow ${position.workflowNumber} has no steps: its processes have no activities yet.`
        : `Workflow ${position.workflowNumber} has ${count} steps on its expanded path; step ${position.step} is beyond it.`;
  throw new BadUserInputError(message, 'input.step');
}

/** An ended presentation cannot move or end again (its share link is already revoked). */
export function checkLive(endedAt: Date | null): void {
  if (endedAt !== null) {
    throw new BadUserInputError('This presentation has ended; start a new one.', 'input.id');
  }
}
