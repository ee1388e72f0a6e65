import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  handoverFixtures,
  CREATE_ROLE,
  DELETE_HANDOVER,
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
  referenceActivity,
  organisationWithOneActivityPerProcess,
  allHandovers,
  handoversOfActivity,
  readHandover,
  createHandover,
  workflows,
  stepCounts,
  expectError,
} = handoverFixtures(() => api);

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
