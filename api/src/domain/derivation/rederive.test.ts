import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { deriveSteps, stepKey, type DerivedStep } from './derive';
import { outOfDateReasons } from './out-of-date';
import { planRederivation, type PlannedStep, type StoredStep } from './rederive';
import {
  applyEdit,
  applyPlan,
  cloneModel,
  editableModelArb,
  editArb,
  sourceArb,
  storeDerivation,
  toDerivationModel,
} from './test-fixtures';

/** A fresh step `a` of Change at depth 0, named after its id unless told otherwise. */
function fresh(activityId: string, overrides: Partial<DerivedStep> = {}): DerivedStep {
  return {
    activityId,
    occurrence: 1,
    processKey: 'CHANGE',
    depth: 0,
    activityName: activityId.toUpperCase(),
    ...overrides,
  };
}

/** Stores fresh steps in order as ids `s-<activity>`, positions 1..n. */
function stored(...steps: DerivedStep[]): StoredStep[] {
  return steps.map((step, index) => ({
    ...step,
    id: `s-${step.activityId}${step.occurrence > 1 ? `-${step.occurrence}` : ''}`,
    position: index + 1,
    obsolete: false,
  }));
}

function obsolete(steps: StoredStep[], ...ids: string[]): StoredStep[] {
  return steps.map((step) => (ids.includes(step.id) ? { ...step, obsolete: true } : step));
}

/** The plan as `id` (or `+activity` for a new step), with `~` marking obsolete steps. */
function outline(steps: readonly PlannedStep[]): string[] {
  expect(steps.map((step) => step.position)).toEqual(steps.map((_, index) => index + 1));
  return steps.map((step) => `${step.obsolete ? '~' : ''}${step.id ?? `+${step.activityId}`}`);
}

const [a, b, c, d] = ['a', 'b', 'c', 'd'].map((id) => fresh(id)) as [
  DerivedStep,
  DerivedStep,
  DerivedStep,
  DerivedStep,
];

describe('planRederivation', () => {
  it('changes nothing when the procedure is up to date', () => {
    const steps = stored(a, b, c);
    const plan = planRederivation(steps, [a, b, c]);
    expect(plan.changed).toBe(false);
    expect(plan.steps).toEqual(steps);
  });

  it('keeps a renamed or re-nested step (its id, hence its user input) and takes the fresh fields', () => {
    const plan = planRederivation(stored(a, b), [
      a,
      fresh('b', { activityName: 'Diagnose', depth: 2, processKey: 'OPERATE' }),
    ]);
    expect(plan.changed).toBe(true);
    expect(plan.steps[1]).toEqual({
      id: 's-b',
      activityId: 'b',
      occurrence: 1,
      processKey: 'OPERATE',
      position: 2,
      depth: 2,
      activityName: 'Diagnose',
      obsolete: false,
    });
  });

  it('adds a new step with id null at its fresh position and shifts the ones after it', () => {
    const plan = planRederivation(stored(a, c), [a, b, c]);
    expect(outline(plan.steps)).toEqual(['s-a', '+b', 's-c']);
    expect(plan.changed).toBe(true);
  });

  it('keeps a step that left the path as obsolete, in its place, with its stored name and depth', () => {
    const before = stored(a, fresh('b', { depth: 1, activityName: 'Old name' }), c);
    const plan = planRederivation(before, [a, c]);
    expect(outline(plan.steps)).toEqual(['s-a', '~s-b', 's-c']);
    expect(plan.steps[1]).toMatchObject({ depth: 1, activityName: 'Old name', processKey: 'CHANGE' });
    expect(plan.changed).toBe(true);
  });

  it('puts obsolete steps with nothing live before them at the very start, in stored order', () => {
    const plan = planRederivation(stored(a, b, c), [c]);
    expect(outline(plan.steps)).toEqual(['~s-a', '~s-b', 's-c']);
  });

  it('keeps obsolete steps right after their anchor, before steps new after it', () => {
    const before = obsolete(stored(a, b, c, d), 's-b');
    const plan = planRederivation(before, [a, fresh('x'), d]);
    expect(outline(plan.steps)).toEqual(['s-a', '~s-b', '~s-c', '+x', 's-d']);
  });

  it('moves obsolete steps along with the live step they follow when the order changes', () => {
    const plan = planRederivation(stored(a, b, c, d), [c, a, d]);
    expect(outline(plan.steps)).toEqual(['s-c', 's-a', '~s-b', 's-d']);
  });

  it('revives an obsolete step whose activity comes back on the path', () => {
    const before = obsolete(stored(a, b, c), 's-b');
    const plan = planRederivation(before, [b, a, c]);
    expect(outline(plan.steps)).toEqual(['s-b', 's-a', 's-c']);
    expect(plan.changed).toBe(true);
  });

  it('is unchanged while an obsolete step stays off the path', () => {
    const before = obsolete(stored(a, b, c), 's-b');
    expect(planRederivation(before, [a, c]).changed).toBe(false);
  });

  it('matches steps by activity and occurrence: a second pass that disappears becomes obsolete', () => {
    const twice = [a, b, fresh('a', { occurrence: 2, depth: 1 })];
    const plan = planRederivation(stored(...twice), [a, b]);
    expect(outline(plan.steps)).toEqual(['s-a', 's-b', '~s-a-2']);
  });

  it('reads stored steps in position order, whatever order they come in, and closes gaps', () => {
    const before = stored(a, b, c)
      .map((step) => ({ ...step, position: step.position * 10 }))
      .reverse();
    const plan = planRederivation(before, [a, b, c]);
    expect(outline(plan.steps)).toEqual(['s-a', 's-b', 's-c']);
    expect(plan.changed).toBe(true);
    expect(planRederivation(applyPlan(plan.steps, 'n'), [a, b, c]).changed).toBe(false);
  });

  it('drops no stored step even when two share a key, preferring the live one, and then stays put', () => {
    const duplicate: StoredStep = { ...stored(b)[0]!, id: 's-b-copy', position: 0, obsolete: true };
    const plan = planRederivation([...stored(a, b), duplicate], [a, b]);
    expect(outline(plan.steps)).toEqual(['~s-b-copy', 's-a', 's-b']);
    expect(planRederivation(applyPlan(plan.steps, 'n'), [a, b]).changed).toBe(false);
  });

  it('derives an emptied path to all-obsolete steps, and an empty procedure to all-new ones', () => {
    expect(outline(planRederivation(stored(a, b), []).steps)).toEqual(['~s-a', '~s-b']);
    expect(outline(planRederivation([], [a, b]).steps)).toEqual(['+a', '+b']);
    expect(planRederivation([], []).changed).toBe(false);
  });
});

