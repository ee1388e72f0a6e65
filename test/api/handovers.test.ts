import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CREATE_ORGANISATION, WHOLE_MODEL, type WholeModel } from '../support/operations';
import { startTestApi, type GraphQLResponse, type TestApi } from '../support/test-api';

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi();
});
afterAll(() => api?.close());

// Reference §2 and §5, written out here so that the tests do not take their oracle from the API's own code.
const PROCESSES = ['AGREE', 'CHANGE', 'RECOVER', 'OPERATE', 'IMPROVE'] as const;
const CALL_TYPES = ['WISH', 'RFC', 'INCIDENT', 'SERVICE_REQUEST', 'RISK'] as const;
type ProcessKey = (typeof PROCESSES)[number];
type CallType = (typeof CALL_TYPES)[number];
const ENTERS: Record<CallType, ProcessKey> = {
  WISH: 'AGREE',
  RFC: 'CHANGE',
  INCIDENT: 'RECOVER',
  SERVICE_REQUEST: 'OPERATE',
  RISK: 'IMPROVE',
};
const FORK_TARGETS: Record<ProcessKey, ProcessKey[]> = {
  AGREE: ['CHANGE'],
  CHANGE: ['OPERATE'],
  RECOVER: ['CHANGE', 'OPERATE'],
  OPERATE: [],
  IMPROVE: ['AGREE', 'CHANGE', 'OPERATE'],
};
const PROCESS_NAME: Record<ProcessKey, string> = {
  AGREE: 'Agree',
  CHANGE: 'Change',
  RECOVER: 'Recover',
  OPERATE: 'Operate',
  IMPROVE: 'Improve',
};
const REFERENCE_STEP_COUNTS = [23, 15, 22, 13, 6, 30, 22, 13];

const HANDOVER_FIELDS = 'id callType kind version from { id name } target { key }';
const CREATE_HANDOVER = `mutation($input: CreateHandoverInput!) { createHandover(input: $input) { ${HANDOVER_FIELDS} } }`;
const UPDATE_HANDOVER = `mutation($input: UpdateHandoverInput!) { updateHandover(input: $input) { ${HANDOVER_FIELDS} } }`;
const DELETE_HANDOVER = `mutation($input: DeleteInput!) { deleteHandover(input: $input) }`;
const CREATE_ACTIVITY = `mutation($input: CreateActivityInput!) { createActivity(input: $input) { id name } }`;
const CREATE_ROLE = `mutation($input: CreateRoleInput!) { createRole(input: $input) { id } }`;
const ORGANISATION_HANDOVERS = /* GraphQL */ `
  query($id: ID!) {
    organisation(id: $id) {
      processes { key allowedForkTargets handovers { ${HANDOVER_FIELDS} } }
    }
  }
`;
const ACTIVITY_HANDOVERS = `query($id: ID!) { node(id: $id) { ... on Activity { handovers { ${HANDOVER_FIELDS} } } } }`;
const HANDOVER_NODE = `query($id: ID!) { node(id: $id) { __typename ... on Handover { ${HANDOVER_FIELDS} } } }`;
const WORKFLOW_STEPS = /* GraphQL */ `
  query ($id: ID!) {
    organisation(id: $id) {
      workflows {
        number
        steps {
          depth
          process {
            key
          }
          activity {
            name
          }
        }
      }
    }
  }
`;

interface HandoverView {
  id: string;
  callType: CallType;
  kind: 'FORK' | 'SPAWN';
  version: number;
  from: { id: string; name: string };
  target: { key: ProcessKey };
}

interface WorkflowView {
  number: number;
  steps: { depth: number; process: { key: ProcessKey }; activity: { name: string } }[];
}

function globalId(type: string, storedId: string): string {
  return Buffer.from(`${type}:${storedId}`, 'utf8').toString('base64url');
}

async function createOrganisation(name: string, template: 'USM_REFERENCE' | 'EMPTY' = 'USM_REFERENCE') {
  const data = await api.query(CREATE_ORGANISATION, { name, template });
  return data.createOrganisation as { id: string; name: string; version: number };
}

