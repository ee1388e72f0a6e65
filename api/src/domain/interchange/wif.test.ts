import { describe, expect, it } from 'vitest';
import { matchWifToModel } from './wif-match';
import { parseWif, parseWifText, type ParsedWif } from './wif-parse';
import {
  procedureWif,
  serialiseWif,
  wifFileName,
  wifSlug,
  workflowTemplateWif,
  type WifDocument,
} from './wif';
import { referenceSnapshot, roleIdOf } from './test-fixtures';

const snapshot = referenceSnapshot();
const activityName = new Map(snapshot.processes.flatMap((p) => p.activities.map((a) => [a.id, a.name])));

type Step = {
  process: string;
  'sort-index': number;
  name: string;
  activities: Activity[];
  [member: string]: unknown;
};
type Activity = {
  id: string;
  name: string;
  'sort-index': number;
  responsibilities: Record<string, string[]>;
  [member: string]: unknown;
};
const stepsOf = (document: WifDocument) => document.steps as unknown as Step[];

function parsed(document: WifDocument): ParsedWif {
  const result = parseWif(JSON.parse(serialiseWif(document)));
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.wif;
}

describe('USM-WIF export of the eight workflows', () => {
  const SEGMENTS: Record<number, string[]> = {
    1: ['agree', 'change', 'operate', 'change', 'agree'],
    2: ['change', 'operate', 'change'],
    3: ['recover', 'change', 'operate', 'change', 'recover'],
    4: ['recover', 'operate', 'recover'],
    5: ['operate'],
    6: ['improve', 'agree', 'change', 'operate', 'change', 'agree', 'improve'],
    7: ['improve', 'change', 'operate', 'change', 'improve'],
    8: ['improve', 'operate', 'improve'],
  };

  it.each(Object.keys(SEGMENTS).map(Number))(
    'workflow %i: one step per process segment, the reference member names',
    (number) => {
      const workflow = snapshot.workflows.find((candidate) => candidate.number === number)!;
      const document = workflowTemplateWif(snapshot, number);
      expect(Object.keys(document).slice(0, 11)).toEqual([
        'format-version',
        'source-system-type',
        'process',
        'dynamicity',
        'context',
        'slug',
        'name',
        'description',
        'type',
        'profiles',
        'steps',
      ]);
      expect(document).toMatchObject({
        'format-version': '1.0.0',
        'source-system-type': expect.stringMatching(/^[a-z0-9.-]+:[a-z0-9-]+$/),
        process: workflow.startProcess.toLowerCase(),
        dynamicity: 'static',
        type: 'workflow-template',
        name: workflow.name,
        profiles: [],
        'x-usm-workflow-number': number,
        'x-usm-trigger': workflow.trigger.toLowerCase().replace('_', '-'),
      });
      expect(document.slug).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
      expect(wifFileName(document)).toBe(`${document.slug}.workflow-template.json`);
      const steps = stepsOf(document);
      expect(steps.map((step) => step.process)).toEqual(SEGMENTS[number]);
      expect(steps.map((step) => step['sort-index'])).toEqual(steps.map((_, index) => index + 1));
      // The activities of all steps, in order, are the expanded path.
      expect(steps.flatMap((step) => step.activities.map((activity) => activity.name))).toEqual(
        workflow.steps.map((step) => activityName.get(step.activityId)),
      );
      for (const step of steps) {
        expect(step.activities.map((activity) => activity['sort-index'])).toEqual(
          step.activities.map((_, i) => i + 1),
        );
        for (const activity of step.activities) expect(activity.responsibilities).toEqual({});
      }
      expect(serialiseWif(document)).toBe(serialiseWif(workflowTemplateWif(referenceSnapshot(), number)));
    },
  );

  it('workflow 3: forks, resumed segments and spawns as extra members', () => {
    const steps = stepsOf(workflowTemplateWif(snapshot, 3));
    const recover = steps[0]!.activities.find((activity) => activity.name === 'Recover')!;
    expect(recover['x-usm-forks']).toEqual([{ 'call-type': 'rfc', process: 'change', step: '2' }]);
    const deploy = steps[1]!.activities.find((activity) => activity.name === 'Deploy')!;
    expect(deploy['x-usm-forks']).toEqual([
      { 'call-type': 'service-request', process: 'operate', step: '3' },
    ]);
    expect(steps.map((step) => step['x-usm-depth'])).toEqual([0, 1, 2, 1, 0]);
    expect(steps.map((step) => step['x-usm-resumes'] ?? false)).toEqual([false, false, false, true, true]);
    const execute = steps[2]!.activities.find((activity) => activity.name === 'Execute the activities')!;
    expect(execute['x-usm-spawns']).toEqual([
      { 'call-type': 'incident', process: 'recover' },
      { 'call-type': 'risk', process: 'improve' },
    ]);
    expect(steps.flatMap((step) => step.activities).filter((a) => a['x-usm-forks'])).toHaveLength(2);
  });
});

