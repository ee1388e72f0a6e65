import { describe, expect, it } from 'vitest';
import {
  howSummary,
  instructionGaps,
  procedureHow,
  stepHow,
  type InstructionData,
  type StepData,
} from './gaps';

const desk = { id: 'desk', name: 'Service desk' };
const engineer = { id: 'engineer', name: 'Engineer' };
const itsm = { id: 'itsm', name: 'ITSM suite' };

function instruction(role: typeof desk, text: string, tools = [itsm], obsolete = false): InstructionData {
  return { id: `${role.id}-${text}`, version: 1, text, obsolete, role, tools };
}

function step(position: number, change: Partial<StepData> = {}): StepData {
  return {
    id: `step-${position}`,
    position,
    depth: 0,
    obsolete: false,
    derivedName: `Step ${position}`,
    process: { key: 'CHANGE', name: 'Change' },
    responsibilities: [],
    workInstructions: [],
    ...change,
  };
}

describe('instructionGaps', () => {
  it('names a missing tool and a blank text', () => {
    expect(instructionGaps({ text: 'Do it.', tools: [itsm] })).toEqual([]);
    expect(instructionGaps({ text: '  \n', tools: [] })).toEqual(['no-tool', 'no-text']);
    expect(instructionGaps({ text: 'Do it.', tools: [] })).toEqual(['no-tool']);
  });
});

describe('stepHow', () => {
  it('is complete when every Responsible role has an instruction with a tool and a text', () => {
    const how = stepHow(
      step(1, {
        responsibilities: [
          { raci: ['R', 'A'], role: desk },
          { raci: ['C'], role: engineer },
        ],
        workInstructions: [instruction(desk, 'Do it.')],
      }),
    );
    expect(how).toMatchObject({ whoFirst: false, missingRoles: [], gaps: [], complete: true });
    expect(how.responsibleRoles).toEqual([desk]);
  });

  it('says WHO comes first on a live step without a Responsible role', () => {
    const how = stepHow(step(1, { responsibilities: [{ raci: ['A'], role: desk }] }));
    expect(how).toMatchObject({ whoFirst: true, complete: false, missingRoles: [] });
  });

  it('lists Responsible roles without an instruction and the gaps of the instructions', () => {
    const how = stepHow(
      step(1, {
        responsibilities: [
          { raci: ['R'], role: desk },
          { raci: ['R'], role: engineer },
        ],
        workInstructions: [instruction(desk, '', [])],
      }),
    );
    expect(how.missingRoles).toEqual([engineer]);
    expect(how.gaps).toEqual(['no-tool', 'no-text']);
    expect(how.instructions[0]!.gaps).toEqual(['no-tool', 'no-text']);
    expect(how.complete).toBe(false);
  });

  it('does not count obsolete instructions (listed last, without gaps) nor obsolete steps', () => {
    const how = stepHow(
      step(1, {
        responsibilities: [{ raci: ['R'], role: desk }],
        workInstructions: [instruction(engineer, '', [], true), instruction(desk, 'Do it.')],
      }),
    );
    expect(how.instructions.map((entry) => entry.instruction.role.id)).toEqual(['desk', 'engineer']);
    expect(how.instructions[1]!.gaps).toEqual([]);
    expect(how.complete).toBe(true);
    const obsolete = stepHow(step(2, { obsolete: true, responsibilities: [{ raci: ['R'], role: desk }] }));
    expect(obsolete).toMatchObject({ whoFirst: false, missingRoles: [], complete: false });
  });
});

describe('procedureHow and howSummary', () => {
  it('orders by position and counts steps, instructions and what derive would create', () => {
    const steps = procedureHow([
      step(3, { obsolete: true, workInstructions: [instruction(desk, 'Old', [itsm], true)] }),
      step(2, { responsibilities: [{ raci: ['R'], role: engineer }] }),
      step(1, {
        responsibilities: [{ raci: ['R'], role: desk }],
        workInstructions: [instruction(desk, 'Do it.')],
      }),
      step(4),
    ]);
    expect(steps.map((entry) => entry.step.position)).toEqual([1, 2, 3, 4]);
    expect(howSummary(steps)).toEqual({
      liveSteps: 3,
      completeSteps: 1,
      whoFirstSteps: 1,
      instructions: 1,
      completeInstructions: 1,
      missingInstructions: 1,
      obsoleteInstructions: 1,
    });
  });
});
