import { describe, expect, it } from 'vitest';
import {
  PROCESS_NAMES,
  PROCESS_PURPOSES,
  REFERENCE_HANDOVERS,
  REFERENCE_PROCESSES,
  REFERENCE_PROFILES,
  REFERENCE_WORKFLOWS,
} from './reference-model';
import { ALLOWED_FORK_TARGETS, handoverViolation } from './rules';
import { PROCESS_ENTERED_BY, PROCESS_KEYS } from './usm';

const SHORT = 200;

describe('REFERENCE_PROCESSES', () => {
  it('holds the five processes in PROCESS_KEYS order with their step counts', () => {
    expect(REFERENCE_PROCESSES.map((process) => process.key)).toEqual([...PROCESS_KEYS]);
    expect(REFERENCE_PROCESSES.map((process) => process.activities.length)).toEqual([8, 9, 7, 6, 7]);
  });

  it('uses the step labels of reference §3', () => {
    expect(
      Object.fromEntries(REFERENCE_PROCESSES.map((p) => [p.key, p.activities.map((a) => a.name)])),
    ).toEqual({
      AGREE: [
        'Accept wishes',
        'Classify',
        'Specify the service',
        'Draft offer',
        'Negotiate',
        'Realize',
        'Review delivery & feedback',
        'Evaluate & close',
      ],
      CHANGE: [
        'Accept RFC',
        'Classify',
        'Plan & agree',
        'Prepare change',
        'Test & release',
        'Deploy',
        'Review delivery & feedback',
        'Update MIR',
        'Evaluate & close',
      ],
      RECOVER: [
        'Accept incident',
        'Classify',
        'Analyse',
        'Prepare recovery',
        'Recover',
        'Review delivery & feedback',
        'Evaluate & close',
      ],
      OPERATE: [
        'Accept service request',
        'Classify',
        'Plan the activities',
        'Execute the activities',
        'Review delivery & feedback',
        'Evaluate & close',
      ],
      IMPROVE: [
        'Identify risks',
        'Classify',
        'Determine cause',
        'Select measure',
        'Deploy measure',
        'Review delivery & feedback',
        'Evaluate & close',
      ],
    });
  });

  it('gives every process its own Classify step (no activity object is shared)', () => {
    const classifySteps = REFERENCE_PROCESSES.map((p) => p.activities.find((a) => a.name === 'Classify'));
    expect(classifySteps.every(Boolean)).toBe(true);
    expect(new Set(classifySteps).size).toBe(PROCESS_KEYS.length);
    const allActivities = REFERENCE_PROCESSES.flatMap((p) => p.activities);
    expect(new Set(allActivities).size).toBe(allActivities.length);
  });

  it('names and describes each process consistently with PROCESS_NAMES and PROCESS_PURPOSES', () => {
    for (const process of REFERENCE_PROCESSES) {
      expect(process.name).toBe(PROCESS_NAMES[process.key]);
      expect(process.purpose).toBe(PROCESS_PURPOSES[process.key]);
    }
  });

  it('keeps every text short, one sentence in our own words', () => {
    const texts = [
      ...REFERENCE_PROCESSES.map((p) => p.purpose),
      ...REFERENCE_PROCESSES.flatMap((p) => p.activities.map((a) => a.description)),
      ...REFERENCE_PROFILES.map((p) => p.description),
    ];
    for (const text of texts) {
      expect(text.length).toBeLessThan(SHORT);
      if (text !== '') expect(text).toMatch(/^[A-Z][^.]*\.$/);
    }
  });
});

