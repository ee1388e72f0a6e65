import { describe, expect, it } from 'vitest';
import { referenceActivityId, referenceExpansionModel } from './reference-expansion';
import { REFERENCE_WORKFLOWS } from './reference-model';
import type { ProcessKey } from './usm';
import {
  expandWorkflow,
  type ExpandedStep,
  type ExpansionModel,
  type WorkflowRoute,
} from './workflow-expansion';

/** One run of consecutive steps of a process: [process, first step, last step, depth]. */
type Segment = [ProcessKey, number, number, number];
/** A step as the reference writes it: [process, position within that process, depth]. */
type StepSignature = [ProcessKey, number, number];

// Reference §4, transcribed segment by segment from the "path" column (a fork is one level deeper).
const EXPECTED_PATHS: Record<number, { length: number; segments: Segment[] }> = {
  1: {
    length: 23,
    segments: [
      ['AGREE', 1, 6, 0],
      ['CHANGE', 1, 6, 1],
      ['OPERATE', 1, 6, 2],
      ['CHANGE', 7, 9, 1],
      ['AGREE', 7, 8, 0],
    ],
  },
  2: {
    length: 15,
    segments: [
      ['CHANGE', 1, 6, 0],
      ['OPERATE', 1, 6, 1],
      ['CHANGE', 7, 9, 0],
    ],
  },
  3: {
    length: 22,
    segments: [
      ['RECOVER', 1, 5, 0],
      ['CHANGE', 1, 6, 1],
      ['OPERATE', 1, 6, 2],
      ['CHANGE', 7, 9, 1],
      ['RECOVER', 6, 7, 0],
    ],
  },
  4: {
    length: 13,
    segments: [
      ['RECOVER', 1, 5, 0],
      ['OPERATE', 1, 6, 1],
      ['RECOVER', 6, 7, 0],
    ],
  },
  5: { length: 6, segments: [['OPERATE', 1, 6, 0]] },
  6: {
    length: 30,
    segments: [
      ['IMPROVE', 1, 5, 0],
      ['AGREE', 1, 6, 1],
      ['CHANGE', 1, 6, 2],
      ['OPERATE', 1, 6, 3],
      ['CHANGE', 7, 9, 2],
      ['AGREE', 7, 8, 1],
      ['IMPROVE', 6, 7, 0],
    ],
  },
  7: {
    length: 22,
    segments: [
      ['IMPROVE', 1, 5, 0],
      ['CHANGE', 1, 6, 1],
      ['OPERATE', 1, 6, 2],
      ['CHANGE', 7, 9, 1],
      ['IMPROVE', 6, 7, 0],
    ],
  },
  8: {
    length: 13,
    segments: [
      ['IMPROVE', 1, 5, 0],
      ['OPERATE', 1, 6, 1],
      ['IMPROVE', 6, 7, 0],
    ],
  },
};

function unfold(segments: readonly Segment[]): StepSignature[] {
  return segments.flatMap(([processKey, first, last, depth]) =>
    Array.from(
      { length: last - first + 1 },
      (_, offset): StepSignature => [processKey, first + offset, depth],
    ),
  );
}

/** Relies on the fixture's `PROCESS-position` ids to read a step back in the reference's terms. */
function signatures(steps: readonly ExpandedStep[]): StepSignature[] {
  return steps.map((step) => {
    expect(step.activityId.startsWith(`${step.processKey}-`)).toBe(true);
    return [step.processKey, Number(step.activityId.slice(step.processKey.length + 1)), step.depth];
  });
}

function withoutFork(model: ExpansionModel, activityId: string, target: ProcessKey): ExpansionModel {
  const forkTargetsByActivity = new Map(model.forkTargetsByActivity);
  forkTargetsByActivity.set(
    activityId,
    (forkTargetsByActivity.get(activityId) ?? []).filter((key) => key !== target),
  );
  return { ...model, forkTargetsByActivity };
}

describe('expandWorkflow on the reference model', () => {
  it.each(REFERENCE_WORKFLOWS)('workflow $number ($name) expands to the path of reference §4', (workflow) => {
    const expected = EXPECTED_PATHS[workflow.number]!;
    const steps = expandWorkflow(referenceExpansionModel(), workflow);
    expect(steps).toHaveLength(expected.length);
    expect(signatures(steps)).toEqual(unfold(expected.segments));
    expect(steps.map((step) => step.position)).toEqual(steps.map((_, index) => index + 1));
  });

  it('follows every fork in PROCESS_KEYS order when no choice is recorded (a dynamic workflow)', () => {
    const steps = expandWorkflow(referenceExpansionModel(), { startProcess: 'IMPROVE', forkChoices: {} });
    const entered = signatures(steps).filter(([, positionInProcess]) => positionInProcess === 1);
    expect(entered.map(([processKey, , depth]) => [processKey, depth])).toEqual([
      ['IMPROVE', 0],
      ['AGREE', 1],
      ['CHANGE', 2],
      ['OPERATE', 3],
      ['CHANGE', 1],
      ['OPERATE', 2],
      ['OPERATE', 1],
    ]);
  });
});

