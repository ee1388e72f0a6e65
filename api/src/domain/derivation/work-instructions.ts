/**
 * Work instructions (HOW): one per live step and Responsible role, naming the tools and saying in Markdown
 * how the role does the step. Only Responsible roles get one: they are the ones doing the work.
 */
import type { CompletenessResponsibility, CompletenessStep } from './completeness';

export interface InstructionKey {
  stepId: string;
  roleId: string;
}

/**
 * One work instruction per live step and Responsible role; returns the (stepId, roleId) pairs that have none
 * yet, in step order then role order as given.
 */
export function missingWorkInstructions(
  steps: readonly CompletenessStep[],
  responsibilities: readonly CompletenessResponsibility[],
  existing: readonly InstructionKey[],
): InstructionKey[] {
  const have = new Set(existing.map((key) => pairKey(key.stepId, key.roleId)));
  const responsibleByStep = new Map<string, string[]>();
  for (const row of responsibilities) {
    if (!row.raci.includes('R')) continue;
    const roles = responsibleByStep.get(row.stepId) ?? [];
    if (!roles.includes(row.roleId)) roles.push(row.roleId);
    responsibleByStep.set(row.stepId, roles);
  }
  return steps
    .filter((step) => !step.obsolete)
    .flatMap((step) =>
      (responsibleByStep.get(step.id) ?? [])
        .filter((roleId) => !have.has(pairKey(step.id, roleId)))
        .map((roleId) => ({ stepId: step.id, roleId })),
    );
}

/**
 * A work instruction is obsolete when its step is obsolete or its role is no longer Responsible on that step.
 * It is kept rather than deleted, like an obsolete step, so its text survives the role being made R again.
 */
export function isInstructionObsolete(
  instruction: InstructionKey,
  stepObsolete: boolean,
  responsibilities: readonly CompletenessResponsibility[],
): boolean {
  if (stepObsolete) return true;
  return !responsibilities.some(
    (row) => row.stepId === instruction.stepId && row.roleId === instruction.roleId && row.raci.includes('R'),
  );
}

function pairKey(stepId: string, roleId: string): string {
  return JSON.stringify([stepId, roleId]);
}