async function readModel(organisationId: string) {
  const { organisation } = await api.query<WholeModel>(WHOLE_MODEL, { id: organisationId });
  if (!organisation) throw new Error(`Organisation ${organisationId} not found`);
  return organisation;
}

/** The id of a reference activity, found by process and step name. */
async function referenceActivity(organisationId: string, process: ProcessKey, name: string) {
  const model = await readModel(organisationId);
  const activity = model.processes
    .find((candidate) => candidate.key === process)
    ?.activities.find((candidate) => candidate.name === name);
  if (!activity) throw new Error(`No activity "${name}" in ${process}`);
  return activity;
}

/** An EMPTY-template organisation with one activity per process: no hand-overs at all to start with. */
async function organisationWithOneActivityPerProcess(name: string) {
  const organisation = await createOrganisation(name, 'EMPTY');
  const model = await readModel(organisation.id);
  const activityOf = {} as Record<ProcessKey, string>;
  for (const process of model.processes) {
    const data = await api.query(CREATE_ACTIVITY, {
      input: { processId: process.id, name: `${PROCESS_NAME[process.key as ProcessKey]} step` },
    });
    activityOf[process.key as ProcessKey] = data.createActivity.id;
  }
  return { organisationId: organisation.id, activityOf };
}

async function handoversByProcess(organisationId: string) {
  const data = await api.query(ORGANISATION_HANDOVERS, { id: organisationId });
  const processes = data.organisation.processes as {
    key: ProcessKey;
    allowedForkTargets: ProcessKey[];
    handovers: HandoverView[];
  }[];
  return Object.fromEntries(processes.map((process) => [process.key, process])) as Record<
    ProcessKey,
    (typeof processes)[number]
  >;
}

async function allHandovers(organisationId: string): Promise<HandoverView[]> {
  return Object.values(await handoversByProcess(organisationId)).flatMap((process) => process.handovers);
}

async function handoversOfActivity(activityId: string): Promise<HandoverView[]> {
  return (await api.query(ACTIVITY_HANDOVERS, { id: activityId })).node.handovers;
}

async function readHandover(id: string): Promise<HandoverView | null> {
  return (await api.query(HANDOVER_NODE, { id })).node;
}

async function createHandover(input: { fromActivityId: string; callType: CallType; kind?: string }) {
  return (await api.query(CREATE_HANDOVER, { input })).createHandover as HandoverView;
}

async function workflows(organisationId: string): Promise<WorkflowView[]> {
  return (await api.query(WORKFLOW_STEPS, { id: organisationId })).organisation.workflows;
}

async function stepCounts(organisationId: string): Promise<number[]> {
  return (await workflows(organisationId)).map((workflow) => workflow.steps.length);
}

/** Exactly one error with this code and these extensions, and nothing internal leaked to the client. */
function expectError(response: GraphQLResponse, code: string, extensions: Record<string, unknown> = {}) {
  expect(response.errors, `expected a ${code} error`).toHaveLength(1);
  const error = response.errors![0]!;
  expect(error.extensions).toMatchObject({ code, ...extensions });
  const text = JSON.stringify(response.errors).toLowerCase();
  for (const leak of ['select ', 'insert ', 'stacktrace']) expect(text).not.toContain(leak);
  return error;
}