describe('planRederivation properties', () => {
  // Two rounds of edits: the first leaves obsolete steps behind, so the second starts from a realistic
  // stored procedure. User input is a list of (step id, note) rows, as responsibilities would be.
  const scenario = fc.record({
    editable: editableModelArb,
    source: sourceArb,
    firstEdits: fc.array(editArb, { maxLength: 12 }),
    secondEdits: fc.array(editArb, { maxLength: 8 }),
    input: fc.array(fc.tuple(fc.nat(), fc.string({ maxLength: 4 })), { maxLength: 10 }),
  });
  type Scenario = typeof scenario extends fc.Arbitrary<infer T> ? T : never;

  function run({ editable, source, firstEdits, secondEdits }: Scenario) {
    const model = cloneModel(editable);
    const original = storeDerivation(toDerivationModel(model), source);
    for (const edit of firstEdits) applyEdit(model, edit, source);
    const first = planRederivation(original, deriveSteps(toDerivationModel(model), source));
    const before = applyPlan(first.steps, 'r');
    for (const edit of secondEdits) applyEdit(model, edit, source);
    const freshSteps = deriveSteps(toDerivationModel(model), source);
    return { before, freshSteps, plan: planRederivation(before, freshSteps) };
  }

  it('keeps every stored step and its input, matches a fresh derivation, and is then up to date', () => {
    fc.assert(
      fc.property(scenario, (value) => {
        const { before, freshSteps, plan } = run(value);
        const planned = new Map(
          plan.steps.filter((step) => step.id !== null).map((step) => [step.id!, step]),
        );
        const freshKeys = new Set(freshSteps.map(stepKey));

        // Live steps are exactly the fresh derivation: same keys, order, depth, names, processes.
        const live = plan.steps.filter((step) => !step.obsolete);
        expect(
          live.map(({ activityId, occurrence, processKey, depth, activityName }) => ({
            activityId,
            occurrence,
            processKey,
            depth,
            activityName,
          })),
        ).toEqual(freshSteps);

        // No stored step is dropped: it is reused while its key is on the path, obsolete otherwise.
        expect(planned.size).toBe(before.length);
        for (const step of before) {
          const after = planned.get(step.id)!;
          expect(after).toBeDefined();
          if (freshKeys.has(stepKey(step))) {
            expect(after.obsolete).toBe(false);
          } else {
            expect(after).toMatchObject({
              obsolete: true,
              depth: step.depth,
              activityName: step.activityName,
            });
          }
        }
        expect(plan.steps.filter((step) => step.id === null).every((step) => !step.obsolete)).toBe(true);

        // So every piece of user input still hangs off a step.
        if (before.length > 0) {
          for (const [pick] of value.input) expect(planned.has(before[pick % before.length]!.id)).toBe(true);
        }

        expect(plan.steps.map((step) => step.position)).toEqual(plan.steps.map((_, index) => index + 1));

        // Each obsolete step follows its anchor: the nearest stored step before it that is live now.
        const storedOrder = [...before].sort((x, y) => x.position - y.position);
        plan.steps.forEach((step, index) => {
          if (!step.obsolete) return;
          const storedIndex = storedOrder.findIndex((candidate) => candidate.id === step.id);
          const anchor = storedOrder
            .slice(0, storedIndex)
            .reverse()
            .find((candidate) => planned.get(candidate.id)!.obsolete === false);
          const precedingLive = plan.steps
            .slice(0, index)
            .reverse()
            .find((candidate) => !candidate.obsolete);
          expect(precedingLive?.id ?? null).toBe(anchor?.id ?? null);
        });

        const again = planRederivation(applyPlan(plan.steps, 'n'), freshSteps);
        expect(again.changed).toBe(false);
        expect(outOfDateReasons(applyPlan(plan.steps, 'n'), freshSteps)).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });
});
