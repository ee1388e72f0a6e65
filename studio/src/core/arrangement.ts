/**
 * Where the process containers stand: columns left to right, each a list of process keys top to bottom.
 * The default (layout.ts's ARRANGEMENT) makes every fork point right; an organisation may save its own
 * (Organisation.canvasArrangement), e.g. two columns for a narrow screen. Pure functions over key lists.
 */
import { ARRANGEMENT, COLUMN_WIDTH, LAYOUT, type Box } from './layout';
import type { ProcessKey } from './usm';

export type Arrangement = readonly (readonly ProcessKey[])[];

export function arrangementOf(saved: Arrangement | null | undefined): Arrangement {
  return saved && saved.length > 0 ? saved : ARRANGEMENT;
}

export function sameArrangement(a: Arrangement, b: Arrangement): boolean {
  return a.length === b.length && a.every((column, i) => column.join() === b[i]!.join());
}

/**
 * Puts a process at (column, row). A column index before the first or after the last opens a new column
 * there; a column left empty disappears.
 */
export function placeProcess(
  arrangement: Arrangement,
  key: ProcessKey,
  column: number,
  row: number,
): Arrangement {
  const columns = arrangement.map((keys) => keys.filter((candidate) => candidate !== key));
  let target = column;
  if (column < 0) {
    columns.unshift([]);
    target = 0;
  } else if (column >= columns.length) {
    columns.push([]);
    target = columns.length - 1;
  }
  const keys = columns[target]!;
  const at = Math.max(0, Math.min(row, keys.length));
  columns[target] = [...keys.slice(0, at), key, ...keys.slice(at)];
  return columns.filter((keys) => keys.length > 0);
}

/**
 * The keyboard move (Alt+arrow on a selected process): left/right swaps a process that stands alone with the
 * neighbouring column, or takes it out of a shared column into a new one on that side; up/down swaps it with
 * its neighbour in the column. Null when it cannot move that way.
 */
export function shiftProcess(
  arrangement: Arrangement,
  key: ProcessKey,
  direction: 'left' | 'right' | 'up' | 'down',
): Arrangement | null {
  const column = arrangement.findIndex((keys) => keys.includes(key));
  if (column < 0) return null;
  const keys = arrangement[column]!;
  const row = keys.indexOf(key);
  if (direction === 'up' || direction === 'down') {
    const other = row + (direction === 'up' ? -1 : 1);
    if (other < 0 || other >= keys.length) return null;
    const swapped = [...keys];
    [swapped[row], swapped[other]] = [swapped[other]!, swapped[row]!];
    return arrangement.map((existing, index) => (index === column ? swapped : existing));
  }
  const step = direction === 'left' ? -1 : 1;
  if (keys.length > 1) return insertColumn(arrangement, key, direction === 'left' ? column : column + 1);
  const neighbour = column + step;
  if (neighbour < 0 || neighbour >= arrangement.length) return null;
  const columns = [...arrangement];
  [columns[column], columns[neighbour]] = [columns[neighbour]!, columns[column]!];
  return columns;
}

function insertColumn(arrangement: Arrangement, key: ProcessKey, at: number): Arrangement {
  const columns = arrangement.map((keys) => keys.filter((candidate) => candidate !== key));
  columns.splice(at, 0, [key]);
  return columns.filter((keys) => keys.length > 0);
}

/**
 * Where a process container dropped with its top-left corner at (x, y) goes: the column under its centre
 * (before the first or after the last opens a new one) and the row among that column's other containers.
 */
export function arrangementAfterDrop(
  arrangement: Arrangement,
  boxes: Readonly<Partial<Record<ProcessKey, Box>>>,
  key: ProcessKey,
  x: number,
  y: number,
): Arrangement {
  const box = boxes[key];
  if (!box) return arrangement;
  const pitch = COLUMN_WIDTH + LAYOUT.columnGap;
  const column = Math.floor((x + box.width / 2 + LAYOUT.columnGap / 2) / pitch);
  const centreY = y + box.height / 2;
  const others = column >= 0 && column < arrangement.length ? arrangement[column]! : [];
  const row = others.filter((other) => {
    const otherBox = boxes[other];
    return other !== key && otherBox && otherBox.y + otherBox.height / 2 < centreY;
  }).length;
  return placeProcess(arrangement, key, column, row);
}