describe('createHandover', () => {
  it('creates a legal fork whose target is the process its call type enters, listed on the process and the activity', async () => {
    const { organisationId, activityOf } =
      await organisationWithOneActivityPerProcess('Fork Recover → Operate');

    const created = await createHandover({ fromActivityId: activityOf.RECOVER, callType: 'SERVICE_REQUEST' });
    expect(created).toMatchObject({
      callType: 'SERVICE_REQUEST',
      kind: 'FORK',
      version: 1,
      from: { id: activityOf.RECOVER, name: 'Recover step' },
      target: { key: 'OPERATE' },
    });

    const byProcess = await handoversByProcess(organisationId);
    expect(byProcess.RECOVER.handovers).toEqual([created]);
    expect(byProcess.OPERATE.handovers).toEqual([]);
    expect(await handoversOfActivity(activityOf.RECOVER)).toEqual([created]);
    expect(await handoversOfActivity(activityOf.OPERATE)).toEqual([]);
    expect(await readHandover(created.id)).toEqual({ __typename: 'Handover', ...created });

    // The fork is followed by workflow 4 (incident handled by Operate) but not by workflow 3 (which chose Change).
    const expanded = await workflows(organisationId);
    expect(expanded[3]!.steps.map((step) => [step.process.key, step.depth])).toEqual([
      ['RECOVER', 0],
      ['OPERATE', 1],
    ]);
    expect(expanded[2]!.steps.map((step) => step.process.key)).toEqual(['RECOVER']);
  });

  it('creates a new fork on a reference organisation next to the existing ones', async () => {
    const organisation = await createOrganisation('Reference + extra fork');
    const analyse = await referenceActivity(organisation.id, 'RECOVER', 'Analyse');
    const before = (await handoversByProcess(organisation.id)).RECOVER.handovers;

    const created = await createHandover({
      fromActivityId: analyse.id,
      callType: 'SERVICE_REQUEST',
      kind: 'FORK',
    });
    expect(created).toMatchObject({ kind: 'FORK', target: { key: 'OPERATE' }, from: { id: analyse.id } });

    const after = (await handoversByProcess(organisation.id)).RECOVER.handovers;
    expect(after).toHaveLength(before.length + 1);
    // In step order: Analyse (step 3) comes before the Recover step (5) and Evaluate & close (7).
    expect(after[0]).toEqual(created);
    expect(await handoversOfActivity(analyse.id)).toEqual([created]);
  });

  it('applies the fork rule table of reference §5 to every (process, call type) pair and creates nothing when refusing', async () => {
    const { organisationId, activityOf } = await organisationWithOneActivityPerProcess('Fork rule table');
    const initial = await handoversByProcess(organisationId);
    for (const process of PROCESSES) {
      expect(initial[process].allowedForkTargets, `allowedForkTargets of ${process}`).toEqual(
        FORK_TARGETS[process],
      );
    }

    const outcomes: string[] = [];
    for (const process of PROCESSES) {
      for (const callType of CALL_TYPES) {
        const target = ENTERS[callType];
        const pair = `${process} by ${callType} (→ ${target})`;
        const response = await api.request(CREATE_HANDOVER, {
          input: { fromActivityId: activityOf[process], callType, kind: 'FORK' },
        });
        if (FORK_TARGETS[process].includes(target)) {
          expect(response.errors, pair).toBeUndefined();
          const created = response.data.createHandover as HandoverView;
          expect(created, pair).toMatchObject({ callType, kind: 'FORK', target: { key: target } });
          expect(await allHandovers(organisationId), pair).toEqual([created]);
          await api.query(DELETE_HANDOVER, { input: { id: created.id, version: created.version } });
          outcomes.push(`${pair}: allowed`);
        } else {
          const error = expectError(response, 'BAD_USER_INPUT', { field: 'input.callType' });
          // The message explains why: which process refuses, and what it may fork to instead.
          expect(error.message, pair).toContain(PROCESS_NAME[process]);
          if (FORK_TARGETS[process].length === 0) {
            expect(error.message, pair).toMatch(/forks to nothing/i);
          } else {
            expect(error.message, pair).toContain(PROCESS_NAME[target]);
            for (const allowed of FORK_TARGETS[process]) {
              expect(error.message, pair).toContain(PROCESS_NAME[allowed]);
            }
          }
          outcomes.push(`${pair}: refused`);
        }
        expect(await allHandovers(organisationId), `nothing left after ${pair}`).toEqual([]);
      }
    }
    expect(outcomes.filter((outcome) => outcome.endsWith('allowed'))).toEqual([
      'AGREE by RFC (→ CHANGE): allowed',
      'CHANGE by SERVICE_REQUEST (→ OPERATE): allowed',
      'RECOVER by RFC (→ CHANGE): allowed',
      'RECOVER by SERVICE_REQUEST (→ OPERATE): allowed',
      'IMPROVE by WISH (→ AGREE): allowed',
      'IMPROVE by RFC (→ CHANGE): allowed',
      'IMPROVE by SERVICE_REQUEST (→ OPERATE): allowed',
    ]);
    expect(outcomes.filter((outcome) => outcome.endsWith('refused'))).toHaveLength(18);
  });

  it('allows a spawn from any process, which never changes a workflow path', async () => {
    const { organisationId, activityOf } = await organisationWithOneActivityPerProcess('Spawns');
    const countsBefore = await stepCounts(organisationId);

    const incident = await createHandover({
      fromActivityId: activityOf.OPERATE,
      callType: 'INCIDENT',
      kind: 'SPAWN',
    });
    expect(incident).toMatchObject({ callType: 'INCIDENT', kind: 'SPAWN', target: { key: 'RECOVER' } });
    for (const process of PROCESSES) {
      const risk = await createHandover({
        fromActivityId: activityOf[process],
        callType: 'RISK',
        kind: 'SPAWN',
      });
      expect(risk, process).toMatchObject({ callType: 'RISK', kind: 'SPAWN', target: { key: 'IMPROVE' } });
    }

    const byProcess = await handoversByProcess(organisationId);
    expect(byProcess.OPERATE.handovers.map((h) => `${h.kind} ${h.callType}`).sort()).toEqual([
      'SPAWN INCIDENT',
      'SPAWN RISK',
    ]);
    expect((await allHandovers(organisationId)).every((h) => h.kind === 'SPAWN')).toBe(true);
    expect(await allHandovers(organisationId)).toHaveLength(6);
    // A spawn does not wait, so no workflow follows it.
    expect(await stepCounts(organisationId)).toEqual(countsBefore);
  });

  it('refuses a duplicate hand-over (same activity, call type and kind) with BAD_USER_INPUT', async () => {
    const organisation = await createOrganisation('Duplicate fork');
    const deploy = await referenceActivity(organisation.id, 'CHANGE', 'Deploy');
    expect(deploy.handovers).toHaveLength(1);

    const response = await api.request(CREATE_HANDOVER, {
      input: { fromActivityId: deploy.id, callType: 'SERVICE_REQUEST', kind: 'FORK' },
    });
    const error = expectError(response, 'BAD_USER_INPUT', { field: 'input.callType' });
    expect(error.message).toMatch(/already/i);
    expect(await handoversOfActivity(deploy.id)).toEqual([
      expect.objectContaining({ id: deploy.handovers[0]!.id, callType: 'SERVICE_REQUEST', kind: 'FORK' }),
    ]);
    expect(await stepCounts(organisation.id)).toEqual(REFERENCE_STEP_COUNTS);
  });

  it('answers NOT_FOUND for an unknown activity and BAD_USER_INPUT for a malformed id or an id of another type', async () => {
    const organisation = await createOrganisation('Bad activity ids');
    const model = await readModel(organisation.id);
    const before = await allHandovers(organisation.id);

    const unknown = await api.request(CREATE_HANDOVER, {
      input: { fromActivityId: globalId('Activity', randomUUID()), callType: 'RISK', kind: 'SPAWN' },
    });
    expectError(unknown, 'NOT_FOUND');

    const malformed = await api.request(CREATE_HANDOVER, {
      input: { fromActivityId: 'not-an-id', callType: 'RISK', kind: 'SPAWN' },
    });
    expectError(malformed, 'BAD_USER_INPUT', { field: 'input.fromActivityId' });

    const processId = await api.request(CREATE_HANDOVER, {
      input: { fromActivityId: model.processes[0]!.id, callType: 'RISK', kind: 'SPAWN' },
    });
    expectError(processId, 'BAD_USER_INPUT', { field: 'input.fromActivityId' });

    expect(await allHandovers(organisation.id)).toEqual(before);
  });
});

