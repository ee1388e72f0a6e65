/**
 * The swimlanes of a procedure: one lane per role that is Responsible for some step (a step sits in the
 * lane of each role Responsible for it), then a lane of the steps no one is Responsible for yet. Steps keep
 * their column (their place in the procedure) in every lane, so the lanes read left to right together.
 */
import { whoGapOf, type WhoGap } from './gaps';
import type { PageStep } from './page';
import type { Raci } from './raci';

export const UNASSIGNED_LANE = 'unassigned';

/** A role's other letters on a step, shown as a chip: Accountable, Consulted or Informed. */
export interface LaneChip {
  readonly roleId: string;
  readonly roleName: string;
  readonly letter: Exclude<Raci, 'R'>;
}

export interface LaneStep {
  readonly step: PageStep;
  /** 1-based column: the step's place in the procedure. */
  readonly column: number;
  readonly chips: readonly LaneChip[];
  readonly gap: WhoGap | null;
}

export interface Lane {
  /** The role id, or UNASSIGNED_LANE. */
  readonly key: string;
  readonly roleId: string | null;
  readonly title: string;
  readonly steps: readonly LaneStep[];
}

export interface Swimlanes {
  readonly columns: number;
  readonly lanes: readonly Lane[];
}

const CHIP_LETTERS: readonly Exclude<Raci, 'R'>[] = ['A', 'C', 'I'];

/** Lanes in the order their roles first act (then by name); the unassigned lane last. */
export function swimlanes(steps: readonly PageStep[]): Swimlanes {
  const ordered = [...steps].sort((a, b) => a.position - b.position);
  const lanes = new Map<string, { roleId: string; title: string; first: number; steps: LaneStep[] }>();
  const unassigned: LaneStep[] = [];
  ordered.forEach((step, index) => {
    const entry: LaneStep = { step, column: index + 1, chips: chipsOf(step), gap: whoGapOf(step) };
    const responsible = step.responsibilities.filter((held) => held.raci.includes('R'));
    if (responsible.length === 0) unassigned.push(entry);
    for (const held of responsible) {
      const lane = lanes.get(held.roleId) ?? {
        roleId: held.roleId,
        title: held.roleName,
        first: index,
        steps: [],
      };
      lane.steps.push(entry);
      lanes.set(held.roleId, lane);
    }
  });
  const roleLanes = [...lanes.values()]
    .sort((a, b) => a.first - b.first || a.title.localeCompare(b.title))
    .map(({ roleId, title, steps: laneSteps }) => ({ key: roleId, roleId, title, steps: laneSteps }));
  return {
    columns: ordered.length,
    lanes: [
      ...roleLanes,
      { key: UNASSIGNED_LANE, roleId: null, title: 'No one responsible yet', steps: unassigned },
    ],
  };
}

/** Every A, C and I on the step, by letter, then in the order the roles were assigned. */
export function chipsOf(step: PageStep): LaneChip[] {
  return CHIP_LETTERS.flatMap((letter) =>
    step.responsibilities
      .filter((held) => held.raci.includes(letter))
      .map((held) => ({ roleId: held.roleId, roleName: held.roleName, letter })),
  );
}

/** 'Fork depth 2' for a step two forks away from the initiating process; '' at depth 0. */
export function depthLabel(depth: number): string {
  return depth > 0 ? `Fork depth ${depth}` : '';
}
