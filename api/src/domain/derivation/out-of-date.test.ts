import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { deriveSteps, type DerivedStep } from './derive';
import { outOfDateReasons } from './out-of-date';
import { planRederivation, type StoredStep } from './rederive';
import {
  applyEdit,
  applyPlan,
  cloneModel,
  editableModelArb,
  editArb,
  nameArb,
  processKeyArb,
  referenceDerivationModel,
  sourceArb,
  storeDerivation,
  toDerivationModel,
} from './test-fixtures';

function fresh(activityId: string, overrides: Partial<DerivedStep> = {}): DerivedStep {
  return {
    activityId,
    occurrence: 1,
    processKey: 'OPERATE',
    depth: 0,
    activityName: activityId,
    ...overrides,
  };
}

function stored(...steps: DerivedStep[]): StoredStep[] {
  return steps.map((step, index) => ({ ...step, id: `s${index + 1}`, position: index + 1, obsolete: false }));
}

describe('outOfDateReasons', () => {
  const recover = { kind: 'PROCESS', processKey: 'RECOVER' } as const;

  it('gives no reason for an up-to-date procedure', () => {
    const model = referenceDerivationModel();
    expect(outOfDateReasons(storeDerivation(model, recover), deriveSteps(model, recover))).toEqual([]);
  });

  it('explains edits to the reference process Recover in its own words', () => {
    const model = referenceDerivationModel();
    const before = storeDerivation(model, recover);
    const after = deriveSteps(model, recover)
      .filter((step) => step.activityName !== 'Prepare recovery')
      .map((step) => (step.activityName === 'Analyse' ? { ...step, activityName: 'Diagnose' } : step));
    after.splice(1, 0, fresh('verify', { processKey: 'RECOVER', activityName: 'Verify' }));
    expect(outOfDateReasons(before, after)).toEqual([
      'Activity "Verify" was added to Recover.',
      'Activity "Analyse" was renamed to "Diagnose".',
      'Activity "Prepare recovery" was removed or is no longer on the path.',
    ]);
  });

  it('reports an order change, a depth change and a move between processes', () => {
    const before = stored(fresh('a'), fresh('b'), fresh('Deploy', { depth: 1, processKey: 'CHANGE' }));
    const after = [fresh('b'), fresh('a'), fresh('Deploy', { depth: 2, processKey: 'OPERATE' })];
    expect(outOfDateReasons(before, after)).toEqual([
      'The order of the activities changed.',
      '"Deploy" moved from Change to Operate.',
      '"Deploy" moved from depth 1 to depth 2.',
    ]);
  });

  it('does not call the shift caused by an added or removed step an order change', () => {
    const before = stored(fresh('a'), fresh('b'), fresh('c'));
    expect(outOfDateReasons(before, [fresh('x'), fresh('a'), fresh('c')])).toEqual([
      'Activity "x" was added to Operate.',
      'Activity "b" was removed or is no longer on the path.',
    ]);
  });

  it('says nothing about obsolete steps that stay off the path, and reports one that comes back', () => {
    const before = stored(fresh('a'), fresh('b'), fresh('c')).map((step) =>
      step.activityId === 'b' ? { ...step, obsolete: true } : step,
    );
    expect(outOfDateReasons(before, [fresh('a'), fresh('c')])).toEqual([]);
    expect(outOfDateReasons(before, [fresh('a'), fresh('b'), fresh('c')])).toEqual([
      'Activity "b" was added back to Operate.',
    ]);
  });

  it('reports a step that comes back elsewhere as added back, not as an order change', () => {
    const before = stored(fresh('a'), fresh('b'), fresh('c')).map((step) =>
      step.activityId === 'b' ? { ...step, obsolete: true } : step,
    );
    expect(outOfDateReasons(before, [fresh('b'), fresh('a'), fresh('c')])).toEqual([
      'Activity "b" was added back to Operate.',
    ]);
  });

  it('names a repeat pass of an activity, and says a rename once for an activity passed twice', () => {
    const before = stored(
      fresh('a', { activityName: 'Plan' }),
      fresh('a', { occurrence: 2, activityName: 'Plan' }),
    );
    expect(
      outOfDateReasons(before, [
        fresh('a', { activityName: 'Schedule' }),
        fresh('a', { occurrence: 2, activityName: 'Schedule' }),
        fresh('a', { occurrence: 3, activityName: 'Schedule' }),
      ]),
    ).toEqual([
      'Activity "Schedule" was added to Operate (its 3rd time on the path).',
      'Activity "Plan" was renamed to "Schedule".',
    ]);
  });

  it('explains a renumbering of stored positions with gaps, which nothing else explains', () => {
    const before = stored(fresh('a'), fresh('b')).map((step) => ({ ...step, position: step.position * 2 }));
    expect(outOfDateReasons(before, [fresh('a'), fresh('b')])).toEqual([
      'The steps are renumbered to close gaps or repeats in their positions.',
    ]);
  });
});

