import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { REFERENCE_PROCESSES, REFERENCE_WORKFLOWS } from '../reference-model';
import type { ProcessKey } from '../usm';
import { deriveSteps, stepKey, type DerivationModel } from './derive';
import { editableModelArb, referenceDerivationModel, sourceArb, toDerivationModel } from './test-fixtures';

/** [process, first position, last position, depth], as reference §4 writes a path. */
type Segment = [ProcessKey, number, number, number];

function unfold(segments: readonly Segment[]): [string, number][] {
  return segments.flatMap(([processKey, first, last, depth]) =>
    Array.from({ length: last - first + 1 }, (_, offset): [string, number] => [
      `${processKey}-${first + offset}`,
      depth,
    ]),
  );
}

function activityName(processKey: ProcessKey, position: number): string {
  return REFERENCE_PROCESSES.find((process) => process.key === processKey)!.activities[position - 1]!.name;
}

describe('deriveSteps on the reference model', () => {
  const model = referenceDerivationModel();

  it('derives workflow 3 into the 22 steps of reference §4, with their depths and names', () => {
    const workflow3 = REFERENCE_WORKFLOWS.find((workflow) => workflow.number === 3)!;
    const steps = deriveSteps(model, { kind: 'WORKFLOW', route: workflow3 });
    expect(steps).toHaveLength(22);
    expect(steps.map((step): [string, number] => [step.activityId, step.depth])).toEqual(
      unfold([
        ['RECOVER', 1, 5, 0],
        ['CHANGE', 1, 6, 1],
        ['OPERATE', 1, 6, 2],
        ['CHANGE', 7, 9, 1],
        ['RECOVER', 6, 7, 0],
      ]),
    );
    expect(steps[0]).toEqual({
      activityId: 'RECOVER-1',
      occurrence: 1,
      processKey: 'RECOVER',
      depth: 0,
      activityName: 'Accept incident',
    });
    expect(steps[5]!.activityName).toBe('Accept RFC');
    expect(steps[11]).toMatchObject({
      processKey: 'OPERATE',
      activityName: 'Accept service request',
      depth: 2,
    });
    expect(steps.every((step) => step.occurrence === 1)).toBe(true);
  });

  it('derives process Recover into its 7 activities at depth 0, ignoring its fork', () => {
    const steps = deriveSteps(model, { kind: 'PROCESS', processKey: 'RECOVER' });
    expect(steps).toEqual(
      Array.from({ length: 7 }, (_, index) => ({
        activityId: `RECOVER-${index + 1}`,
        occurrence: 1,
        processKey: 'RECOVER',
        depth: 0,
        activityName: activityName('RECOVER', index + 1),
      })),
    );
  });

  it('numbers the occurrences of an activity that a dynamic workflow visits more than once', () => {
    // Improve with no fork choice follows all three of its forks; Change is entered from Agree and again
    // from Improve, Operate from Change (twice) and from Improve.
    const steps = deriveSteps(model, {
      kind: 'WORKFLOW',
      route: { startProcess: 'IMPROVE', forkChoices: {} },
    });
    const occurrencesOf = (activityId: string) =>
      steps.filter((step) => step.activityId === activityId).map((step) => [step.occurrence, step.depth]);
    expect(occurrencesOf('CHANGE-1')).toEqual([
      [1, 2],
      [2, 1],
    ]);
    expect(occurrencesOf('OPERATE-4')).toEqual([
      [1, 3],
      [2, 2],
      [3, 1],
    ]);
    expect(occurrencesOf('IMPROVE-1')).toEqual([[1, 0]]);
    expect(new Set(steps.map(stepKey)).size).toBe(steps.length);
  });
});

describe('deriveSteps on small models', () => {
  const twoForks: DerivationModel = {
    expansion: {
      activitiesByProcess: new Map<ProcessKey, { id: string; position: number }[]>([
        [
          'CHANGE',
          [
            { id: 'deploy', position: 1 },
            { id: 'verify', position: 2 },
          ],
        ],
        ['OPERATE', [{ id: 'execute', position: 1 }]],
      ]),
      forkTargetsByActivity: new Map<string, ProcessKey[]>([
        ['deploy', ['OPERATE']],
        ['verify', ['OPERATE']],
      ]),
    },
    activities: new Map([
      ['deploy', { id: 'deploy', name: 'Deploy', processKey: 'CHANGE' as const }],
      ['verify', { id: 'verify', name: 'Verify', processKey: 'CHANGE' as const }],
      ['execute', { id: 'execute', name: 'Execute', processKey: 'OPERATE' as const }],
    ]),
  };

  it('gives occurrences 1 and 2 to an activity reached by two forks of one process', () => {
    const steps = deriveSteps(twoForks, {
      kind: 'WORKFLOW',
      route: { startProcess: 'CHANGE', forkChoices: {} },
    });
    expect(steps.map((step) => [stepKey(step), step.depth])).toEqual([
      ['deploy#1', 0],
      ['execute#1', 1],
      ['verify#1', 0],
      ['execute#2', 1],
    ]);
  });

  it('derives a process without activities, or a missing one, to no steps', () => {
    expect(deriveSteps(twoForks, { kind: 'PROCESS', processKey: 'AGREE' })).toEqual([]);
  });

  it('refuses a model whose path names an activity it has no name for (a bug in the caller)', () => {
    const broken = { ...twoForks, activities: new Map() };
    expect(() => deriveSteps(broken, { kind: 'PROCESS', processKey: 'CHANGE' })).toThrow(/deploy/);
  });
});

describe('stepKey', () => {
  it('joins activity and occurrence', () => {
    expect(stepKey({ activityId: 'a1', occurrence: 2 })).toBe('a1#2');
  });

  it('tells apart keys whose activity ids contain the separator', () => {
    fc.assert(
      fc.property(fc.string(), fc.nat(), fc.string(), fc.nat(), (a, m, b, n) => {
        const same = stepKey({ activityId: a, occurrence: m }) === stepKey({ activityId: b, occurrence: n });
        expect(same).toBe(a === b && m === n);
      }),
    );
  });
});

describe('deriveSteps properties', () => {
  it('is deterministic: deriving twice gives the same steps', () => {
    fc.assert(
      fc.property(editableModelArb, sourceArb, (editable, source) => {
        const model = toDerivationModel(editable);
        expect(deriveSteps(model, source)).toEqual(deriveSteps(model, source));
        // A model rebuilt from the same data (fresh maps and arrays) derives the same steps too.
        expect(deriveSteps(toDerivationModel(editable), source)).toEqual(deriveSteps(model, source));
      }),
    );
  });

  it('numbers each activity 1, 2, … along the path; a process source has depth 0 and its own activities', () => {
    fc.assert(
      fc.property(editableModelArb, sourceArb, (editable, source) => {
        const steps = deriveSteps(toDerivationModel(editable), source);
        const counts = new Map<string, number>();
        for (const step of steps) {
          counts.set(step.activityId, (counts.get(step.activityId) ?? 0) + 1);
          expect(step.occurrence).toBe(counts.get(step.activityId));
        }
        if (source.kind === 'PROCESS') {
          const own = editable.processes.get(source.processKey) ?? [];
          expect(steps.map((step) => [step.activityId, step.activityName, step.depth])).toEqual(
            own.map((activity) => [activity.id, activity.name, 0]),
          );
        }
      }),
    );
  });
});
