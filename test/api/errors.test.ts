import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOrganisation, processOf, readModel } from '../support/model-helpers';
import { startTestApi, type TestApi } from '../support/test-api';

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi();
});
afterAll(() => api?.close());

function expectNoInternals(body: unknown) {
  const text = JSON.stringify(body).toLowerCase();
  for (const leak of ['select ', 'insert ', 'update "', 'stacktrace', 'node_modules', '.ts:']) {
    expect(text).not.toContain(leak);
  }
}

describe('errors at the GraphQL edge', () => {
  it('answers ids of the wrong kind with BAD_USER_INPUT naming the field', async () => {
    const organisation = await createOrganisation(api, 'Ids');
    const response = await api.request(
      `mutation($input: UpdateActivityInput!) { updateActivity(input: $input) { id } }`,
      { input: { id: organisation.id, version: 1, name: 'X' } },
    );
    expect(response.errors?.[0]?.extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'input.id' });
    expect(response.errors?.[0]?.message).toMatch(/Organisation.*Activity/);
    expectNoInternals(response);
  });

  it('answers a malformed id with BAD_USER_INPUT, never a database error', async () => {
    for (const id of ['', 'x', Buffer.from('Activity:not-a-uuid').toString('base64url')]) {
      const response = await api.request(`mutation($input: DeleteInput!) { deleteActivity(input: $input) }`, {
        input: { id, version: 1 },
      });
      expect(response.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      expectNoInternals(response);
    }
  });

  it('answers a missing required argument and a wrong type as GraphQL input errors', async () => {
    const missing = await api.request(`mutation { createRole(input: { name: "X" }) { id } }`);
    expect(missing.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    const wrongType = await api.request(
      `mutation($input: UpdateActivityInput!) { updateActivity(input: $input) { id } }`,
      { input: { id: 'x', version: 'one' } },
    );
    expect(wrongType.errors?.[0]?.extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'input.version' });
    const missingField = await api.request(
      `mutation($input: CreateRoleInput!) { createRole(input: $input) { id } }`,
      {
        input: { name: 'X' },
      },
    );
    expect(missingField.errors?.[0]?.extensions).toEqual({
      code: 'BAD_USER_INPUT',
      field: 'input.organisationId',
    });
    expectNoInternals([missing, wrongType, missingField]);
  });

  it('answers a syntax error with GRAPHQL_PARSE_FAILED', async () => {
    const response = await api.request('{ organisations(');
    expect(response.errors?.[0]?.extensions?.code).toBe('GRAPHQL_PARSE_FAILED');
    expectNoInternals(response);
  });

  it('leaves the model unchanged after a failed mutation', async () => {
    const organisation = await createOrganisation(api, 'Unchanged');
    const before = await readModel(api, organisation.id);
    const agree = processOf(before, 'AGREE');
    const response = await api.request(
      `mutation($input: CreateActivityInput!) { createActivity(input: $input) { id } }`,
      { input: { processId: agree.id, name: 'Too far', position: 42 } },
    );
    expect(response.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(await readModel(api, organisation.id)).toEqual(before);
  });
});

describe('the HTTP edge', () => {
  it('refuses a request body over the limit before parsing it', async () => {
    const response = await fetch(`${api.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ __typename }', variables: { padding: 'x'.repeat(2 * 1024 * 1024) } }),
    });
    expect(response.status).toBe(413);
    const body: any = await response.json();
    expect(body.errors[0].extensions.code).toBe('PAYLOAD_TOO_LARGE');
    expectNoInternals(body);
  });

  it('answers malformed JSON with BAD_REQUEST and no stack trace', async () => {
    const response = await fetch(`${api.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"query": ',
    });
    expect(response.status).toBe(400);
    const body: any = await response.json();
    expect(body.errors[0].extensions.code).toBe('BAD_REQUEST');
    expectNoInternals(body);
  });

  it('serves the offline explorer with its assets from this server', async () => {
    const page = await fetch(`${api.url}/explorer/`);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('GraphiQL');
    expect(html).not.toMatch(/https?:\/\//);
    for (const asset of html.matchAll(/(?:src|href)="(assets\/[^"]+)"/g)) {
      const response = await fetch(`${api.url}/explorer/${asset[1]}`);
      expect(response.status, asset[1]).toBe(200);
    }
  });
});

describe('text that cannot be stored', () => {
  it('refuses NUL characters and lone surrogates anywhere in the request with BAD_USER_INPUT', async () => {
    const organisation = await createOrganisation(api, 'Text');
    for (const name of ['a\u0000b', 'x\uD800y', 'x\uDC00y']) {
      const response = await api.request(
        `mutation($o: ID!, $n: String!) { createRole(input: { organisationId: $o, name: $n }) { id } }`,
        { o: organisation.id, n: name },
      );
      expect(response.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'n' });
    }
    const login = await api.requestAs(
      null,
      `mutation($e: String!) { login(email: $e, password: "x") { token } }`,
      {
        e: '\u0000',
      },
    );
    expect(login.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect((await readModel(api, organisation.id)).roles.map((role) => role.name)).not.toContain('a');
  });
});
