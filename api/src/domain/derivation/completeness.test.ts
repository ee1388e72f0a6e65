import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  combineCompleteness,
  measureCompleteness,
  type CompletenessInstruction,
  type CompletenessResponsibility,
  type CompletenessStep,
} from './completeness';
import { RACI_LETTERS, type Raci } from './responsibilities';

const live = (id: string): CompletenessStep => ({ id, obsolete: false });
const gone = (id: string): CompletenessStep => ({ id, obsolete: true });
const holds = (stepId: string, roleId: string, ...raci: Raci[]): CompletenessResponsibility => ({
  stepId,
  roleId,
  raci,
});
const instruction = (
  stepId: string,
  roleId: string,
  toolCount = 1,
  text = 'Do it.',
): CompletenessInstruction => ({
  stepId,
  roleId,
  toolCount,
  text,
});

describe('measureCompleteness', () => {
  it('passes a step with one Accountable, a Responsible and an instruction with a tool and text', () => {
    const result = measureCompleteness(
      [live('s1')],
      [holds('s1', 'lead', 'A'), holds('s1', 'op', 'R')],
      [instruction('s1', 'op')],
    );
    expect(result).toEqual({
      liveSteps: 1,
      whoGaps: 0,
      howGaps: 0,
      percentComplete: 100,
      whoGapStepIds: [],
      howGapStepIds: [],
    });
  });

  it('fails WHO without an Accountable, with two, or without a Responsible', () => {
    const result = measureCompleteness(
      [live('noA'), live('twoA'), live('noR'), live('ok')],
      [
        holds('noA', 'op', 'R'),
        holds('twoA', 'lead', 'R', 'A'),
        holds('twoA', 'boss', 'A'),
        holds('noR', 'lead', 'A', 'C'),
        holds('ok', 'op', 'R', 'A'),
      ],
      [],
    );
    expect(result.whoGapStepIds).toEqual(['noA', 'twoA', 'noR']);
  });

  it('fails HOW when a Responsible role lacks an instruction, a tool or text', () => {
    const steps = ['none', 'noTool', 'blank', 'oneOfTwo', 'ok'].map(live);
    const responsibilities = steps.map((step) => holds(step.id, 'op', 'R', 'A'));
    responsibilities.push(holds('oneOfTwo', 'second', 'R'));
    const instructions = [
      instruction('noTool', 'op', 0),
      instruction('blank', 'op', 2, '  \n '),
      instruction('oneOfTwo', 'op'),
      instruction('ok', 'op', 3),
      instruction('none', 'someone-else'),
    ];
    const result = measureCompleteness(steps, responsibilities, instructions);
    expect(result.howGapStepIds).toEqual(['none', 'noTool', 'blank', 'oneOfTwo']);
    expect(result.whoGapStepIds).toEqual([]);
  });

  it('fails HOW on a step with no Responsible role (our reading: no HOW yet)', () => {
    const result = measureCompleteness([live('s1')], [holds('s1', 'lead', 'A')], [instruction('s1', 'lead')]);
    expect(result).toMatchObject({ whoGaps: 1, howGaps: 1, percentComplete: 0 });
  });

  it('ignores obsolete steps and rows of unknown steps, and reports gaps in step order', () => {
    const result = measureCompleteness(
      [live('s2'), gone('s9'), live('s1')],
      [holds('s1', 'op', 'R', 'A'), holds('elsewhere', 'op', 'A')],
      [instruction('s1', 'op')],
    );
    expect(result).toEqual({
      liveSteps: 2,
      whoGaps: 1,
      howGaps: 1,
      percentComplete: 50,
      whoGapStepIds: ['s2'],
      howGapStepIds: ['s2'],
    });
  });

  it('merges several rows for one role on one step', () => {
    const result = measureCompleteness(
      [live('s1')],
      [holds('s1', 'op', 'R'), holds('s1', 'op', 'A')],
      [instruction('s1', 'op')],
    );
    expect(result.percentComplete).toBe(100);
  });

  it('rounds to one decimal and is 0 without live steps', () => {
    const three = measureCompleteness([live('a'), live('b'), live('c')], [holds('a', 'op', 'R', 'A')], []);
    expect(three.percentComplete).toBe(16.7); // 1 of 6 checks
    expect(measureCompleteness([], [], []).percentComplete).toBe(0);
    expect(measureCompleteness([gone('a')], [], []).percentComplete).toBe(0);
  });

  it('never rounds up to 100 while a gap is left, nor down to 0 once a check passes', () => {
    const steps = Array.from({ length: 2000 }, (_, index) => live(`s${index}`));
    const responsibilities = steps.map((step) => holds(step.id, 'op', 'R', 'A'));
    const instructions = steps.slice(1).map((step) => instruction(step.id, 'op'));
    expect(measureCompleteness(steps, responsibilities, instructions).percentComplete).toBe(99.9);
    expect(measureCompleteness(steps, responsibilities.slice(0, 1), []).percentComplete).toBe(0.1);
  });
});

