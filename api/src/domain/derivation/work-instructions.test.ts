import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CompletenessResponsibility } from './completeness';
import type { Raci } from './responsibilities';
import { isInstructionObsolete, missingWorkInstructions } from './work-instructions';

const holds = (stepId: string, roleId: string, ...raci: Raci[]): CompletenessResponsibility => ({
  stepId,
  roleId,
  raci,
});

describe('missingWorkInstructions', () => {
  it('lists each live step and Responsible role without an instruction, in step then role order', () => {
    const steps = [
      { id: 's2', obsolete: false },
      { id: 's1', obsolete: false },
      { id: 's3', obsolete: true },
    ];
    const responsibilities = [
      holds('s1', 'op', 'R'),
      holds('s2', 'zeta', 'R', 'A'),
      holds('s2', 'alpha', 'R'),
      holds('s2', 'boss', 'A', 'C'),
      holds('s3', 'op', 'R'),
      holds('s1', 'op', 'R', 'I'),
    ];
    expect(missingWorkInstructions(steps, responsibilities, [{ stepId: 's1', roleId: 'op' }])).toEqual([
      { stepId: 's2', roleId: 'zeta' },
      { stepId: 's2', roleId: 'alpha' },
    ]);
  });

  it('needs nothing for a step without a Responsible role, or without steps', () => {
    expect(missingWorkInstructions([{ id: 's1', obsolete: false }], [holds('s1', 'lead', 'A')], [])).toEqual(
      [],
    );
    expect(missingWorkInstructions([], [holds('s1', 'op', 'R')], [])).toEqual([]);
  });

  it('leaves exactly the missing pairs: after creating them none are missing', () => {
    const stepArb = fc.uniqueArray(
      fc.record({ id: fc.constantFrom('s1', 's2', 's3'), obsolete: fc.boolean() }),
      {
        selector: (step) => step.id,
      },
    );
    const rowsArb = fc.array(
      fc.record({
        stepId: fc.constantFrom('s1', 's2', 's3'),
        roleId: fc.constantFrom('r1', 'r2'),
        raci: fc.subarray<Raci>(['R', 'A', 'C', 'I']),
      }),
    );
    const keyArb = fc.array(
      fc.record({ stepId: fc.constantFrom('s1', 's2', 's3'), roleId: fc.constantFrom('r1', 'r2') }),
    );
    fc.assert(
      fc.property(stepArb, rowsArb, keyArb, (steps, responsibilities, existing) => {
        const missing = missingWorkInstructions(steps, responsibilities, existing);
        expect(new Set(missing.map((key) => `${key.stepId}/${key.roleId}`)).size).toBe(missing.length);
        for (const key of missing) {
          expect(isInstructionObsolete(key, false, responsibilities)).toBe(false);
          expect(steps.find((step) => step.id === key.stepId)?.obsolete).toBe(false);
        }
        expect(missingWorkInstructions(steps, responsibilities, [...existing, ...missing])).toEqual([]);
      }),
    );
  });
});

describe('isInstructionObsolete', () => {
  const responsibilities = [holds('s1', 'op', 'R', 'C'), holds('s1', 'lead', 'A'), holds('s2', 'op', 'I')];

  it('keeps an instruction live while its step is live and its role Responsible there', () => {
    expect(isInstructionObsolete({ stepId: 's1', roleId: 'op' }, false, responsibilities)).toBe(false);
  });

  it('makes it obsolete when its step is obsolete', () => {
    expect(isInstructionObsolete({ stepId: 's1', roleId: 'op' }, true, responsibilities)).toBe(true);
  });

  it('makes it obsolete when its role is no longer Responsible on that step', () => {
    expect(isInstructionObsolete({ stepId: 's1', roleId: 'lead' }, false, responsibilities)).toBe(true);
    expect(isInstructionObsolete({ stepId: 's2', roleId: 'op' }, false, responsibilities)).toBe(true);
    expect(isInstructionObsolete({ stepId: 's3', roleId: 'op' }, false, responsibilities)).toBe(true);
  });
});
