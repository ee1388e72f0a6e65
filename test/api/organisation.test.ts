import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CREATE_ORGANISATION, WHOLE_MODEL, type WholeModel } from '../support/operations';
import { startTestApi, type TestApi } from '../support/test-api';

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi();
});
afterAll(() => api?.close());

const REFERENCE_STEPS = /* GraphQL */ `
  {
    usmReference {
      processes {
        key
        name
        activities {
          position
          name
        }
      }
      workflows {
        number
        steps {
          position
          depth
          process
          activityPosition
          activityName
        }
      }
      profiles {
        name
      }
    }
  }
`;

async function createOrganisation(name: string, template?: string) {
  const data = await api.query(CREATE_ORGANISATION, { name, template });
  return data.createOrganisation as { id: string; name: string; version: number };
}

describe('createOrganisation from the USM reference model', () => {
  it('loads the five processes with their steps, the hand-overs and the four profiles', async () => {
    const created = await createOrganisation('Acme IT');
    expect(created).toMatchObject({ name: 'Acme IT', version: 1 });

    const { organisation } = await api.query<WholeModel>(WHOLE_MODEL, { id: created.id });
    expect(organisation!.processes.map((process) => process.key)).toEqual([
      'AGREE',
      'CHANGE',
      'RECOVER',
      'OPERATE',
      'IMPROVE',
    ]);
    expect(organisation!.processes.map((process) => process.activities.length)).toEqual([8, 9, 7, 6, 7]);
    for (const process of organisation!.processes) {
      expect(process.activities.map((activity) => activity.position)).toEqual(
        process.activities.map((_, index) => index + 1),
      );
    }
    const change = organisation!.processes.find((process) => process.key === 'CHANGE')!;
    expect(change.activities[5]).toMatchObject({ name: 'Deploy' });
    expect(change.activities[5]!.handovers).toEqual([
      expect.objectContaining({ callType: 'SERVICE_REQUEST', kind: 'FORK', target: { key: 'OPERATE' } }),
    ]);
    const operate = organisation!.processes.find((process) => process.key === 'OPERATE')!;
    expect(operate.activities.every((activity) => activity.handovers.every((h) => h.kind === 'SPAWN'))).toBe(
      true,
    );
    expect(organisation!.roles.map((role) => role.name).sort()).toEqual(
      ['Operator', 'Team coordinator', 'Workflow coordinator', 'Workflow manager'].sort(),
    );
  });

  it('expands the eight workflows to exactly the reference paths (23, 15, 22, 13, 6, 30, 22, 13 steps)', async () => {
    const created = await createOrganisation('Workflow check');
    const { organisation } = await api.query<WholeModel>(WHOLE_MODEL, { id: created.id });
    const { usmReference } = await api.query(REFERENCE_STEPS);

    expect(organisation!.workflows.map((workflow) => workflow.steps.length)).toEqual([
      23, 15, 22, 13, 6, 30, 22, 13,
    ]);

    const positionInProcess = new Map<string, number>();
    for (const process of organisation!.processes) {
      for (const activity of process.activities) positionInProcess.set(activity.id, activity.position);
    }
    for (const workflow of organisation!.workflows) {
      const reference = usmReference.workflows.find((w: { number: number }) => w.number === workflow.number);
      expect(
        workflow.steps.map((step) => [
          step.position,
          step.depth,
          step.process.key,
          positionInProcess.get(step.activity.id),
          step.activity.name,
        ]),
      ).toEqual(
        reference.steps.map((step: any) => [
          step.position,
          step.depth,
          step.process,
          step.activityPosition,
          step.activityName,
        ]),
      );
    }
    // Workflow 1 by hand, reference §4: Agree(1–6) → Change(1–6) → Operate(1–6); Change(7–9); Agree(7–8).
    const firstPath = organisation!.workflows[0]!.steps.map(
      (step) => `${step.process.key}${positionInProcess.get(step.activity.id)}@${step.depth}`,
    );
    expect(firstPath).toEqual([
      ...[1, 2, 3, 4, 5, 6].map((n) => `AGREE${n}@0`),
      ...[1, 2, 3, 4, 5, 6].map((n) => `CHANGE${n}@1`),
      ...[1, 2, 3, 4, 5, 6].map((n) => `OPERATE${n}@2`),
      ...[7, 8, 9].map((n) => `CHANGE${n}@1`),
      ...[7, 8].map((n) => `AGREE${n}@0`),
    ]);
  });

  it('gives the EMPTY template five processes without activities and eight workflows with no steps', async () => {
    const created = await createOrganisation('Blank slate', 'EMPTY');
    const { organisation } = await api.query<WholeModel>(WHOLE_MODEL, { id: created.id });
    expect(organisation!.processes).toHaveLength(5);
    expect(organisation!.processes.every((process) => process.activities.length === 0)).toBe(true);
    expect(organisation!.workflows.map((workflow) => workflow.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(organisation!.workflows.every((workflow) => workflow.steps.length === 0)).toBe(true);
    expect(organisation!.roles).toEqual([]);
  });

  it('refuses an empty or over-long name with BAD_USER_INPUT and creates nothing', async () => {
    const before = await api.query('{ organisations(first: 100) { totalCount } }');
    for (const name of ['   ', 'x'.repeat(201)]) {
      const response = await api.request(CREATE_ORGANISATION, { name });
      expect(response.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.name' });
    }
    const after = await api.query('{ organisations(first: 100) { totalCount } }');
    expect(after.organisations.totalCount).toBe(before.organisations.totalCount);
  });

  it('refuses an unknown template as a GraphQL input error', async () => {
    const response = await api.request(CREATE_ORGANISATION, { name: 'X', template: 'ITIL' });
    expect(response.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });
});

describe('the usmReference query', () => {
  it('is readable without an organisation and describes the reference model', async () => {
    const { usmReference } = await api.query(REFERENCE_STEPS);
    expect(usmReference.processes.map((process: any) => process.activities.length)).toEqual([8, 9, 7, 6, 7]);
    expect(usmReference.workflows.map((workflow: any) => workflow.steps.length)).toEqual([
      23, 15, 22, 13, 6, 30, 22, 13,
    ]);
    expect(usmReference.profiles).toHaveLength(4);
  });
});

describe('organisations (Relay connection)', () => {
  it('pages through all organisations with cursors, oldest first', async () => {
    const names = ['Page A', 'Page B', 'Page C'];
    for (const name of names) await createOrganisation(name);
    const seen: string[] = [];
    let after: string | null = null;
    for (;;) {
      const data: any = await api.query(
        `query($after: String) { organisations(first: 2, after: $after) {
           edges { cursor node { name } } pageInfo { hasNextPage endCursor } totalCount } }`,
        { after },
      );
      seen.push(...data.organisations.edges.map((edge: any) => edge.node.name));
      if (!data.organisations.pageInfo.hasNextPage) break;
      after = data.organisations.pageInfo.endCursor;
    }
    expect(seen.filter((name) => names.includes(name))).toEqual(names);
    expect(new Set(seen).size).toBe(seen.length);
  });

  it('refuses a page size above the maximum and a forged cursor', async () => {
    const tooMany = await api.request('{ organisations(first: 101) { totalCount } }');
    expect(tooMany.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'first' });
    const forged = await api.request('{ organisations(after: "bm9wZQ") { totalCount } }');
    expect(forged.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
  });
});

describe('node(id)', () => {
  it('fetches every kind of object by its global id', async () => {
    const created = await createOrganisation('Nodes');
    const { organisation } = await api.query<WholeModel>(WHOLE_MODEL, { id: created.id });
    const process = organisation!.processes[0]!;
    const activity = process.activities[0]!;
    const workflow = organisation!.workflows[0]!;
    const role = organisation!.roles[0]!;
    for (const [id, typename] of [
      [created.id, 'Organisation'],
      [process.id, 'Process'],
      [activity.id, 'Activity'],
      [workflow.id, 'Workflow'],
      [role.id, 'Role'],
    ] as const) {
      const data = await api.query('query($id: ID!) { node(id: $id) { __typename id } }', { id });
      expect(data.node).toEqual({ __typename: typename, id });
    }
  });

  it('answers null for an id that names nothing', async () => {
    const data = await api.query('query($id: ID!) { node(id: $id) { id } }', { id: 'not-an-id' });
    expect(data.node).toBeNull();
    const unknown = Buffer.from('Activity:00000000-0000-4000-8000-000000000000').toString('base64url');
    expect((await api.query('query($id: ID!) { node(id: $id) { id } }', { id: unknown })).node).toBeNull();
  });
});
