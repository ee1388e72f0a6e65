import { describe, expect, it } from 'vitest';
import { ALLOWED_FORK_TARGETS, handoverViolation, processLabel } from './rules';
import { CALL_TYPES, PROCESS_KEYS, type CallType, type ProcessKey } from './usm';

// Reference §5, written out independently of ALLOWED_FORK_TARGETS: from → call types it may fork by.
const FORKS_ALLOWED_BY_REFERENCE: Record<ProcessKey, readonly CallType[]> = {
  AGREE: ['RFC'],
  CHANGE: ['SERVICE_REQUEST'],
  RECOVER: ['RFC', 'SERVICE_REQUEST'],
  OPERATE: [],
  IMPROVE: ['WISH', 'RFC', 'SERVICE_REQUEST'],
};

const everyPair = PROCESS_KEYS.flatMap((from) => CALL_TYPES.map((callType) => ({ from, callType })));

describe('handoverViolation', () => {
  it.each(everyPair)('FORK from $from by $callType follows the reference table', ({ from, callType }) => {
    const violation = handoverViolation(from, callType, 'FORK');
    if (FORKS_ALLOWED_BY_REFERENCE[from].includes(callType)) expect(violation).toBeNull();
    else expect(violation).toMatch(/\.$/);
  });

  it.each(everyPair)('SPAWN from $from by $callType is always allowed', ({ from, callType }) => {
    expect(handoverViolation(from, callType, 'SPAWN')).toBeNull();
  });

  it('explains that Operate forks to nothing', () => {
    expect(handoverViolation('OPERATE', 'RFC', 'FORK')).toBe(
      'Operate forks to nothing: it carries out work itself and calls no other process.',
    );
  });

  it('names the only allowed target and the refused one', () => {
    expect(handoverViolation('CHANGE', 'INCIDENT', 'FORK')).toBe(
      'Change may fork only to Operate (by a service request), not to Recover.',
    );
  });

  it('lists several allowed targets as alternatives', () => {
    expect(handoverViolation('IMPROVE', 'INCIDENT', 'FORK')).toBe(
      'Improve may fork only to Agree (by a wish), Change (by an RFC) or Operate (by a service request), not to Recover.',
    );
    expect(handoverViolation('RECOVER', 'WISH', 'FORK')).toBe(
      'Recover may fork only to Change (by an RFC) or Operate (by a service request), not to Agree.',
    );
  });

  it('calls out a fork of a process to itself', () => {
    expect(handoverViolation('AGREE', 'WISH', 'FORK')).toBe(
      'Agree may fork only to Change (by an RFC), not to Agree itself.',
    );
  });
});

describe('ALLOWED_FORK_TARGETS', () => {
  it('never lets a process fork to itself, so a single fork cannot loop', () => {
    for (const key of PROCESS_KEYS) expect(ALLOWED_FORK_TARGETS[key]).not.toContain(key);
  });
});

describe('processLabel', () => {
  it('gives the process names as USM writes them', () => {
    expect(PROCESS_KEYS.map(processLabel)).toEqual(['Agree', 'Change', 'Recover', 'Operate', 'Improve']);
  });
});