describe('USM-WIF export of a procedure', () => {
  it('maps profiles (roles) by id to letters and adds the work instructions', () => {
    const document = procedureWif(snapshot, 'proc-w3');
    expect(document).toMatchObject({ type: 'workflow', process: 'recover', dynamicity: 'static' });
    expect(wifFileName(document)).toMatch(/\.workflow\.json$/);
    expect(document.profiles).toEqual([
      { id: roleIdOf('Operator'), name: 'Operator' },
      { id: roleIdOf('Team coordinator'), name: 'Team coordinator' },
      { id: roleIdOf('Workflow coordinator'), name: 'Workflow coordinator' },
    ]);
    const steps = stepsOf(document);
    expect(steps).toHaveLength(5);
    const first = steps[0]!.activities[0]!;
    expect(first.responsibilities).toEqual({
      [roleIdOf('Operator')]: ['R'],
      [roleIdOf('Team coordinator')]: ['C', 'I'],
      [roleIdOf('Workflow coordinator')]: ['R', 'A'],
    });
    expect(first['x-usm-work-instructions']).toEqual([
      {
        profile: roleIdOf('Operator'),
        tools: [
          { id: 'tool-monitoring', name: 'Monitoring console' },
          { id: 'tool-desk', name: 'Service desk suite' },
        ],
        text: expect.stringContaining('Open the *ticket*'),
      },
    ]);
  });

  it('leaves obsolete steps out and marks a process with several fork targets dynamic', () => {
    const operate = procedureWif(snapshot, 'proc-operate');
    expect(stepsOf(operate)[0]!.activities.map((activity) => activity.name)).not.toContain(
      'Archive paperwork',
    );
    expect(operate).toMatchObject({
      dynamicity: 'static',
      'x-usm-source': { kind: 'process', process: 'operate' },
    });
    const edited = structuredClone(snapshot);
    edited.procedures.find((p) => p.id === 'proc-operate')!.source = { kind: 'PROCESS', process: 'RECOVER' };
    for (const step of edited.procedures.find((p) => p.id === 'proc-operate')!.steps) {
      step.process = 'RECOVER';
      step.activityId = 'RECOVER-5';
    }
    expect(procedureWif(edited, 'proc-operate').dynamicity).toBe('dynamic');
  });

  it('slugs are alphanumerics and single dashes', () => {
    expect(wifSlug('  Incident — with a change: café!  ', 'x')).toBe('incident-with-a-change-cafe');
    expect(wifSlug('<<>>', 'fallback')).toBe('fallback');
  });
});

describe('export → parse → match', () => {
  it.each([1, 2, 3, 4, 5, 6, 7, 8])('workflow %i: every activity matches its activity', (number) => {
    const workflow = snapshot.workflows.find((candidate) => candidate.number === number)!;
    const wif = parsed(workflowTemplateWif(snapshot, number));
    const match = matchWifToModel(wif, snapshot);
    expect(match.complete).toBe(true);
    expect(match.activities.map((a) => (a.status === 'MATCHED' ? a.activityId : a.reason))).toEqual(
      workflow.steps.map((step) => step.activityId),
    );
  });

  it('a procedure into another organisation: activities by process and name, profiles by name', () => {
    const wif = parsed(procedureWif(snapshot, 'proc-w3'));
    expect(wif.steps.map((step) => step.depth)).toEqual([0, 1, 2, 1, 0]);
    expect(wif.steps[0]!.activities[0]!.responsibilities).toContainEqual({
      profile: roleIdOf('Workflow coordinator'),
      letters: 'RA',
    });
    const other = referenceSnapshot();
    for (const process of other.processes)
      for (const activity of process.activities) activity.id = `other-${activity.id}`;
    for (const role of other.roles) role.id = `other-${role.id}`;
    // Names differ only in case and spacing.
    other.processes[2]!.activities[0]!.name = '  ACCEPT   incident ';
    const match = matchWifToModel(wif, other);
    expect(match.complete).toBe(true);
    expect(match.activities.every((a) => a.status === 'MATCHED' && a.activityId.startsWith('other-'))).toBe(
      true,
    );
    expect(match.profiles.map((p) => p.roleId)).toEqual(match.profiles.map((p) => `other-${p.profile}`));
  });

  it('reports activities it cannot match, with their path', () => {
    const document = JSON.parse(serialiseWif(workflowTemplateWif(snapshot, 5)));
    document.steps[0].activities[2].name = 'Make coffee';
    const other = referenceSnapshot();
    other.processes[3]!.activities[1]!.name = 'Plan the activities'; // two activities of Operate with this name
    const match = matchWifToModel(parsed(document), snapshot);
    expect(match.complete).toBe(false);
    const unmatched = match.activities.filter((a) => a.status === 'UNMATCHED');
    expect(unmatched.map((a) => [a.path, a.status === 'UNMATCHED' && a.reason])).toEqual([
      ['$.steps[0].activities[2]', 'Operate has no activity named "Make coffee".'],
    ]);
    const ambiguous = matchWifToModel(parsed(workflowTemplateWif(snapshot, 5)), other).activities.filter(
      (a) => a.status === 'UNMATCHED',
    );
    expect(ambiguous.map((a) => a.status === 'UNMATCHED' && a.reason)).toEqual([
      'Operate has no activity named "Classify".', // renamed in `other`
      'Operate has 2 activities named "Plan the activities".',
    ]);
  });
});

