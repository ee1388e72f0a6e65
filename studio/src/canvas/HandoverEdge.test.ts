import { describe, expect, it } from 'vitest';
import { dashedPieces, roundedPath } from './HandoverEdge';

const route = [
  [0, 0],
  [20, 0],
  [20, 5000],
  [300, 5000],
  [300, 4000],
] as const;

describe('a hand-over’s path', () => {
  it('rounds the corners of the route', () => {
    expect(roundedPath(route, 8)).toBe(
      'M 0 0 L 12 0 Q 20 0 20 8 L 20 4992 Q 20 5000 28 5000 L 292 5000 Q 300 5000 300 4992 L 300 4000',
    );
  });

  it('splits a dashed route into its straight runs, one line each, and its corners in one path', () => {
    const pieces = dashedPieces(route, 8);
    expect(pieces).toEqual([
      'M 0 0 L 12 0',
      'M 20 8 L 20 4992',
      'M 28 5000 L 292 5000',
      'M 300 4992 L 300 4000',
      'M 12 0 Q 20 0 20 8M 20 4992 Q 20 5000 28 5000M 292 5000 Q 300 5000 300 4992',
    ]);
    // Every straight piece is a single line: one move, one line to.
    for (const piece of pieces.slice(0, -1)) expect(piece).toMatch(/^M [\d.-]+ [\d.-]+ L [\d.-]+ [\d.-]+$/);
  });

  it('drops repeated points and has no corners on a straight route', () => {
    expect(
      dashedPieces(
        [
          [0, 0],
          [0, 0],
          [0, 100],
        ],
        8,
      ),
    ).toEqual(['M 0 0 L 0 100']);
    expect(dashedPieces([[1, 1]], 8)).toEqual([]);
  });
});
