/**
 * Why a stored procedure no longer matches its source, as sentences for the studio. Read off the plan that
 * re-derivation would apply, so "no reasons" and "nothing to write" cannot drift apart.
 */
import { processLabel } from '../rules';
import type { DerivedStep } from './derive';
import { planRederivation, type PlannedStep, type StoredStep } from './rederive';
import { inStoredOrder } from './stored-order';

/**
 * Empty exactly when `planRederivation(stored, fresh).changed` is false. Sentences come grouped by kind
 * (added, renamed, removed, order, process, depth), each group in path order, without repeats (an activity
 * on the path twice is renamed once). Steps that were obsolete and stay off the path say nothing: the
 * procedure already shows them as obsolete.
 */
export function outOfDateReasons(stored: readonly StoredStep[], fresh: readonly DerivedStep[]): string[] {
  const plan = planRederivation(stored, fresh);
  if (!plan.changed) return [];

  const storedById = new Map(stored.map((step) => [step.id, step]));
  const added = new Set<string>();
  const renamed = new Set<string>();
  const removed = new Set<string>();
  const processMoves = new Set<string>();
  const depthMoves = new Set<string>();
  for (const step of plan.steps) {
    const before = step.id === null ? undefined : storedById.get(step.id);
    if (!before) {
      added.add(addedSentence(step));
      continue;
    }
    if (step.obsolete) {
      if (!before.obsolete) {
        removed.add(`Activity "${before.activityName}" was removed or is no longer on the path.`);
      }
      continue;
    }
    if (before.obsolete) {
      added.add(`Activity "${step.activityName}" was added back to ${processLabel(step.processKey)}.`);
    }
    if (before.activityName !== step.activityName) {
      renamed.add(`Activity "${before.activityName}" was renamed to "${step.activityName}".`);
    }
    if (before.processKey !== step.processKey) {
      processMoves.add(
        `"${step.activityName}" moved from ${processLabel(before.processKey)} to ${processLabel(step.processKey)}.`,
      );
    }
    if (before.depth !== step.depth) {
      depthMoves.add(`"${step.activityName}" moved from depth ${before.depth} to depth ${step.depth}.`);
    }
  }

  const order = orderChanged(stored, plan.steps) ? ['The order of the activities changed.'] : [];
  // Stored positions with gaps or repeats (never written by a plan, but possible in older data) must be
  // renumbered, which is a write, so it needs a reason when nothing else explains it.
  const renumber = !contiguous(stored)
    ? ['The steps are renumbered to close gaps or repeats in their positions.']
    : [];
  const reasons = [...added, ...renamed, ...removed, ...order, ...processMoves, ...depthMoves];
  return reasons.length > 0 ? reasons : renumber;
}

function contiguous(stored: readonly StoredStep[]): boolean {
  return inStoredOrder(stored).every((step, index) => step.position === index + 1);
}

/**
 * Compares only steps live both before and after: an added, removed or revived step is reported as such,
 * and the shift it causes is not also an order change.
 */
function orderChanged(stored: readonly StoredStep[], planned: readonly PlannedStep[]): boolean {
  const staying = new Set(
    planned.filter((step) => !step.obsolete && step.id !== null).map((step) => step.id),
  );
  const before = inStoredOrder(stored)
    .filter((step) => !step.obsolete && staying.has(step.id))
    .map((step) => step.id);
  const compared = new Set(before);
  const after = planned.filter((step) => step.id !== null && compared.has(step.id));
  return after.some((step, index) => step.id !== before[index]);
}

function addedSentence(step: PlannedStep): string {
  const into = processLabel(step.processKey);
  if (step.occurrence === 1) return `Activity "${step.activityName}" was added to ${into}.`;
  return `Activity "${step.activityName}" was added to ${into} (its ${ordinal(step.occurrence)} time on the path).`;
}

function ordinal(n: number): string {
  const lastTwo = n % 100;
  if (lastTwo >= 11 && lastTwo <= 13) return `${n}th`;
  return `${n}${{ 1: 'st', 2: 'nd', 3: 'rd' }[n % 10] ?? 'th'}`;
}