describe('REFERENCE_HANDOVERS', () => {
  it('passes the hand-over rules and points at an existing step', () => {
    for (const handover of REFERENCE_HANDOVERS) {
      expect(handoverViolation(handover.process, handover.callType, handover.kind)).toBeNull();
      const process = REFERENCE_PROCESSES.find((p) => p.key === handover.process)!;
      expect(handover.activityPosition).toBeGreaterThanOrEqual(1);
      expect(handover.activityPosition).toBeLessThanOrEqual(process.activities.length);
    }
  });

  it('has the forks of reference §3 at the named steps', () => {
    const forks = REFERENCE_HANDOVERS.filter((h) => h.kind === 'FORK').map((h) => [
      h.process,
      stepName(h.process, h.activityPosition),
      h.callType,
    ]);
    expect(forks).toEqual([
      ['AGREE', 'Realize', 'RFC'],
      ['CHANGE', 'Deploy', 'SERVICE_REQUEST'],
      ['RECOVER', 'Recover', 'RFC'],
      ['RECOVER', 'Recover', 'SERVICE_REQUEST'],
      ['IMPROVE', 'Deploy measure', 'WISH'],
      ['IMPROVE', 'Deploy measure', 'RFC'],
      ['IMPROVE', 'Deploy measure', 'SERVICE_REQUEST'],
    ]);
  });

  it('covers every allowed fork target, so each workflow choice has a fork to take', () => {
    for (const key of PROCESS_KEYS) {
      const targets = REFERENCE_HANDOVERS.filter((h) => h.process === key && h.kind === 'FORK').map(
        (h) => PROCESS_ENTERED_BY[h.callType],
      );
      expect(targets).toEqual(ALLOWED_FORK_TARGETS[key]);
    }
  });

  it('has the spawns of reference §3: a risk from every Evaluate & close, an incident and a risk from Execute', () => {
    const spawns = REFERENCE_HANDOVERS.filter((h) => h.kind === 'SPAWN').map((h) => [
      h.process,
      stepName(h.process, h.activityPosition),
      h.callType,
    ]);
    expect(spawns).toEqual([
      ['AGREE', 'Evaluate & close', 'RISK'],
      ['CHANGE', 'Evaluate & close', 'RISK'],
      ['RECOVER', 'Evaluate & close', 'RISK'],
      ['OPERATE', 'Execute the activities', 'INCIDENT'],
      ['OPERATE', 'Execute the activities', 'RISK'],
      ['OPERATE', 'Evaluate & close', 'RISK'],
      ['IMPROVE', 'Evaluate & close', 'RISK'],
    ]);
  });
});

describe('REFERENCE_WORKFLOWS', () => {
  it('lists the eight workflows of reference §4 with their triggers', () => {
    expect(REFERENCE_WORKFLOWS.map((w) => [w.number, w.name, w.trigger, w.reactive])).toEqual([
      [1, 'Changes to agreements', 'WISH', true],
      [2, 'Changes to managed resources', 'RFC', true],
      [3, 'Incident with a change to managed resources', 'INCIDENT', true],
      [4, 'Incident without a change to managed resources', 'INCIDENT', true],
      [5, 'Operations (service requests, deployments, routine work)', 'SERVICE_REQUEST', true],
      [6, 'Risk handled by changing an agreement', 'RISK', false],
      [7, 'Risk handled by changing managed resources', 'RISK', false],
      [8, 'Risk handled by a service request', 'RISK', false],
    ]);
  });

  it('starts each workflow in the process its trigger enters', () => {
    for (const workflow of REFERENCE_WORKFLOWS)
      expect(workflow.startProcess).toBe(PROCESS_ENTERED_BY[workflow.trigger]);
  });

  it('records a choice only for forks with several targets, and only an allowed one', () => {
    for (const workflow of REFERENCE_WORKFLOWS) {
      for (const [from, target] of Object.entries(workflow.forkChoices)) {
        const allowed = ALLOWED_FORK_TARGETS[from as keyof typeof ALLOWED_FORK_TARGETS];
        expect(allowed.length).toBeGreaterThan(1);
        expect(allowed).toContain(target);
      }
    }
  });
});

describe('REFERENCE_PROFILES', () => {
  it('has the four USM-specific profiles', () => {
    expect(REFERENCE_PROFILES.map((p) => p.name)).toEqual([
      'Workflow manager',
      'Workflow coordinator',
      'Operator',
      'Team coordinator',
    ]);
  });
});

function stepName(processKey: string, position: number): string | undefined {
  return REFERENCE_PROCESSES.find((p) => p.key === processKey)?.activities[position - 1]?.name;
}