describe('expandWorkflow on an edited model', () => {
  it('leaves out a fork that was removed from the process', () => {
    const model = withoutFork(referenceExpansionModel(), referenceActivityId('CHANGE', 6), 'OPERATE');
    const workflow1 = REFERENCE_WORKFLOWS[0]!;
    expect(signatures(expandWorkflow(model, workflow1))).toEqual(
      unfold([
        ['AGREE', 1, 6, 0],
        ['CHANGE', 1, 9, 1],
        ['AGREE', 7, 8, 0],
      ]),
    );
  });

  it('expands a workflow whose chosen fork no longer exists without it, ignoring the other targets', () => {
    const model = withoutFork(referenceExpansionModel(), referenceActivityId('RECOVER', 5), 'CHANGE');
    const workflow3 = REFERENCE_WORKFLOWS[2]!;
    expect(signatures(expandWorkflow(model, workflow3))).toEqual(unfold([['RECOVER', 1, 7, 0]]));
  });

  it('picks up a new step and sorts activities given in any order', () => {
    const model = referenceExpansionModel();
    const activitiesByProcess = new Map(model.activitiesByProcess);
    activitiesByProcess.set('OPERATE', [
      { id: 'late', position: 3 },
      { id: 'early', position: 1 },
      { id: 'middle', position: 2 },
    ]);
    const steps = expandWorkflow(
      { ...model, activitiesByProcess },
      { startProcess: 'OPERATE', forkChoices: {} },
    );
    expect(steps.map((step) => step.activityId)).toEqual(['early', 'middle', 'late']);
  });

  it('terminates on cyclic forks by never re-entering a process on the call stack', () => {
    const model: ExpansionModel = {
      activitiesByProcess: new Map<ProcessKey, { id: string; position: number }[]>([
        ['AGREE', [{ id: 'a1', position: 1 }]],
        ['CHANGE', [{ id: 'c1', position: 1 }]],
      ]),
      forkTargetsByActivity: new Map<string, ProcessKey[]>([
        ['a1', ['AGREE', 'CHANGE']],
        ['c1', ['AGREE', 'CHANGE']],
      ]),
    };
    const steps = expandWorkflow(model, { startProcess: 'AGREE', forkChoices: {} });
    expect(steps.map((step) => [step.activityId, step.depth])).toEqual([
      ['a1', 0],
      ['c1', 1],
    ]);
  });

  it('terminates when every step of every process forks to every process', () => {
    const everyProcess: ProcessKey[] = ['AGREE', 'CHANGE', 'RECOVER', 'OPERATE', 'IMPROVE'];
    const activitiesByProcess = new Map(
      everyProcess.map((key) => [key, [1, 2].map((position) => ({ id: `${key}-${position}`, position }))]),
    );
    const forkTargetsByActivity = new Map(
      [...activitiesByProcess.values()].flat().map((activity) => [activity.id, everyProcess]),
    );
    const steps = expandWorkflow(
      { activitiesByProcess, forkTargetsByActivity },
      { startProcess: 'AGREE', forkChoices: {} },
    );
    // With k processes free, a process of 2 steps emits s(k) = 2 + 2·(k−1)·s(k−1) steps: finite, if large.
    expect(steps).toHaveLength(1266);
    // Five processes nest at most five deep, as no process is entered twice on one call stack.
    expect(steps.reduce((deepest, step) => Math.max(deepest, step.depth), 0)).toBe(4);
  });

  it('expands an empty model, or a start process without activities, to no steps', () => {
    const empty: ExpansionModel = { activitiesByProcess: new Map(), forkTargetsByActivity: new Map() };
    expect(expandWorkflow(empty, { startProcess: 'AGREE', forkChoices: {} })).toEqual([]);
    const model = referenceExpansionModel();
    const activitiesByProcess = new Map(model.activitiesByProcess);
    activitiesByProcess.set('RECOVER', []);
    expect(expandWorkflow({ ...model, activitiesByProcess }, REFERENCE_WORKFLOWS[2]!)).toEqual([]);
  });

  it('walks a long process iteratively, without deep recursion', () => {
    const count = 200_000;
    const activities = Array.from({ length: count }, (_, index) => ({
      id: `x${index}`,
      position: count - index,
    }));
    const route: WorkflowRoute = { startProcess: 'OPERATE', forkChoices: {} };
    const model: ExpansionModel = {
      activitiesByProcess: new Map([['OPERATE', activities]]),
      forkTargetsByActivity: new Map(),
    };
    const steps = expandWorkflow(model, route);
    expect(steps).toHaveLength(count);
    expect(steps[0]!.activityId).toBe(`x${count - 1}`);
  });
});