describe('combineCompleteness', () => {
  it('sums counts and lists and recomputes the percentage from the totals', () => {
    const done = measureCompleteness([live('a')], [holds('a', 'op', 'R', 'A')], [instruction('a', 'op')]);
    const empty = measureCompleteness([live('b'), live('c'), live('d')], [], []);
    const combined = combineCompleteness([done, empty]);
    expect(combined).toEqual({
      liveSteps: 4,
      whoGaps: 3,
      howGaps: 3,
      percentComplete: 25, // not the 50 an average of 100 and 0 would give
      whoGapStepIds: ['b', 'c', 'd'],
      howGapStepIds: ['b', 'c', 'd'],
    });
    expect(combineCompleteness([])).toEqual(measureCompleteness([], [], []));
  });
});

describe('completeness properties', () => {
  const stepIdArb = fc.constantFrom('s1', 's2', 's3', 's4', 's5');
  const roleIdArb = fc.constantFrom('r1', 'r2', 'r3');
  const inputArb = fc.record({
    steps: fc.uniqueArray(fc.record({ id: stepIdArb, obsolete: fc.boolean() }), {
      selector: (step) => step.id,
    }),
    responsibilities: fc.array(
      fc.record({ stepId: stepIdArb, roleId: roleIdArb, raci: fc.subarray([...RACI_LETTERS]) }),
      { maxLength: 12 },
    ),
    instructions: fc.array(
      fc.record({
        stepId: stepIdArb,
        roleId: roleIdArb,
        toolCount: fc.nat(2),
        text: fc.constantFrom('', ' ', 'Use the console.'),
      }),
      { maxLength: 12 },
    ),
  });

  it('keeps the percentage within 0..100, at 100 exactly when there are live steps and no gaps', () => {
    fc.assert(
      fc.property(inputArb, ({ steps, responsibilities, instructions }) => {
        const result = measureCompleteness(steps, responsibilities, instructions);
        expect(result.percentComplete).toBeGreaterThanOrEqual(0);
        expect(result.percentComplete).toBeLessThanOrEqual(100);
        expect(result.percentComplete === 100).toBe(
          result.liveSteps > 0 && result.whoGaps === 0 && result.howGaps === 0,
        );
        expect(result.liveSteps).toBe(steps.filter((step) => !step.obsolete).length);
        expect(result.whoGaps).toBe(result.whoGapStepIds.length);
        expect(result.howGaps).toBe(result.howGapStepIds.length);
      }),
      { numRuns: 500 },
    );
  });

  it('combines parts as if they were measured as one', () => {
    fc.assert(
      fc.property(fc.array(inputArb, { maxLength: 4 }), (inputs) => {
        // Step ids are made distinct per part, as they are across procedures.
        const parts = inputs.map(({ steps, responsibilities, instructions }, index) => ({
          steps: steps.map((step) => ({ ...step, id: `${index}:${step.id}` })),
          responsibilities: responsibilities.map((row) => ({ ...row, stepId: `${index}:${row.stepId}` })),
          instructions: instructions.map((row) => ({ ...row, stepId: `${index}:${row.stepId}` })),
        }));
        const combined = combineCompleteness(
          parts.map((part) => measureCompleteness(part.steps, part.responsibilities, part.instructions)),
        );
        const whole = measureCompleteness(
          parts.flatMap((part) => part.steps),
          parts.flatMap((part) => part.responsibilities),
          parts.flatMap((part) => part.instructions),
        );
        expect(combined).toEqual(whole);
        expect(combined.percentComplete === 100).toBe(
          combined.liveSteps > 0 && combined.whoGaps === 0 && combined.howGaps === 0,
        );
      }),
    );
  });
});