describe('updateHandover', () => {
  it('changes the call type (and so the target) of a fork with the current version, bumping the version', async () => {
    const { organisationId, activityOf } = await organisationWithOneActivityPerProcess('Update fork');
    const fork = await createHandover({ fromActivityId: activityOf.IMPROVE, callType: 'SERVICE_REQUEST' });

    const data = await api.query(UPDATE_HANDOVER, {
      input: { id: fork.id, version: fork.version, callType: 'WISH' },
    });
    expect(data.updateHandover).toMatchObject({
      id: fork.id,
      callType: 'WISH',
      kind: 'FORK',
      version: fork.version + 1,
      target: { key: 'AGREE' },
    });
    expect(await readHandover(fork.id)).toMatchObject({ callType: 'WISH', version: fork.version + 1 });
    // Workflow 6 (risk handled by Agree) now runs Improve → Agree.
    expect((await workflows(organisationId))[5]!.steps.map((step) => step.process.key)).toEqual([
      'IMPROVE',
      'AGREE',
    ]);
  });

  it('answers CONFLICT with the stored version for a stale version and changes nothing', async () => {
    const { activityOf } = await organisationWithOneActivityPerProcess('Stale hand-over');
    const fork = await createHandover({ fromActivityId: activityOf.RECOVER, callType: 'SERVICE_REQUEST' });
    await api.query(UPDATE_HANDOVER, { input: { id: fork.id, version: fork.version, callType: 'RFC' } });
    const stored = (await readHandover(fork.id))!;
    expect(stored.version).toBe(fork.version + 1);

    const response = await api.request(UPDATE_HANDOVER, {
      input: { id: fork.id, version: fork.version, callType: 'SERVICE_REQUEST' },
    });
    expectError(response, 'CONFLICT', { currentVersion: stored.version });
    expect(await readHandover(fork.id)).toEqual(stored);
  });

  it('refuses to turn a fork into an illegal call type, or a spawn into an illegal fork, and changes nothing', async () => {
    const { activityOf } = await organisationWithOneActivityPerProcess('Illegal update');
    const fork = await createHandover({ fromActivityId: activityOf.RECOVER, callType: 'SERVICE_REQUEST' });
    const spawn = await createHandover({
      fromActivityId: activityOf.OPERATE,
      callType: 'INCIDENT',
      kind: 'SPAWN',
    });

    const toWish = await api.request(UPDATE_HANDOVER, {
      input: { id: fork.id, version: fork.version, callType: 'WISH' },
    });
    const error = expectError(toWish, 'BAD_USER_INPUT', { field: 'input.callType' });
    expect(error.message).toContain('Recover');
    expect(error.message).toContain('Agree');
    expect(await readHandover(fork.id)).toMatchObject({
      callType: 'SERVICE_REQUEST',
      version: fork.version,
      target: { key: 'OPERATE' },
    });

    const toFork = await api.request(UPDATE_HANDOVER, {
      input: { id: spawn.id, version: spawn.version, kind: 'FORK' },
    });
    expectError(toFork, 'BAD_USER_INPUT', { field: 'input.kind' });
    expect(await readHandover(spawn.id)).toMatchObject({ kind: 'SPAWN', version: spawn.version });
  });

  it('refuses an update that would duplicate another hand-over of the same activity', async () => {
    const organisation = await createOrganisation('Duplicate by update');
    const recover = await referenceActivity(organisation.id, 'RECOVER', 'Recover');
    const toOperate = recover.handovers.find((h) => h.callType === 'SERVICE_REQUEST')!;
    const stored = (await readHandover(toOperate.id))!;

    const response = await api.request(UPDATE_HANDOVER, {
      input: { id: stored.id, version: stored.version, callType: 'RFC' },
    });
    expectError(response, 'BAD_USER_INPUT', { field: 'input.callType' });
    expect(await readHandover(stored.id)).toEqual(stored);
  });
});

