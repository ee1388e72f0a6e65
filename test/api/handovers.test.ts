import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  handoverFixtures,
  CALL_TYPES,
  CREATE_HANDOVER,
  DELETE_HANDOVER,
  ENTERS,
  FORK_TARGETS,
  HandoverView,
  PROCESSES,
  PROCESS_NAME,
  REFERENCE_STEP_COUNTS,
  UPDATE_HANDOVER,
} from '../support/handover-fixtures';
import { startTestApi, type TestApi } from '../support/test-api';

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi();
});
afterAll(() => api?.close());

const {
  globalId,
  createOrganisation,
  readModel,
  referenceActivity,
  organisationWithOneActivityPerProcess,
  handoversByProcess,
  allHandovers,
  handoversOfActivity,
  readHandover,
  createHandover,
  workflows,
  stepCounts,
  expectError,
} = handoverFixtures(() => api);

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
