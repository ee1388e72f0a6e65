/**
 * WHO gaps (docs/derivation.md, Completeness): a live step passes WHO with exactly one Accountable and at
 * least one Responsible. Obsolete steps are not checked.
 */
import type { Raci } from './raci';

export interface WhoGap {
  readonly noResponsible: boolean;
  readonly noAccountable: boolean;
}

interface CheckedStep {
  readonly obsolete: boolean;
  readonly responsibilities: readonly { readonly raci: readonly Raci[] }[];
}

/** What a step lacks for WHO; null when it passes (or is obsolete). */
export function whoGapOf(step: CheckedStep): WhoGap | null {
  if (step.obsolete) return null;
  const count = (letter: Raci) => step.responsibilities.filter((held) => held.raci.includes(letter)).length;
  const gap = { noResponsible: count('R') === 0, noAccountable: count('A') !== 1 };
  return gap.noResponsible || gap.noAccountable ? gap : null;
}

/** Short texts for the badges: 'No Responsible', 'No Accountable'. */
export function gapLabels(gap: WhoGap | null): string[] {
  if (!gap) return [];
  return [...(gap.noResponsible ? ['No Responsible'] : []), ...(gap.noAccountable ? ['No Accountable'] : [])];
}

/** Counts the live steps and those with a WHO gap. */
export function whoGapCount(steps: readonly CheckedStep[]): { live: number; gaps: number } {
  const live = steps.filter((step) => !step.obsolete);
  return { live: live.length, gaps: live.filter((step) => whoGapOf(step) !== null).length };
}
