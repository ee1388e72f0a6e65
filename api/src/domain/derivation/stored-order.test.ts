import { describe, expect, it } from 'vitest';
import { inStoredOrder } from './stored-order';

describe('inStoredOrder', () => {
  it('sorts by position, then by id for ties, without touching its input', () => {
    const steps = [
      { id: 'c', position: 2 },
      { id: 'b', position: 1 },
      { id: 'a', position: 2 },
    ];
    expect(inStoredOrder(steps).map((step) => step.id)).toEqual(['b', 'a', 'c']);
    expect(steps.map((step) => step.id)).toEqual(['c', 'b', 'a']);
  });
});