describe('deleteHandover', () => {
  it('removes a hand-over; deleting it again answers NOT_FOUND', async () => {
    const { organisationId, activityOf } = await organisationWithOneActivityPerProcess('Delete fork');
    const fork = await createHandover({ fromActivityId: activityOf.AGREE, callType: 'RFC' });

    const stale = await api.request(DELETE_HANDOVER, { input: { id: fork.id, version: fork.version + 1 } });
    expectError(stale, 'CONFLICT', { currentVersion: fork.version });
    expect(await allHandovers(organisationId)).toEqual([fork]);

    const deleted = await api.query(DELETE_HANDOVER, { input: { id: fork.id, version: fork.version } });
    expect(deleted.deleteHandover).toBe(true);
    expect(await allHandovers(organisationId)).toEqual([]);
    expect(await handoversOfActivity(activityOf.AGREE)).toEqual([]);
    expect(await readHandover(fork.id)).toBeNull();

    const again = await api.request(DELETE_HANDOVER, { input: { id: fork.id, version: fork.version } });
    expectError(again, 'NOT_FOUND');
  });

  it('answers NOT_FOUND for an unknown id and BAD_USER_INPUT for a malformed id or an id of another type', async () => {
    const organisation = await createOrganisation('Bad hand-over ids');
    const role = await api.query(CREATE_ROLE, {
      input: { organisationId: organisation.id, name: 'Auditor' },
    });
    const before = await allHandovers(organisation.id);

    for (const [document, extra] of [
      [DELETE_HANDOVER, {}],
      [UPDATE_HANDOVER, { callType: 'RFC' }],
    ] as const) {
      const unknown = await api.request(document, {
        input: { id: globalId('Handover', randomUUID()), version: 1, ...extra },
      });
      expectError(unknown, 'NOT_FOUND');

      const malformed = await api.request(document, { input: { id: 'garbage', version: 1, ...extra } });
      expectError(malformed, 'BAD_USER_INPUT', { field: 'input.id' });

      const roleId = await api.request(document, { input: { id: role.createRole.id, version: 1, ...extra } });
      const error = expectError(roleId, 'BAD_USER_INPUT', { field: 'input.id' });
      expect(error.message).toContain('Role');
    }
    expect(await allHandovers(organisation.id)).toEqual(before);
  });
});

