import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CREATE_ORGANISATION, WHOLE_MODEL, type WholeModel } from '../support/operations';
import { startTestApi, type GraphQLResponse, type TestApi } from '../support/test-api';

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi();
});
afterAll(() => api?.close());

interface CatalogKind {
  type: 'Role' | 'Tool';
  other: 'Role' | 'Tool';
  list: 'roles' | 'tools';
  create: string;
  update: string;
  remove: string;
}

/** Roles (WHO) and tools (HOW) share one behaviour; every test runs for both. */
const KINDS: CatalogKind[] = [
  {
    type: 'Role',
    other: 'Tool',
    list: 'roles',
    create: 'createRole',
    update: 'updateRole',
    remove: 'deleteRole',
  },
  {
    type: 'Tool',
    other: 'Role',
    list: 'tools',
    create: 'createTool',
    update: 'updateTool',
    remove: 'deleteTool',
  },
];

const ENTRY_FIELDS = 'id name description version';

interface Entry {
  id: string;
  name: string;
  description: string;
  version: number;
}

function globalId(type: string, storedId: string): string {
  return Buffer.from(`${type}:${storedId}`, 'utf8').toString('base64url');
}

async function createOrganisation(name: string, template: 'USM_REFERENCE' | 'EMPTY' = 'EMPTY') {
  const data = await api.query(CREATE_ORGANISATION, { name, template });
  return data.createOrganisation as { id: string; name: string; version: number };
}

/** Exactly one error with this code and these extensions, and no SQL or stack trace sent to the client. */
function expectError(response: GraphQLResponse, code: string, extensions: Record<string, unknown> = {}) {
  expect(response.errors, `expected a ${code} error`).toHaveLength(1);
  const error = response.errors![0]!;
  expect(error.extensions).toMatchObject({ code, ...extensions });
  const text = JSON.stringify(response.errors).toLowerCase();
  for (const leak of ['select ', 'insert ', 'stacktrace']) expect(text).not.toContain(leak);
  return error;
}

function catalogOperations(kind: CatalogKind) {
  const create = `mutation($input: Create${kind.type}Input!) { ${kind.create}(input: $input) { ${ENTRY_FIELDS} } }`;
  const update = `mutation($input: Update${kind.type}Input!) { ${kind.update}(input: $input) { ${ENTRY_FIELDS} } }`;
  const remove = `mutation($input: DeleteInput!) { ${kind.remove}(input: $input) }`;
  const list = `query($id: ID!) { organisation(id: $id) { ${kind.list} { ${ENTRY_FIELDS} } } }`;
  return {
    requestCreate: (input: Record<string, unknown>) => api.request(create, { input }),
    requestUpdate: (input: Record<string, unknown>) => api.request(update, { input }),
    requestDelete: (input: Record<string, unknown>) => api.request(remove, { input }),
    async create(organisationId: string, name: string, description?: string): Promise<Entry> {
      return (await api.query(create, { input: { organisationId, name, description } }))[kind.create];
    },
    async update(input: Record<string, unknown>): Promise<Entry> {
      return (await api.query(update, { input }))[kind.update];
    },
    async remove(input: { id: string; version: number }): Promise<boolean> {
      return (await api.query(remove, { input }))[kind.remove];
    },
    async list(organisationId: string): Promise<Entry[]> {
      return (await api.query(list, { id: organisationId })).organisation[kind.list];
    },
  };
}