describe('parseWif', () => {
  const valid = () => JSON.parse(serialiseWif(procedureWif(snapshot, 'proc-w3')));

  it('reports a truncated file at $', () => {
    const text = serialiseWif(procedureWif(snapshot, 'proc-w3'));
    const result = parseWifText(text.slice(0, text.length / 2));
    expect(result.ok).toBe(false);
    expect(!result.ok && result.problems).toEqual([
      { path: '$', message: expect.stringContaining('Not valid JSON') },
    ]);
    expect(parseWif([1, 2])).toMatchObject({ ok: false, problems: [{ path: '$' }] });
  });

  it('reports a wrong version, missing members and wrong values, each with its path', () => {
    const document = valid();
    document['format-version'] = '2.0.0';
    delete document.slug;
    document.steps[0].process = 'escalate';
    delete document.steps[1].activities[0].name;
    document.steps[2].activities[1].responsibilities = { x: ['R', 'S'] };
    document.steps[3]['sort-index'] = -1;
    delete document.steps[4].activities;
    const result = parseWif(document);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.problems.map((problem) => problem.path)).toEqual([
      '$["format-version"]',
      '$.slug',
      '$.steps[0].process',
      '$.steps[1].activities[0].name',
      '$.steps[2].activities[1].responsibilities.x',
      '$.steps[3]["sort-index"]',
      '$.steps[4].activities',
    ]);
    expect(parseWif({ 'format-version': 1 })).toMatchObject({
      ok: false,
      problems: [{ path: '$["format-version"]' }, { path: '$.type' }, { path: '$.steps' }],
    });
  });

  it('ignores unknown members, as the format requires, and orders by sort-index', () => {
    const document = valid();
    document['x-other-tool'] = { anything: [1, 2, 3] };
    document.steps[0].colour = 'red';
    document.steps[0].activities[0]['x-unknown'] = null;
    const plain = parseWif(valid());
    const extended = parseWif(document);
    expect(extended).toEqual(plain);

    const reordered = valid();
    reordered.steps.reverse();
    for (const step of reordered.steps) step['sort-index'] = String(step['sort-index']); // as the spec's examples write it
    // The same content; paths still point into the file as it was written.
    const withoutPaths = (value: unknown) =>
      JSON.parse(JSON.stringify(value, (key, v) => (key === 'path' ? undefined : v)));
    expect(withoutPaths(parseWif(reordered))).toEqual(withoutPaths(plain));
    const result = parseWif(reordered);
    expect(result.ok && result.wif.steps[0]!.path).toBe('$.steps[4]');
  });

  it('a template needs no slug or name; a workflow does', () => {
    const template = JSON.parse(serialiseWif(workflowTemplateWif(snapshot, 2)));
    delete template.slug;
    delete template.name;
    expect(parseWif(template).ok).toBe(true);
    template.type = 'workflow';
    expect(parseWif(template)).toMatchObject({
      ok: false,
      problems: [{ path: '$.slug' }, { path: '$.name' }],
    });
  });

  it('refuses oversized input cheaply', () => {
    const document = valid();
    document.steps = Array.from({ length: 1001 }, () => document.steps[0]);
    expect(parseWif(document)).toMatchObject({ ok: false, problems: [{ path: '$.steps' }] });
    const long = valid();
    long.name = 'x'.repeat(201);
    expect(parseWif(long)).toMatchObject({ ok: false, problems: [{ path: '$.name' }] });
  });
});
