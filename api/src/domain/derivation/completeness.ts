/**
 * How far a procedure is filled in: WHO (responsibilities) and HOW (work instructions) per live step.
 * Obsolete steps are left out: they are kept only so that their user input is not lost.
 */
import type { Raci } from './responsibilities';

export interface CompletenessStep {
  id: string;
  obsolete: boolean;
}

export interface CompletenessResponsibility {
  stepId: string;
  roleId: string;
  raci: readonly Raci[];
}

export interface CompletenessInstruction {
  stepId: string;
  roleId: string;
  toolCount: number;
  text: string;
}

export interface Completeness {
  liveSteps: number;
  whoGaps: number;
  howGaps: number;
  /** passed checks ÷ (2 × liveSteps) × 100, one decimal; 0 without live steps */
  percentComplete: number;
  whoGapStepIds: string[];
  howGapStepIds: string[];
}

/**
 * WHO passes when the step has exactly one Accountable role and at least one Responsible role.
 *
 * HOW passes when the step has at least one Responsible role and each of them has a work instruction on the
 * step naming at least one tool, with non-blank text. Our reading: work instructions are written per
 * Responsible role, so a step without one has no HOW yet and fails HOW as well as WHO.
 *
 * Gap ids come in the order of `steps` (the caller passes them in position order). Rows for unknown or
 * obsolete steps are ignored; several rows for one (step, role) pair count as one role with all their letters.
 */
export function measureCompleteness(
  steps: readonly CompletenessStep[],
  responsibilities: readonly CompletenessResponsibility[],
  instructions: readonly CompletenessInstruction[],
): Completeness {
  const lettersByStep = new Map<string, Map<string, Set<Raci>>>();
  for (const row of responsibilities) {
    const roles = lettersByStep.get(row.stepId) ?? new Map<string, Set<Raci>>();
    const letters = roles.get(row.roleId) ?? new Set<Raci>();
    for (const letter of row.raci) letters.add(letter);
    roles.set(row.roleId, letters);
    lettersByStep.set(row.stepId, roles);
  }
  const instructed = new Set(
    instructions
      .filter((instruction) => instruction.toolCount >= 1 && instruction.text.trim() !== '')
      .map((instruction) => pairKey(instruction.stepId, instruction.roleId)),
  );

  const whoGapStepIds: string[] = [];
  const howGapStepIds: string[] = [];
  let liveSteps = 0;
  for (const step of steps) {
    if (step.obsolete) continue;
    liveSteps += 1;
    const roles = [...(lettersByStep.get(step.id) ?? new Map<string, Set<Raci>>())];
    const accountable = roles.filter(([, letters]) => letters.has('A')).length;
    const responsible = roles.filter(([, letters]) => letters.has('R')).map(([roleId]) => roleId);
    if (accountable !== 1 || responsible.length === 0) whoGapStepIds.push(step.id);
    const howDone =
      responsible.length > 0 && responsible.every((roleId) => instructed.has(pairKey(step.id, roleId)));
    if (!howDone) howGapStepIds.push(step.id);
  }
  return summarise(liveSteps, whoGapStepIds, howGapStepIds);
}

/** Totals over several procedures; the percentage is recomputed from the totals, not averaged. */
export function combineCompleteness(parts: readonly Completeness[]): Completeness {
  return summarise(
    parts.reduce((sum, part) => sum + part.liveSteps, 0),
    parts.flatMap((part) => part.whoGapStepIds),
    parts.flatMap((part) => part.howGapStepIds),
  );
}

function summarise(liveSteps: number, whoGapStepIds: string[], howGapStepIds: string[]): Completeness {
  return {
    liveSteps,
    whoGaps: whoGapStepIds.length,
    howGaps: howGapStepIds.length,
    percentComplete: percent(liveSteps, whoGapStepIds.length + howGapStepIds.length),
    whoGapStepIds,
    howGapStepIds,
  };
}

/**
 * 0 without live steps: nothing has been filled in, and 100 would claim a finished procedure. Rounding never
 * reaches 100 while a gap is left (possible from 1001 steps on) nor 0 once a check passes, so the figure
 * never claims "done" or "nothing" falsely.
 */
function percent(liveSteps: number, gaps: number): number {
  const checks = 2 * liveSteps;
  if (checks === 0) return 0;
  const passed = checks - gaps;
  const rounded = Math.round((passed / checks) * 1000) / 10;
  if (gaps > 0 && rounded === 100) return 99.9;
  if (passed > 0 && rounded === 0) return 0.1;
  return rounded;
}

function pairKey(stepId: string, roleId: string): string {
  return JSON.stringify([stepId, roleId]);
}
