import { describe, expect, it } from 'vitest';
import {
  arrangementAfterDrop,
  arrangementOf,
  placeProcess,
  sameArrangement,
  shiftProcess,
  type Arrangement,
} from './arrangement';
import { ARRANGEMENT, COLUMN_WIDTH, LAYOUT, layoutArchitecture } from './layout';
import type { ProcessKey } from './usm';

const TWO_COLUMNS: Arrangement = [
  ['IMPROVE', 'AGREE'],
  ['RECOVER', 'CHANGE', 'OPERATE'],
];

describe('arranging the process containers', () => {
  it('uses the default until one is saved', () => {
    expect(arrangementOf(null)).toBe(ARRANGEMENT);
    expect(arrangementOf(TWO_COLUMNS)).toBe(TWO_COLUMNS);
  });

  it('places a process in another column at a row, dropping the column it leaves empty', () => {
    expect(placeProcess(ARRANGEMENT, 'AGREE', 0, 1)).toEqual([
      ['IMPROVE', 'AGREE'],
      ['RECOVER'],
      ['CHANGE'],
      ['OPERATE'],
    ]);
    expect(placeProcess(TWO_COLUMNS, 'OPERATE', 0, 0)).toEqual([
      ['OPERATE', 'IMPROVE', 'AGREE'],
      ['RECOVER', 'CHANGE'],
    ]);
  });

  it('opens a new column before the first or after the last', () => {
    expect(placeProcess(TWO_COLUMNS, 'CHANGE', 5, 0)).toEqual([
      ['IMPROVE', 'AGREE'],
      ['RECOVER', 'OPERATE'],
      ['CHANGE'],
    ]);
    expect(placeProcess(TWO_COLUMNS, 'AGREE', -1, 0)).toEqual([['AGREE'], ['IMPROVE'], TWO_COLUMNS[1]]);
  });

  it('keeps every process exactly once whatever the move', () => {
    for (const key of ARRANGEMENT.flat()) {
      for (let column = -1; column <= 5; column++) {
        for (let row = 0; row <= 2; row++) {
          const placed = placeProcess(TWO_COLUMNS, key, column, row);
          expect(placed.flat().sort()).toEqual(ARRANGEMENT.flat().sort());
          expect(placed.every((keys) => keys.length > 0)).toBe(true);
        }
      }
    }
  });

  it('moves by keyboard: swaps lone columns, splits shared ones, reorders within a column', () => {
    expect(shiftProcess(ARRANGEMENT, 'AGREE', 'left')).toEqual([
      ['AGREE'],
      ['IMPROVE'],
      ['RECOVER'],
      ['CHANGE'],
      ['OPERATE'],
    ]);
    expect(shiftProcess(ARRANGEMENT, 'IMPROVE', 'left')).toBeNull();
    expect(shiftProcess(TWO_COLUMNS, 'CHANGE', 'right')).toEqual([
      ['IMPROVE', 'AGREE'],
      ['RECOVER', 'OPERATE'],
      ['CHANGE'],
    ]);
    expect(shiftProcess(TWO_COLUMNS, 'CHANGE', 'up')).toEqual([
      ['IMPROVE', 'AGREE'],
      ['CHANGE', 'RECOVER', 'OPERATE'],
    ]);
    expect(shiftProcess(TWO_COLUMNS, 'OPERATE', 'down')).toBeNull();
  });

  it('compares arrangements by content', () => {
    expect(
      sameArrangement(
        ARRANGEMENT,
        ARRANGEMENT.map((keys) => [...keys]),
      ),
    ).toBe(true);
    expect(sameArrangement(ARRANGEMENT, TWO_COLUMNS)).toBe(false);
  });
});

describe('dropping a process container', () => {
  const pitch = COLUMN_WIDTH + LAYOUT.columnGap;
  const layout = layoutArchitecture(emptyModel());
  const boxes = Object.fromEntries(
    Object.entries(layout.processes).map(([id, box]) => [id.replace('process-', '').toUpperCase(), box]),
  );

  it('lands in the column under its centre, above or below the containers there', () => {
    const agree = boxes.AGREE!;
    expect(arrangementAfterDrop(ARRANGEMENT, boxes, 'AGREE', 3 * pitch + 10, agree.y - 500)[2]).toEqual([
      'AGREE',
      'CHANGE',
    ]);
    expect(arrangementAfterDrop(ARRANGEMENT, boxes, 'AGREE', 3 * pitch, agree.y + 2000)[2]).toEqual([
      'CHANGE',
      'AGREE',
    ]);
  });

  it('opens a new column beyond the last, and changes nothing when dropped where it was', () => {
    expect(arrangementAfterDrop(ARRANGEMENT, boxes, 'IMPROVE', 5 * pitch, 0)).toEqual([
      ['AGREE'],
      ['RECOVER'],
      ['CHANGE'],
      ['OPERATE'],
      ['IMPROVE'],
    ]);
    const agree = boxes.AGREE!;
    expect(
      sameArrangement(arrangementAfterDrop(ARRANGEMENT, boxes, 'AGREE', agree.x + 20, agree.y), ARRANGEMENT),
    ).toBe(true);
  });
});

function emptyModel() {
  const keys = ARRANGEMENT.flat();
  return {
    organisationId: 'org',
    organisationName: 'Org',
    organisationVersion: 1,
    myRole: null,
    arrangement: null,
    processIds: keys.map((key) => `process-${key.toLowerCase()}`),
    processIdByKey: Object.fromEntries(keys.map((key) => [key, `process-${key.toLowerCase()}`])) as Record<
      ProcessKey,
      string
    >,
    processes: Object.fromEntries(
      keys.map((key) => [
        `process-${key.toLowerCase()}`,
        { id: `process-${key.toLowerCase()}`, key, name: key, purpose: '', version: 1, activityIds: [] },
      ]),
    ),
    activities: {},
    handovers: {},
  };
}
