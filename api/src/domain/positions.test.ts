import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BadUserInputError, NotFoundError } from './errors';
import { planInsert, planMove, planRemove, validPositionRange, type Positioned } from './positions';

function contiguous(...ids: string[]): Positioned[] {
  return ids.map((id, index) => ({ id, position: index + 1 }));
}

/** Applies a plan and returns the ids in their new order (a `null` id stands for a newly inserted item). */
function apply(items: readonly Positioned[], plan: readonly Positioned[]): Map<string, number> {
  const positions = new Map(items.map((item) => [item.id, item.position]));
  for (const change of plan) positions.set(change.id, change.position);
  return positions;
}

function idsInOrder(positions: ReadonlyMap<string, number>): string[] {
  return [...positions].sort((a, b) => a[1] - b[1]).map(([id]) => id);
}

function expectContiguous(positions: Iterable<number>, count: number): void {
  expect([...positions].sort((a, b) => a - b)).toEqual(
    Array.from({ length: count }, (_, index) => index + 1),
  );
}

function catchError(action: () => unknown): unknown {
  try {
    action();
  } catch (error) {
    return error;
  }
  throw new Error('expected an error');
}

describe('validPositionRange', () => {
  it('allows 1..n to move to and 1..n+1 to insert at', () => {
    expect(validPositionRange(7, false)).toEqual({ min: 1, max: 7 });
    expect(validPositionRange(7, true)).toEqual({ min: 1, max: 8 });
    expect(validPositionRange(0, true)).toEqual({ min: 1, max: 1 });
  });
});

describe('planMove', () => {
  const items = contiguous('a', 'b', 'c', 'd', 'e');

  it('moves an item down and shifts the ones it passes up', () => {
    expect(planMove(items, 'b', 4)).toEqual([
      { id: 'c', position: 2 },
      { id: 'd', position: 3 },
      { id: 'b', position: 4 },
    ]);
  });

  it('moves an item up and shifts the ones it passes down', () => {
    expect(planMove(items, 'e', 1)).toEqual([
      { id: 'e', position: 1 },
      { id: 'a', position: 2 },
      { id: 'b', position: 3 },
      { id: 'c', position: 4 },
      { id: 'd', position: 5 },
    ]);
  });

  it('plans nothing when the item stays where it is', () => {
    expect(planMove(items, 'c', 3)).toEqual([]);
  });

  it('works whatever order the items are given in', () => {
    expect(planMove([...items].reverse(), 'a', 2)).toEqual([
      { id: 'b', position: 1 },
      { id: 'a', position: 2 },
    ]);
  });

  it('refuses a target outside 1..n, naming the valid range and the process', () => {
    const error = catchError(() =>
      planMove(contiguous('1', '2', '3', '4', '5', '6', '7'), '1', 9, 'Recover'),
    );
    expect(error).toBeInstanceOf(BadUserInputError);
    expect((error as BadUserInputError).field).toBe('input.position');
    expect((error as BadUserInputError).message).toBe(
      'Position 9 is out of range: Recover has 7 activities, so choose 1 to 7.',
    );
    expect(() => planMove(items, 'a', 0)).toThrow('choose 1 to 5');
  });

  it('refuses a position that is not a whole number', () => {
    const error = catchError(() => planMove(items, 'a', 2.5, 'Operate'));
    expect(error).toBeInstanceOf(BadUserInputError);
    expect((error as BadUserInputError).field).toBe('input.position');
    expect((error as BadUserInputError).message).toBe(
      'Position 2.5 is not a whole number: Operate has 5 activities, so choose 1 to 5.',
    );
    expect(() => planMove(items, 'a', Number.NaN)).toThrow(BadUserInputError);
  });

  it('reports an unknown item as not found', () => {
    expect(() => planMove(items, 'zz', 1)).toThrow(NotFoundError);
  });
});

