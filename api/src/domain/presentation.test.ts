import { describe, expect, it } from 'vitest';
import { BadUserInputError } from './errors';
import { checkLive, checkStepWithin, plannedPosition, type PresentationPosition } from './presentation';

function fieldOf(work: () => unknown): string | null {
  try {
    work();
    return null;
  } catch (error) {
    expect(error).toBeInstanceOf(BadUserInputError);
    return (error as BadUserInputError).field;
  }
}

const workflow3: PresentationPosition = { mode: 'WORKFLOW', workflowNumber: 3, procedureId: null, step: 4 };
const derivation: PresentationPosition = {
  mode: 'DERIVATION',
  workflowNumber: null,
  procedureId: 'p',
  step: 2,
};

describe('starting a presentation', () => {
  it('starts a workflow walkthrough at step 1 unless told otherwise', () => {
    expect(plannedPosition(null, { mode: 'WORKFLOW', workflowNumber: 3 })).toEqual({
      mode: 'WORKFLOW',
      workflowNumber: 3,
      procedureId: null,
      step: 1,
    });
    expect(plannedPosition(null, { mode: 'DERIVATION', procedureId: 'p', step: 2 })).toEqual(derivation);
  });

  it('refuses a missing or wrong workflow, a derivation without procedure, and mixed sources', () => {
    expect(fieldOf(() => plannedPosition(null, { mode: 'WORKFLOW' }))).toBe('input.workflowNumber');
    for (const workflowNumber of [0, 9, -1, 2.5]) {
      expect(fieldOf(() => plannedPosition(null, { mode: 'WORKFLOW', workflowNumber }))).toBe(
        'input.workflowNumber',
      );
    }
    expect(fieldOf(() => plannedPosition(null, { mode: 'DERIVATION' }))).toBe('input.procedureId');
    expect(
      fieldOf(() => plannedPosition(null, { mode: 'DERIVATION', procedureId: 'p', workflowNumber: 1 })),
    ).toBe('input.workflowNumber');
    expect(
      fieldOf(() => plannedPosition(null, { mode: 'WORKFLOW', workflowNumber: 1, procedureId: 'p' })),
    ).toBe('input.procedureId');
    expect(fieldOf(() => plannedPosition(null, {}))).toBe('input.mode');
  });

  it('refuses steps below 1 or not whole', () => {
    for (const step of [0, -3, 1.5]) {
      expect(fieldOf(() => plannedPosition(null, { mode: 'WORKFLOW', workflowNumber: 1, step }))).toBe(
        'input.step',
      );
    }
  });
});

describe('moving a presentation', () => {
  it('keeps the workflow or procedure when the mode stays', () => {
    expect(plannedPosition(workflow3, { step: 7 })).toEqual({ ...workflow3, step: 7 });
    expect(plannedPosition(derivation, { mode: 'DERIVATION', step: 3 })).toEqual({ ...derivation, step: 3 });
    expect(plannedPosition(workflow3, { workflowNumber: 5, step: 1 })).toEqual({
      ...workflow3,
      workflowNumber: 5,
      step: 1,
    });
  });

  it('must name the new workflow or procedure when switching modes', () => {
    expect(fieldOf(() => plannedPosition(workflow3, { mode: 'DERIVATION', step: 1 }))).toBe(
      'input.procedureId',
    );
    expect(fieldOf(() => plannedPosition(derivation, { mode: 'WORKFLOW', step: 1 }))).toBe(
      'input.workflowNumber',
    );
    expect(plannedPosition(workflow3, { mode: 'DERIVATION', procedureId: 'q', step: 1 })).toEqual({
      mode: 'DERIVATION',
      workflowNumber: null,
      procedureId: 'q',
      step: 1,
    });
  });

  it('needs a step', () => {
    expect(fieldOf(() => plannedPosition(workflow3, {}))).toBe('input.step');
  });
});

describe('the step bound', () => {
  it('is the length of the expanded path for a workflow', () => {
    expect(fieldOf(() => checkStepWithin({ ...workflow3, step: 22 }, 22))).toBeNull();
    expect(fieldOf(() => checkStepWithin({ ...workflow3, step: 23 }, 22))).toBe('input.step');
    expect(fieldOf(() => checkStepWithin({ ...workflow3, step: 1 }, 0))).toBe('input.step');
  });

  it('is stage 3 (HOW) for a derivation, whatever the workflows', () => {
    expect(fieldOf(() => checkStepWithin({ ...derivation, step: 3 }, 0))).toBeNull();
    expect(fieldOf(() => checkStepWithin({ ...derivation, step: 4 }, 100))).toBe('input.step');
  });
});

describe('an ended presentation', () => {
  it('cannot move or end again', () => {
    expect(fieldOf(() => checkLive(null))).toBeNull();
    expect(fieldOf(() => checkLive(new Date()))).toBe('input.id');
  });
});
