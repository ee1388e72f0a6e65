import { describe, expect, it } from 'vitest';
import { validCanvasArrangement } from './canvas-arrangement';
import { BadUserInputError } from './errors';

const field = 'input.columns';

describe('a canvas arrangement', () => {
  it('accepts the five processes, each in one place, in any number of columns', () => {
    const columns = [['IMPROVE', 'AGREE'], ['RECOVER'], ['CHANGE', 'OPERATE']];
    expect(validCanvasArrangement(columns, field)).toEqual(columns);
    expect(
      validCanvasArrangement([['OPERATE', 'CHANGE', 'RECOVER', 'AGREE', 'IMPROVE']], field),
    ).toHaveLength(1);
  });

  it.each([
    [[], 'between 1 and 5 columns'],
    [[['IMPROVE'], ['AGREE'], ['RECOVER'], ['CHANGE'], ['OPERATE'], []], 'between 1 and 5 columns'],
    [[['IMPROVE', 'AGREE'], [], ['RECOVER', 'CHANGE', 'OPERATE']], 'Column 2 is empty'],
    [[['IMPROVE', 'AGREE', 'RECOVER', 'CHANGE', 'OPERATE', 'AGREE']], 'AGREE stands in more than one place'],
    [[['IMPROVE', 'AGREE', 'RECOVER', 'CHANGE', 'DEPLOY']], 'DEPLOY is not a USM process'],
    [[['IMPROVE', 'AGREE', 'RECOVER', 'CHANGE']], 'missing: OPERATE'],
  ])('refuses %j (%s)', (columns, message) => {
    expect(() => validCanvasArrangement(columns, field)).toThrow(BadUserInputError);
    expect(() => validCanvasArrangement(columns, field)).toThrow(message);
  });
});
