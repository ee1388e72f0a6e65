/**
 * RACI responsibilities of roles on procedure steps (reference §1, §5): exactly one Accountable per step and
 * at least one Responsible. Only "one Accountable at most" is enforced on edit; missing letters are gaps
 * that completeness.ts reports, since a procedure is filled in step by step.
 */
import { BadUserInputError } from '../errors';

export const RACI_LETTERS = ['R', 'A', 'C', 'I'] as const;
export type Raci = (typeof RACI_LETTERS)[number];

/** Each letter once, in R, A, C, I order, so equal sets of letters store and compare equal. */
export function normaliseRaci(letters: readonly Raci[]): Raci[] {
  return RACI_LETTERS.filter((letter) => letters.includes(letter));
}

/**
 * Throws BadUserInputError(field 'input.raci') naming the step (by stepLabel, e.g. `step 3 "Analyse"`) when
 * giving `roleId` these letters would make a second Accountable on the step. The role's own current letters
 * are replaced, so a role that already is Accountable may keep A.
 */
export function assertSingleAccountable(
  stepLabel: string,
  current: ReadonlyMap<string, readonly Raci[]>,
  roleId: string,
  letters: readonly Raci[],
): void {
  if (!letters.includes('A')) return;
  const otherAccountable = [...current].some(
    ([otherRoleId, held]) => otherRoleId !== roleId && held.includes('A'),
  );
  if (!otherAccountable) return;
  throw new BadUserInputError(
    `Another role is already Accountable (A) for ${stepLabel}, and a step has exactly one Accountable. ` +
      'Take A away from that role first, or give this role only R, C or I.',
    'input.raci',
  );
}