describe.each(KINDS)('$type catalogue', (kind) => {
  const ops = catalogOperations(kind);

  it(`creates a ${kind.type.toLowerCase()} with a trimmed name and a description, listed by name`, async () => {
    const organisation = await createOrganisation(`${kind.type}s listed`);
    expect(await ops.list(organisation.id)).toEqual([]);

    const desk = await ops.create(organisation.id, '  Service desk agent ', '  Takes calls in. ');
    expect(desk).toMatchObject({ name: 'Service desk agent', description: 'Takes calls in.', version: 1 });
    const change = await ops.create(organisation.id, 'Change manager', 'Plans changes.');
    const auditor = await ops.create(organisation.id, 'Auditor');
    expect(auditor.description).toBe('');

    expect(await ops.list(organisation.id)).toEqual([auditor, change, desk]);
    const node = await api.query('query($id: ID!) { node(id: $id) { __typename id } }', { id: desk.id });
    expect(node.node).toEqual({ __typename: kind.type, id: desk.id });
  });

  it('lists entries by name on a reference organisation too', async () => {
    const organisation = await createOrganisation(`Reference ${kind.list}`, 'USM_REFERENCE');
    await ops.create(organisation.id, 'Zeta');
    await ops.create(organisation.id, 'Alpha');
    await ops.create(organisation.id, 'Mid point');
    const names = (await ops.list(organisation.id)).map((entry) => entry.name);
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b)));
    expect(names).toEqual(expect.arrayContaining(['Alpha', 'Mid point', 'Zeta']));
  });

  it('accepts a name of 200 characters and refuses an empty, blank or longer name on input.name, creating nothing', async () => {
    const organisation = await createOrganisation(`${kind.type} name limits`);
    const longest = await ops.create(organisation.id, ` ${'x'.repeat(200)} `);
    expect(longest.name).toBe('x'.repeat(200));

    for (const name of ['', '   ', 'y'.repeat(201)]) {
      const response = await ops.requestCreate({ organisationId: organisation.id, name });
      const error = expectError(response, 'BAD_USER_INPUT', { field: 'input.name' });
      expect(error.message.length).toBeLessThan(300);
    }
    expect(await ops.list(organisation.id)).toEqual([longest]);
  });

  it("refuses a duplicate name ignoring case and surrounding spaces ('operator' vs 'Operator'), creating nothing", async () => {
    const organisation = await createOrganisation(`${kind.type} duplicates`);
    const operator = await ops.create(organisation.id, 'Operator');

    for (const name of ['operator', '  OPERATOR ', 'Operator']) {
      const response = await ops.requestCreate({ organisationId: organisation.id, name });
      const error = expectError(response, 'BAD_USER_INPUT', { field: 'input.name' });
      expect(error.message).toContain('Operator');
    }
    expect(await ops.list(organisation.id)).toEqual([operator]);

    // Unique per organisation only: another organisation may use the same name.
    const other = await createOrganisation(`${kind.type} duplicates elsewhere`);
    expect(await ops.create(other.id, 'operator')).toMatchObject({ name: 'operator' });
  });

  it('refuses a rename onto another entry’s name ignoring case and changes nothing', async () => {
    const organisation = await createOrganisation(`${kind.type} rename clash`);
    const operator = await ops.create(organisation.id, 'Operator');
    const coordinator = await ops.create(organisation.id, 'Coordinator');

    const response = await ops.requestUpdate({
      id: coordinator.id,
      version: coordinator.version,
      name: 'OPERATOR',
    });
    expectError(response, 'BAD_USER_INPUT', { field: 'input.name' });
    expect(await ops.list(organisation.id)).toEqual([coordinator, operator]);

    const blank = await ops.requestUpdate({ id: coordinator.id, version: coordinator.version, name: '  ' });
    expectError(blank, 'BAD_USER_INPUT', { field: 'input.name' });
    expect(await ops.list(organisation.id)).toEqual([coordinator, operator]);
  });

  it('updates with the current version and bumps it; a stale version answers CONFLICT and changes nothing', async () => {
    const organisation = await createOrganisation(`${kind.type} updates`);
    const created = await ops.create(organisation.id, 'Analyst', 'Looks at things.');

    const renamed = await ops.update({ id: created.id, version: created.version, name: '  Senior analyst ' });
    expect(renamed).toMatchObject({
      id: created.id,
      name: 'Senior analyst',
      description: 'Looks at things.',
      version: created.version + 1,
    });
    const described = await ops.update({
      id: created.id,
      version: renamed.version,
      description: 'Finds causes.',
    });
    expect(described).toMatchObject({ name: 'Senior analyst', description: 'Finds causes.' });
    expect(described.version).toBe(renamed.version + 1);

    const stale = await ops.requestUpdate({ id: created.id, version: created.version, name: 'Lost edit' });
    const error = expectError(stale, 'CONFLICT', { currentVersion: described.version });
    expect(error.message).toMatch(/reload/i);
    expect(await ops.list(organisation.id)).toEqual([described]);
  });

  it('deletes only with the current version: stale answers CONFLICT and keeps it, then NOT_FOUND once gone', async () => {
    const organisation = await createOrganisation(`${kind.type} deletes`);
    const keeper = await ops.create(organisation.id, 'Keeper');
    const created = await ops.create(organisation.id, 'Temporary');
    const updated = await ops.update({ id: created.id, version: created.version, description: 'Soon gone.' });

    const stale = await ops.requestDelete({ id: created.id, version: created.version });
    expectError(stale, 'CONFLICT', { currentVersion: updated.version });
    expect(await ops.list(organisation.id)).toEqual([keeper, updated]);

    expect(await ops.remove({ id: updated.id, version: updated.version })).toBe(true);
    expect(await ops.list(organisation.id)).toEqual([keeper]);
    const node = await api.query('query($id: ID!) { node(id: $id) { id } }', { id: updated.id });
    expect(node.node).toBeNull();

    const again = await ops.requestDelete({ id: updated.id, version: updated.version });
    expectError(again, 'NOT_FOUND');
    const updateGone = await ops.requestUpdate({ id: updated.id, version: updated.version, name: 'Back' });
    expectError(updateGone, 'NOT_FOUND');
    expect(await ops.list(organisation.id)).toEqual([keeper]);
  });

  it('answers NOT_FOUND for an unknown organisation and BAD_USER_INPUT for an id of another type', async () => {
    const organisation = await createOrganisation(`${kind.type} bad ids`, 'USM_REFERENCE');
    const before = await ops.list(organisation.id);
    const { organisation: model } = await api.query<WholeModel>(WHOLE_MODEL, { id: organisation.id });

    const unknown = await ops.requestCreate({
      organisationId: globalId('Organisation', randomUUID()),
      name: 'X',
    });
    expectError(unknown, 'NOT_FOUND');

    const processId = await ops.requestCreate({ organisationId: model!.processes[0]!.id, name: 'X' });
    const error = expectError(processId, 'BAD_USER_INPUT', { field: 'input.organisationId' });
    expect(error.message).toContain('Process');

    const malformed = await ops.requestCreate({ organisationId: 'nope', name: 'X' });
    expectError(malformed, 'BAD_USER_INPUT', { field: 'input.organisationId' });

    // An entry of the other catalogue, given where this one is expected.
    const otherCreate = `mutation($input: Create${kind.other}Input!) { create${kind.other}(input: $input) { id } }`;
    const other = (
      await api.query(otherCreate, { input: { organisationId: organisation.id, name: 'Other' } })
    )[`create${kind.other}`];
    const wrongType = await ops.requestUpdate({ id: other.id, version: 1, name: 'X' });
    expectError(wrongType, 'BAD_USER_INPUT', { field: 'input.id' });
    const wrongDelete = await ops.requestDelete({ id: other.id, version: 1 });
    expectError(wrongDelete, 'BAD_USER_INPUT', { field: 'input.id' });

    const unknownEntry = await ops.requestUpdate({
      id: globalId(kind.type, randomUUID()),
      version: 1,
      name: 'X',
    });
    expectError(unknownEntry, 'NOT_FOUND');

    expect(await ops.list(organisation.id)).toEqual(before);
  });
});
