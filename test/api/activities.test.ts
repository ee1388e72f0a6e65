import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACTIVITY_FIELDS, createOrganisation, processOf, readModel } from '../support/model-helpers';
import { startTestApi, type TestApi } from '../support/test-api';

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi();
});
afterAll(() => api?.close());

const CREATE = `mutation($input: CreateActivityInput!) { createActivity(input: $input) { ${ACTIVITY_FIELDS} } }`;
const UPDATE = `mutation($input: UpdateActivityInput!) { updateActivity(input: $input) { ${ACTIVITY_FIELDS} } }`;
const DELETE = `mutation($input: DeleteInput!) { deleteActivity(input: $input) }`;

async function referenceProcess(key: string) {
  const organisation = await createOrganisation(api, `Org for ${key}`);
  const model = await readModel(api, organisation.id);
  return { organisation, model, process: processOf(model, key) };
}

async function activitiesOf(organisationId: string, key: string) {
  return processOf(await readModel(api, organisationId), key);
}

describe('createActivity', () => {
  it('appends by default and inserts at a position, shifting the others', async () => {
    const { organisation, process } = await referenceProcess('OPERATE');
    const appended = await api.query(CREATE, {
      input: { processId: process.id, name: 'Report on the work' },
    });
    expect(appended.createActivity).toMatchObject({ name: 'Report on the work', position: 7, version: 1 });

    const inserted = await api.query(CREATE, {
      input: {
        processId: process.id,
        name: '  Check prerequisites ',
        description: 'Are we ready?',
        position: 2,
      },
    });
    expect(inserted.createActivity).toMatchObject({ name: 'Check prerequisites', position: 2 });

    const after = await activitiesOf(organisation.id, 'OPERATE');
    expect(after.activities.map((activity) => activity.name)).toEqual([
      'Accept service request',
      'Check prerequisites',
      'Classify',
      'Plan the activities',
      'Execute the activities',
      'Review delivery & feedback',
      'Evaluate & close',
      'Report on the work',
    ]);
    expect(after.version).toBe(process.version + 2);
  });

  it('refuses a position out of range or an empty name with BAD_USER_INPUT and changes nothing', async () => {
    const { organisation, process } = await referenceProcess('RECOVER');
    for (const [input, field] of [
      [{ processId: process.id, name: 'X', position: 9 }, 'input.position'],
      [{ processId: process.id, name: 'X', position: 0 }, 'input.position'],
      [{ processId: process.id, name: '' }, 'input.name'],
      [{ processId: 'garbage', name: 'X' }, 'input.processId'],
    ] as const) {
      const response = await api.request(CREATE, { input });
      expect(response.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    }
    expect(
      response9Message(
        await api.request(CREATE, { input: { processId: process.id, name: 'X', position: 9 } }),
      ),
    ).toMatch(/1 to 8/);
    const after = await activitiesOf(organisation.id, 'RECOVER');
    expect(after.activities).toHaveLength(7);
    expect(after.version).toBe(process.version);
  });
});

function response9Message(response: { errors?: { message: string }[] }) {
  return response.errors?.[0]?.message ?? '';
}

describe('updateActivity', () => {
  it('renames and describes, bumping the version', async () => {
    const { process } = await referenceProcess('AGREE');
    const target = process.activities[2]!;
    const { updateActivity } = await api.query(UPDATE, {
      input: {
        id: target.id,
        version: target.version,
        name: 'Specify the service with the customer',
        description: 'Together.',
      },
    });
    expect(updateActivity).toMatchObject({
      name: 'Specify the service with the customer',
      description: 'Together.',
      position: 3,
      version: target.version + 1,
    });
  });

  it('moves an activity, shifting the others, and bumps the moved activity and its process', async () => {
    const { organisation, process } = await referenceProcess('IMPROVE');
    const moved = process.activities[4]!; // Deploy measure, position 5
    const { updateActivity } = await api.query(UPDATE, {
      input: { id: moved.id, version: moved.version, position: 2 },
    });
    expect(updateActivity).toMatchObject({ position: 2, version: moved.version + 1 });

    const after = await activitiesOf(organisation.id, 'IMPROVE');
    expect(after.activities.map((activity) => activity.name)).toEqual([
      'Identify risks',
      'Deploy measure',
      'Classify',
      'Determine cause',
      'Select measure',
      'Review delivery & feedback',
      'Evaluate & close',
    ]);
    expect(after.activities.map((activity) => activity.position)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(after.version).toBe(process.version + 1);
    // Untouched activities keep their version.
    expect(after.activities[0]!.version).toBe(process.activities[0]!.version);
    expect(after.activities[6]!.version).toBe(process.activities[6]!.version);
  });

  it('answers CONFLICT with the current version when the version is stale, and changes nothing', async () => {
    const { organisation, process } = await referenceProcess('CHANGE');
    const target = process.activities[0]!;
    await api.query(UPDATE, { input: { id: target.id, version: target.version, name: 'Accept the RFC' } });
    const stale = await api.request(UPDATE, {
      input: { id: target.id, version: target.version, name: 'Lost edit' },
    });
    expect(stale.errors?.[0]?.extensions).toEqual({ code: 'CONFLICT', currentVersion: target.version + 1 });
    expect(stale.data).toBeNull();
    const after = await activitiesOf(organisation.id, 'CHANGE');
    expect(after.activities[0]!.name).toBe('Accept the RFC');
  });

  it('refuses a move out of range and rolls back every part of the edit', async () => {
    const { organisation, process } = await referenceProcess('OPERATE');
    const target = process.activities[1]!;
    const response = await api.request(UPDATE, {
      input: { id: target.id, version: target.version, name: 'Renamed', position: 7 },
    });
    expect(response.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.position',
    });
    const after = await activitiesOf(organisation.id, 'OPERATE');
    expect(after.activities[1]).toMatchObject({ name: target.name, version: target.version, position: 2 });
    expect(after.version).toBe(process.version);
  });

  it('answers NOT_FOUND for an unknown activity', async () => {
    const unknown = Buffer.from('Activity:00000000-0000-4000-8000-000000000000').toString('base64url');
    const response = await api.request(UPDATE, { input: { id: unknown, version: 1, name: 'X' } });
    expect(response.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect(response.errors?.[0]?.message).toContain(unknown);
  });
});

describe('deleteActivity', () => {
  it('closes the gap, removes its hand-overs, and keeps a tombstone resolvable by id', async () => {
    const { organisation, process } = await referenceProcess('CHANGE');
    const deploy = process.activities[5]!;
    expect(deploy.handovers).toHaveLength(1);
    const { deleteActivity } = await api.query(DELETE, { input: { id: deploy.id, version: deploy.version } });
    expect(deleteActivity).toBe(true);

    const model = await readModel(api, organisation.id);
    const change = processOf(model, 'CHANGE');
    expect(change.activities.map((activity) => activity.position)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(change.activities.map((activity) => activity.name)).not.toContain('Deploy');
    expect(change.version).toBe(process.version + 1);
    // Workflow 2 no longer forks to Operate: Change's 8 remaining steps only.
    expect(model.workflows.find((workflow) => workflow.number === 2)!.steps).toHaveLength(8);

    const tombstone = await api.query(
      `query($id: ID!) { node(id: $id) { ... on Activity { name deleted handovers { id } } } }`,
      {
        id: deploy.id,
      },
    );
    expect(tombstone.node).toEqual({ name: 'Deploy', deleted: true, handovers: [] });

    const again = await api.request(DELETE, { input: { id: deploy.id, version: deploy.version } });
    expect(again.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });

  it('answers CONFLICT for a stale version and deletes nothing', async () => {
    const { organisation, process } = await referenceProcess('AGREE');
    const target = process.activities[0]!;
    const response = await api.request(DELETE, { input: { id: target.id, version: target.version + 5 } });
    expect(response.errors?.[0]?.extensions).toEqual({ code: 'CONFLICT', currentVersion: target.version });
    expect((await activitiesOf(organisation.id, 'AGREE')).activities).toHaveLength(8);
  });
});

describe('editing a process changes every workflow through it', () => {
  it('a new Operate activity appears in all eight workflows at the right depth', async () => {
    const { organisation, process } = await referenceProcess('OPERATE');
    await api.query(CREATE, { input: { processId: process.id, name: 'Verify the result', position: 5 } });
    const model = await readModel(api, organisation.id);
    expect(model.workflows.map((workflow) => workflow.steps.length)).toEqual([24, 16, 23, 14, 7, 31, 23, 14]);
    const workflow6 = model.workflows.find((workflow) => workflow.number === 6)!;
    const verify = workflow6.steps.find((step) => step.activity.name === 'Verify the result')!;
    expect(verify).toMatchObject({ depth: 3, process: { key: 'OPERATE' } });
  });
});