describe('outOfDateReasons properties', () => {
  it('is empty exactly when re-derivation would change nothing, after random edits', () => {
    fc.assert(
      fc.property(
        editableModelArb,
        sourceArb,
        fc.array(editArb, { maxLength: 10 }),
        fc.array(editArb, { maxLength: 6 }),
        (editable, source, firstEdits, secondEdits) => {
          const model = cloneModel(editable);
          const original = storeDerivation(toDerivationModel(model), source);
          for (const edit of firstEdits) applyEdit(model, edit, source);
          const before = applyPlan(
            planRederivation(original, deriveSteps(toDerivationModel(model), source)).steps,
            'r',
          );
          for (const edit of secondEdits) applyEdit(model, edit, source);
          const after = deriveSteps(toDerivationModel(model), source);
          const reasons = outOfDateReasons(before, after);
          expect(reasons.length === 0).toBe(!planRederivation(before, after).changed);
          expect(new Set(reasons).size).toBe(reasons.length);
        },
      ),
      { numRuns: 300 },
    );
  });

  // Arbitrary stored data too: gaps and repeats in positions, obsolete flags anywhere, keys held twice.
  const activityIdArb = fc.constantFrom('a', 'b', 'c', 'd', 'e');
  const storedArb = fc
    .array(
      fc.record({
        activityId: activityIdArb,
        occurrence: fc.integer({ min: 1, max: 2 }),
        position: fc.integer({ min: 0, max: 8 }),
        depth: fc.nat(2),
        processKey: processKeyArb,
        activityName: nameArb,
        obsolete: fc.boolean(),
      }),
      { maxLength: 8 },
    )
    .map((rows) => rows.map((row, index): StoredStep => ({ ...row, id: `s${index}` })));
  const freshArb = fc
    .array(
      fc.record({
        activityId: activityIdArb,
        depth: fc.nat(2),
        processKey: processKeyArb,
        activityName: nameArb,
      }),
      {
        maxLength: 8,
      },
    )
    .map((rows) => {
      const seen = new Map<string, number>();
      return rows.map((row): DerivedStep => {
        const occurrence = (seen.get(row.activityId) ?? 0) + 1;
        seen.set(row.activityId, occurrence);
        return { ...row, occurrence };
      });
    });

  it('is empty exactly when re-derivation would change nothing, on arbitrary stored data', () => {
    fc.assert(
      fc.property(storedArb, freshArb, (before, after) => {
        expect(outOfDateReasons(before, after).length === 0).toBe(!planRederivation(before, after).changed);
      }),
      { numRuns: 1000 },
    );
  });

  // Fresh steps close to the stored ones, so that one kind of change at a time is common.
  const nearbyArb = storedArb.chain((before) => {
    const live = [...before].filter((step) => !step.obsolete).sort((x, y) => x.position - y.position);
    return fc
      .tuple(
        fc.array(fc.constantFrom('keep', 'keep', 'keep', 'drop', 'deeper', 'rename', 'swap'), {
          minLength: live.length,
          maxLength: live.length,
        }),
        fc.boolean(),
      )
      .map(([edits, addOne]) => {
        const after: DerivedStep[] = [];
        live.forEach((step, index) => {
          const { activityId, occurrence, processKey, depth, activityName } = step;
          const kept = { activityId, occurrence, processKey, depth, activityName };
          const edit = edits[index];
          if (edit === 'drop') return;
          if (edit === 'deeper') kept.depth += 1;
          if (edit === 'rename') kept.activityName += '!';
          if (edit === 'swap' && after.length > 0) after.splice(after.length - 1, 0, kept);
          else after.push(kept);
        });
        const keys = new Set([...before, ...after].map((step) => `${step.activityId}#${step.occurrence}`));
        if (addOne && !keys.has('z#1')) after.push(fresh('z'));
        // Keys held twice in stored data would make `after` repeat a key, which no derivation does.
        const seen = new Set<string>();
        return {
          before,
          after: after.filter((step) => {
            const key = `${step.activityId}#${step.occurrence}`;
            if (seen.has(key)) return false;
            seen.add(key);
            return true;
          }),
        };
      });
  });

  it('is empty exactly when re-derivation would change nothing, for small changes to stored data', () => {
    fc.assert(
      fc.property(nearbyArb, ({ before, after }) => {
        expect(outOfDateReasons(before, after).length === 0).toBe(!planRederivation(before, after).changed);
      }),
      { numRuns: 1000 },
    );
  });

  it('is empty for the plan it explains, once applied', () => {
    fc.assert(
      fc.property(storedArb, freshArb, (before, after) => {
        const applied = applyPlan(planRederivation(before, after).steps, 'n');
        expect(outOfDateReasons(applied, after)).toEqual([]);
      }),
      { numRuns: 500 },
    );
  });
});
