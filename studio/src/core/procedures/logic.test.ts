import { describe, expect, it } from 'vitest';
import { gapLabels, whoGapCount, whoGapOf } from './gaps';
import { depthLabel, swimlanes, UNASSIGNED_LANE } from './lanes';
import { matrixColumns, matrixRows, processesOfSteps, rolesToAdd } from './matrix';
import type { PageMatrix, PageStep } from './page';
import { sourceLabel } from './page';
import { describeLetters, parseRaciCode, RACI_CHOICES, raciCode, sameLetters, type Raci } from './raci';

const DESK = { roleId: 'desk', roleName: 'Service desk' };
const BOSS = { roleId: 'boss', roleName: 'Change manager' };
const DEV = { roleId: 'dev', roleName: 'Developer' };

function step(position: number, held: [typeof DESK, Raci[]][] = [], extra: Partial<PageStep> = {}): PageStep {
  return {
    id: `s${position}`,
    version: 1,
    position,
    depth: 0,
    name: `Step ${position}`,
    obsolete: false,
    processKey: 'CHANGE',
    processName: 'Change',
    responsibilities: held.map(([role, raci]) => ({ ...role, raci })),
    ...extra,
  };
}

const STEPS = [
  step(3, [
    [DESK, ['R']],
    [DEV, ['R', 'C']],
  ]),
  step(1, [[BOSS, ['A']]]),
  step(
    2,
    [
      [DEV, ['R', 'A']],
      [DESK, ['I']],
    ],
    { depth: 1, processKey: 'OPERATE', processName: 'Operate' },
  ),
  step(4, [], { obsolete: true }),
];

describe('swimlanes', () => {
  it('puts each step in the lane of every Responsible role, lanes in the order roles first act', () => {
    const { columns, lanes } = swimlanes(STEPS);
    expect(columns).toBe(4);
    expect(lanes.map((lane) => lane.title)).toEqual(['Developer', 'Service desk', 'No one responsible yet']);
    expect(lanes[0]!.steps.map((entry) => [entry.step.id, entry.column])).toEqual([
      ['s2', 2],
      ['s3', 3],
    ]);
    expect(lanes[1]!.steps.map((entry) => entry.step.id)).toEqual(['s3']);
    expect(lanes[2]!.key).toBe(UNASSIGNED_LANE);
    expect(lanes[2]!.steps.map((entry) => entry.step.id)).toEqual(['s1', 's4']);
  });

  it('shows A, C and I as chips and flags WHO gaps', () => {
    const { lanes } = swimlanes(STEPS);
    const s2 = lanes[0]!.steps[0]!;
    expect(s2.chips).toEqual([
      { roleId: 'dev', roleName: 'Developer', letter: 'A' },
      { roleId: 'desk', roleName: 'Service desk', letter: 'I' },
    ]);
    expect(s2.gap).toBeNull();
    const s3 = lanes[0]!.steps[1]!;
    expect(s3.chips).toEqual([{ roleId: 'dev', roleName: 'Developer', letter: 'C' }]);
    expect(s3.gap).toEqual({ noResponsible: false, noAccountable: true });
  });

  it('always has the unassigned lane, even for an empty procedure', () => {
    expect(swimlanes([]).lanes.map((lane) => lane.key)).toEqual([UNASSIGNED_LANE]);
  });

  it('names fork depth', () => {
    expect(depthLabel(0)).toBe('');
    expect(depthLabel(2)).toBe('Fork depth 2');
  });
});

describe('WHO gaps', () => {
  it('needs exactly one Accountable and a Responsible on live steps only', () => {
    expect(whoGapOf(STEPS[1]!)).toEqual({ noResponsible: true, noAccountable: false });
    expect(gapLabels(whoGapOf(step(9)))).toEqual(['No Responsible', 'No Accountable']);
    expect(whoGapOf(STEPS[2]!)).toBeNull();
    expect(whoGapOf(STEPS[3]!)).toBeNull();
    expect(whoGapCount(STEPS)).toEqual({ live: 3, gaps: 2 });
  });
});

describe('RACI matrix', () => {
  const matrix: PageMatrix = {
    roles: [
      { id: 'dev', name: 'Developer' },
      { id: 'desk', name: 'Service desk' },
    ],
    rows: STEPS.map((entry) => ({
      stepId: entry.id,
      cells: ['dev', 'desk'].map((roleId) => ({
        roleId,
        raci: entry.responsibilities.find((held) => held.roleId === roleId)?.raci ?? [],
      })),
    })),
  };
  const roles = [
    { id: 'boss', name: 'Change manager' },
    { id: 'dev', name: 'Developer' },
    { id: 'desk', name: 'Service desk' },
    { id: 'owner', name: 'Service owner' },
  ];

  it('lists the API columns, then added roles once, and the roles left to add', () => {
    const columns = matrixColumns(matrix, ['owner', 'dev', 'owner', 'gone'], roles);
    expect(columns.map((column) => [column.roleName, column.added])).toEqual([
      ['Developer', false],
      ['Service desk', false],
      ['Service owner', true],
    ]);
    expect(rolesToAdd(columns, roles).map((role) => role.id)).toEqual(['boss']);
  });

  it('has rows in step order with a cell per column and the gap of each step', () => {
    const columns = matrixColumns(matrix, ['owner'], roles);
    const rows = matrixRows(STEPS, matrix, columns);
    expect(rows.map((row) => row.step.id)).toEqual(['s1', 's2', 's3', 's4']);
    expect(rows[2]!.cells.map((entry) => raciCode(entry.raci))).toEqual(['RC', 'R', '']);
    expect(rows[0]!.gap).toEqual({ noResponsible: true, noAccountable: false });
  });

  it('lists the processes of the live steps in order of appearance', () => {
    expect(processesOfSteps(STEPS).map((process) => process.key)).toEqual(['CHANGE', 'OPERATE']);
  });
});

describe('RACI letters', () => {
  it('offers all sixteen combinations, none first, in R, A, C, I order', () => {
    expect(RACI_CHOICES).toHaveLength(16);
    expect(RACI_CHOICES.slice(0, 6).map(raciCode)).toEqual(['', 'R', 'A', 'C', 'I', 'RA']);
    expect(RACI_CHOICES.at(-1)).toEqual(['R', 'A', 'C', 'I']);
  });

  it('parses, compares and describes letters', () => {
    expect(parseRaciCode('ia')).toEqual(['A', 'I']);
    expect(sameLetters(['A', 'R'], ['R', 'A'])).toBe(true);
    expect(describeLetters(['C', 'R'])).toBe('Responsible, Consulted');
    expect(describeLetters([])).toBe('no letters');
  });

  it('labels the source of a procedure', () => {
    expect(sourceLabel({ sourceKind: 'WORKFLOW', sourceWorkflow: { number: 3, name: 'Incident' } })).toBe(
      'Workflow 3 · Incident',
    );
    expect(sourceLabel({ sourceKind: 'PROCESS', sourceProcess: { name: 'Recover' } })).toBe(
      'Process · Recover',
    );
  });
});
