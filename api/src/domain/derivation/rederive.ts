/**
 * Brings a stored procedure in line with a fresh derivation without losing user input. Responsibilities and
 * work instructions hang off step ids, so the plan keeps every stored step (matched by its key, activity and
 * occurrence) and only marks the ones that left the path obsolete; it never deletes one.
 */
import type { ProcessKey } from '../usm';
import { stepKey, type DerivedStep } from './derive';
import { inStoredOrder } from './stored-order';

export interface StoredStep {
  id: string;
  activityId: string;
  occurrence: number;
  position: number;
  depth: number;
  processKey: ProcessKey;
  /** the activity's name when the step was last (re)derived */
  activityName: string;
  obsolete: boolean;
}

export interface PlannedStep {
  /** null: a new step */
  id: string | null;
  activityId: string;
  occurrence: number;
  processKey: ProcessKey;
  position: number;
  depth: number;
  activityName: string;
  obsolete: boolean;
}

export interface RederivationPlan {
  /** every step of the procedure after re-derivation, obsolete ones included, in position order */
  steps: PlannedStep[];
  /** false when applying the plan would write nothing, so the caller must not even bump versions */
  changed: boolean;
}

/**
 * Live steps follow `fresh` exactly. A stored step whose key left the path stays, obsolete, right after the
 * live step it followed in the stored order (at the start when none precedes it), so it keeps its place in
 * the reader's mind; several such steps after one anchor keep their stored order.
 *
 * Stored steps sharing a key (a broken invariant) are not dropped: the live one is reused (the first in
 * stored order when several are), and the others become obsolete. Preferring the live one keeps a second
 * plan on the result unchanged.
 */
export function planRederivation(
  stored: readonly StoredStep[],
  fresh: readonly DerivedStep[],
): RederivationPlan {
  const ordered = inStoredOrder(stored);
  const byKey = new Map<string, StoredStep>();
  for (const step of ordered) {
    const key = stepKey(step);
    const holder = byKey.get(key);
    if (!holder || (holder.obsolete && !step.obsolete)) byKey.set(key, step);
  }

  const reusedIds = new Set<string>();
  const liveSteps = fresh.map((step): Omit<PlannedStep, 'position'> => {
    const reused = byKey.get(stepKey(step));
    const planned = {
      id: reused?.id ?? null,
      activityId: step.activityId,
      occurrence: step.occurrence,
      processKey: step.processKey,
      depth: step.depth,
      activityName: step.activityName,
      obsolete: false,
    };
    if (reused) reusedIds.add(reused.id);
    return planned;
  });

  // Obsolete steps grouped by the live step they follow; `null` is the very start.
  const obsoleteAfter = new Map<string | null, Omit<PlannedStep, 'position'>[]>();
  let anchor: string | null = null;
  for (const step of ordered) {
    if (reusedIds.has(step.id)) {
      anchor = step.id;
      continue;
    }
    const group = obsoleteAfter.get(anchor) ?? [];
    group.push({ ...withoutPosition(step), obsolete: true });
    obsoleteAfter.set(anchor, group);
  }

  const result = [...(obsoleteAfter.get(null) ?? [])];
  for (const step of liveSteps) {
    result.push(step);
    if (step.id !== null) result.push(...(obsoleteAfter.get(step.id) ?? []));
  }
  const steps = result.map((step, index): PlannedStep => ({ ...step, position: index + 1 }));

  const storedById = new Map(stored.map((step) => [step.id, step]));
  const changed = steps.some((step) => {
    const before = step.id === null ? undefined : storedById.get(step.id);
    return !before || !sameStoredFields(before, step);
  });
  return { steps, changed };
}

function withoutPosition(step: StoredStep): Omit<PlannedStep, 'position'> {
  return {
    id: step.id,
    activityId: step.activityId,
    occurrence: step.occurrence,
    processKey: step.processKey,
    depth: step.depth,
    activityName: step.activityName,
    obsolete: step.obsolete,
  };
}

/** Every field the caller would write; activity and occurrence are equal by construction but cheap to check. */
function sameStoredFields(before: StoredStep, after: PlannedStep): boolean {
  return (
    before.activityId === after.activityId &&
    before.occurrence === after.occurrence &&
    before.position === after.position &&
    before.depth === after.depth &&
    before.processKey === after.processKey &&
    before.activityName === after.activityName &&
    before.obsolete === after.obsolete
  );
}
