import { describe, expect, it } from 'vitest';
import { raciMatrix } from './raci-matrix';

describe('raciMatrix', () => {
  // Values carry a different id on purpose: columns are matched by the map's keys.
  const roles = new Map([
    ['r1', { id: 'global-1', name: 'Operator' }],
    ['r2', { id: 'global-2', name: 'Coordinator' }],
    ['r3', { id: 'global-3', name: 'Unused' }],
  ]);

  it('has a column per role holding letters, by name, and a cell per column in every row', () => {
    const matrix = raciMatrix(
      ['s1', 's2'],
      [
        { stepId: 's1', roleId: 'r1', raci: ['R'] },
        { stepId: 's1', roleId: 'r2', raci: ['A'] },
      ],
      roles,
    );
    expect(matrix.roles.map((role) => role.name)).toEqual(['Coordinator', 'Operator']);
    expect(matrix.rows).toEqual([
      {
        stepId: 's1',
        cells: [
          { role: roles.get('r2'), raci: ['A'] },
          { role: roles.get('r1'), raci: ['R'] },
        ],
      },
      {
        stepId: 's2',
        cells: [
          { role: roles.get('r2'), raci: [] },
          { role: roles.get('r1'), raci: [] },
        ],
      },
    ]);
  });

  it('is empty of columns when nobody holds a letter', () => {
    expect(raciMatrix(['s1'], [], roles)).toEqual({ roles: [], rows: [{ stepId: 's1', cells: [] }] });
  });
});
