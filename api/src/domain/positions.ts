/**
 * Position arithmetic for the ordered activities of a process: positions are 1-based and contiguous.
 * Each planner returns only the entries whose position changes, so the caller writes the fewest rows.
 *
 * The planners re-number from the current order rather than shifting by ±1, so a list that has somehow
 * gained a gap or a duplicate is healed by the next edit instead of carrying the damage forward.
 */
import { BadUserInputError, NotFoundError } from './errors';

export interface Positioned {
  id: string;
  position: number;
}

const POSITION_FIELD = 'input.position';

export function validPositionRange(count: number, forInsert: boolean): { min: number; max: number } {
  return { min: 1, max: forInsert ? count + 1 : count };
}

/** New positions after moving `id` to `to`; returns only entries whose position changes, as {id, position}. */
export function planMove(
  items: readonly Positioned[],
  id: string,
  to: number,
  processName?: string,
): Positioned[] {
  const ordered = inPositionOrder(items);
  const moving = ordered.find((item) => item.id === id);
  if (!moving) throw new NotFoundError('Activity', id);
  assertInRange(to, items.length, false, processName);
  const others = ordered.filter((item) => item !== moving);
  others.splice(to - 1, 0, moving);
  return changedPositions(others);
}

/** Shifts needed to insert a new item at `at` (1..n+1); the new item itself is not in the result. */
export function planInsert(items: readonly Positioned[], at: number, processName?: string): Positioned[] {
  assertInRange(at, items.length, true, processName);
  const ordered: (Positioned | null)[] = inPositionOrder(items);
  ordered.splice(at - 1, 0, null);
  return changedPositions(ordered);
}

/** Closes the gap left by removing `id`; the removed item itself is not in the result. */
export function planRemove(items: readonly Positioned[], id: string): Positioned[] {
  const ordered = inPositionOrder(items);
  if (!ordered.some((item) => item.id === id)) throw new NotFoundError('Activity', id);
  return changedPositions(ordered.filter((item) => item.id !== id));
}

/** Ties (which a healthy list never has) fall back to id order so the plan is deterministic. */
function inPositionOrder(items: readonly Positioned[]): Positioned[] {
  return [...items].sort((a, b) => a.position - b.position || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** `null` marks a slot reserved for an item that does not exist yet. */
function changedPositions(order: readonly (Positioned | null)[]): Positioned[] {
  const changes: Positioned[] = [];
  order.forEach((item, index) => {
    if (item && item.position !== index + 1) changes.push({ id: item.id, position: index + 1 });
  });
  return changes;
}

function assertInRange(position: number, count: number, forInsert: boolean, processName?: string): void {
  const { min, max } = validPositionRange(count, forInsert);
  if (Number.isInteger(position) && position >= min && position <= max) return;
  const problem = Number.isInteger(position) ? 'is out of range' : 'is not a whole number';
  const owner = processName ?? 'The process';
  const noun = count === 1 ? 'activity' : 'activities';
  throw new BadUserInputError(
    `Position ${position} ${problem}: ${owner} has ${count} ${noun}, so choose ${min} to ${max}.`,
    POSITION_FIELD,
  );
}