describe('workflows follow the hand-overs', () => {
  it("expands workflows 1 and 2 without Operate once Change's Deploy fork is deleted, and back when it is re-created", async () => {
    const organisation = await createOrganisation('Deploy fork removed');
    expect(await stepCounts(organisation.id)).toEqual(REFERENCE_STEP_COUNTS);
    const deploy = await referenceActivity(organisation.id, 'CHANGE', 'Deploy');
    const fork = (await readHandover(deploy.handovers[0]!.id))!;
    expect(fork).toMatchObject({ callType: 'SERVICE_REQUEST', kind: 'FORK' });

    await api.query(DELETE_HANDOVER, { input: { id: fork.id, version: fork.version } });
    let expanded = await workflows(organisation.id);
    expect(expanded.map((workflow) => workflow.steps.length)).toEqual([17, 9, 16, 13, 6, 24, 16, 13]);
    expect(expanded[1]!.steps.every((step) => step.process.key === 'CHANGE' && step.depth === 0)).toBe(true);
    expect(expanded[0]!.steps.some((step) => step.process.key === 'OPERATE')).toBe(false);

    const recreated = await createHandover({ fromActivityId: deploy.id, callType: 'SERVICE_REQUEST' });
    expect(recreated).toMatchObject({ kind: 'FORK', target: { key: 'OPERATE' } });
    expanded = await workflows(organisation.id);
    expect(expanded.map((workflow) => workflow.steps.length)).toEqual(REFERENCE_STEP_COUNTS);
    expect(expanded[1]!.steps.map((step) => `${step.process.key}@${step.depth}`)).toEqual([
      ...Array(6).fill('CHANGE@0'),
      ...Array(6).fill('OPERATE@1'),
      ...Array(3).fill('CHANGE@0'),
    ]);
  });

  it("expands workflow 3 without the fork once Recover's RFC fork is deleted, while workflow 4 keeps 13 steps", async () => {
    const organisation = await createOrganisation('RFC fork removed');
    const recover = await referenceActivity(organisation.id, 'RECOVER', 'Recover');
    const rfc = (await readHandover(recover.handovers.find((h) => h.callType === 'RFC')!.id))!;

    await api.query(DELETE_HANDOVER, { input: { id: rfc.id, version: rfc.version } });
    const expanded = await workflows(organisation.id);
    expect(expanded[2]!.steps.map((step) => `${step.process.key}@${step.depth}`)).toEqual(
      Array(7).fill('RECOVER@0'),
    );
    expect(expanded[3]!.steps).toHaveLength(13);
    expect(expanded[3]!.steps.filter((step) => step.process.key === 'OPERATE')).toHaveLength(6);
    // Workflows that never pass through Recover are untouched.
    expect(expanded.map((workflow) => workflow.steps.length)).toEqual([23, 15, 7, 13, 6, 30, 22, 13]);
  });
});