describe('planInsert', () => {
  const items = contiguous('a', 'b', 'c');

  it('shifts the items at and after the insertion point', () => {
    expect(planInsert(items, 2)).toEqual([
      { id: 'b', position: 3 },
      { id: 'c', position: 4 },
    ]);
  });

  it('shifts nothing when appending', () => {
    expect(planInsert(items, 4)).toEqual([]);
    expect(planInsert([], 1)).toEqual([]);
  });

  it('refuses a position outside 1..n+1', () => {
    expect(() => planInsert(items, 5, 'Agree')).toThrow(
      'Position 5 is out of range: Agree has 3 activities, so choose 1 to 4.',
    );
    expect(() => planInsert([{ id: 'a', position: 1 }], 0)).toThrow(
      'Position 0 is out of range: The process has 1 activity, so choose 1 to 2.',
    );
  });
});

describe('planRemove', () => {
  it('closes the gap behind the removed item', () => {
    expect(planRemove(contiguous('a', 'b', 'c', 'd'), 'b')).toEqual([
      { id: 'c', position: 2 },
      { id: 'd', position: 3 },
    ]);
    expect(planRemove(contiguous('a', 'b'), 'b')).toEqual([]);
  });

  it('reports an unknown item as not found', () => {
    expect(() => planRemove(contiguous('a'), 'b')).toThrow(NotFoundError);
  });

  it('heals a list that had a gap', () => {
    const damaged = [
      { id: 'a', position: 1 },
      { id: 'b', position: 3 },
      { id: 'c', position: 4 },
    ];
    expect(planRemove(damaged, 'a')).toEqual([
      { id: 'b', position: 1 },
      { id: 'c', position: 2 },
    ]);
  });
});

describe('plans keep positions contiguous (property)', () => {
  /** n contiguous items, handed over in a random order as a database might return them. */
  const shuffledItems = (minLength: number) =>
    fc
      .uniqueArray(fc.string({ minLength: 1, maxLength: 4 }), { minLength, maxLength: 25 })
      .chain((ids) =>
        fc.shuffledSubarray(contiguous(...ids), { minLength: ids.length, maxLength: ids.length }),
      );

  it('moving keeps 1..n, puts the item at its target and keeps the others in order', () => {
    fc.assert(
      fc.property(
        shuffledItems(1).chain((items) =>
          fc.tuple(fc.constant(items), fc.constantFrom(...items), fc.integer({ min: 1, max: items.length })),
        ),
        ([items, moving, to]) => {
          const plan = planMove(items, moving.id, to);
          expectOnlyRealChanges(items, plan);
          const after = apply(items, plan);
          expectContiguous(after.values(), items.length);
          expect(after.get(moving.id)).toBe(to);
          expect(idsInOrder(after).filter((id) => id !== moving.id)).toEqual(
            idsInOrder(apply(items, [])).filter((id) => id !== moving.id),
          );
        },
      ),
    );
  });

  it('inserting leaves exactly the target free and keeps 1..n+1 with the others in order', () => {
    fc.assert(
      fc.property(
        shuffledItems(0).chain((items) =>
          fc.tuple(fc.constant(items), fc.integer({ min: 1, max: items.length + 1 })),
        ),
        ([items, at]) => {
          const plan = planInsert(items, at);
          expectOnlyRealChanges(items, plan);
          const after = apply(items, plan);
          expect([...after.values()]).not.toContain(at);
          expectContiguous([...after.values(), at], items.length + 1);
          expect(idsInOrder(after)).toEqual(idsInOrder(apply(items, [])));
        },
      ),
    );
  });

  it('removing keeps 1..n-1 with the others in order', () => {
    fc.assert(
      fc.property(
        shuffledItems(1).chain((items) => fc.tuple(fc.constant(items), fc.constantFrom(...items))),
        ([items, removed]) => {
          const plan = planRemove(items, removed.id);
          expectOnlyRealChanges(items, plan);
          expect(plan.map((change) => change.id)).not.toContain(removed.id);
          const after = apply(items, plan);
          after.delete(removed.id);
          expectContiguous(after.values(), items.length - 1);
          expect(idsInOrder(after)).toEqual(idsInOrder(apply(items, [])).filter((id) => id !== removed.id));
        },
      ),
    );
  });
});

/** A plan lists only entries whose position actually changes, each at most once. */
function expectOnlyRealChanges(items: readonly Positioned[], plan: readonly Positioned[]): void {
  const before = new Map(items.map((item) => [item.id, item.position]));
  expect(new Set(plan.map((change) => change.id)).size).toBe(plan.length);
  for (const change of plan) expect(before.get(change.id)).not.toBe(change.position);
}
