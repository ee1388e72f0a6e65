import { createUsmServer, type UsmServer } from '@usm/api/src/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../support/test-api';

/**
 * Operations run compiled (graphql-jit, api/src/graphql/compiled-execution.ts) by default. Clients must
 * not be able to tell: every answer here — data, errors with their codes, paths and locations, HTTP
 * status — is compared with the answer of a second server on the same database executing with graphql-js.
 */
let api: TestApi;
let interpreted: UsmServer;
let interpretedUrl: string;
let demoId: string;

beforeAll(async () => {
  api = await startTestApi();
  interpreted = await createUsmServer({ database: api.database, explorer: false, compiledExecution: false });
  interpretedUrl = `http://127.0.0.1:${await interpreted.listen(0, '127.0.0.1')}/graphql`;
  const { createOrganisation } = await api.query(
    `mutation { createOrganisation(input: { name: "Compiled Co", template: USM_DEMO }) { id } }`,
  );
  demoId = createOrganisation.id;
});
afterAll(async () => {
  await interpreted?.stop();
  await api?.close();
});

async function answer(url: string, query: string, variables?: Record<string, unknown>) {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${api.admin.token}` },
    body: JSON.stringify({ query, variables }),
  });
  // Request ids differ by construction.
  const text = (await response.text()).replace(
    /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g,
    'ID',
  );
  return { status: response.status, body: JSON.parse(text) as { data?: unknown; errors?: unknown[] } };
}

async function expectSameAnswer(query: string, variables?: Record<string, unknown>) {
  const compiled = await answer(`${api.url}/graphql`, query, variables);
  const reference = await answer(interpretedUrl, query, variables);
  expect(compiled).toEqual(reference);
  return compiled;
}

const WHOLE_MODEL = `query($id: ID!) {
  organisation(id: $id) {
    id name version demo myRole
    processes {
      id key name purpose
      activities { id name description position version deleted handovers { id callType kind target { key name } } }
    }
    workflows { id number name trigger steps { position depth process { key } activity { id name } } }
    roles { id name description version }
    tools { id name description version }
    procedures {
      id name version sourceKind outOfDate
      steps {
        id position depth obsolete derivedName
        activity { id name }
        process { key }
        responsibilities { role { id name } raci }
        workInstructions { id text version obsolete role { name } tools { id name } }
      }
      workInstructions { id obsolete step { position } }
      completeness { liveSteps whoGaps howGaps percentComplete }
    }
  }
}`;

describe('compiled execution answers as graphql-js does', () => {
  it('a whole demo model, steps, responsibilities, instructions and tools included', async () => {
    const { body } = await expectSameAnswer(WHOLE_MODEL, { id: demoId });
    expect(body.errors).toBeUndefined();
    const organisation = (body.data as { organisation: { procedures: { steps: unknown[] }[] } }).organisation;
    expect(organisation.procedures.length).toBeGreaterThan(3);
  });

  it('fragments, aliases, interfaces, @skip and @include', async () => {
    const { body } = await expectSameAnswer(
      `query($id: ID!, $withRoles: Boolean!, $withoutTools: Boolean!) {
        first: node(id: $id) { __typename id ...Organisation }
        again: organisation(id: $id) { label: name roles @include(if: $withRoles) { id } tools @skip(if: $withoutTools) { id } }
      }
      fragment Organisation on Organisation { name processes { key activities { ... on Activity { name } } } }`,
      { id: demoId, withRoles: true, withoutTools: true },
    );
    expect(body.errors).toBeUndefined();
  });

  it('NOT_FOUND for an unknown id, with its path and location', async () => {
    const unknown = Buffer.from('Organisation:00000000-0000-4000-8000-000000000000').toString('base64url');
    const { body } = await expectSameAnswer(
      `mutation($input: CreateRoleInput!) { createRole(input: $input) { id } }`,
      { input: { organisationId: unknown, name: 'Nobody' } },
    );
    expect(body.errors).toMatchObject([{ extensions: { code: 'NOT_FOUND' }, path: ['createRole'] }]);
  });

  it('BAD_USER_INPUT naming the field for invalid variables, and validation errors', async () => {
    const invalid = await expectSameAnswer(
      `mutation($input: CreateRoleInput!) { createRole(input: $input) { id } }`,
      { input: { organisationId: demoId, name: 42, extra: true } },
    );
    expect(invalid.body.errors?.[0]).toMatchObject({
      extensions: { code: 'BAD_USER_INPUT', field: 'input.name' },
    });
    const unknownField = await expectSameAnswer(`{ organisations { nope } }`);
    expect(unknownField.body.errors).toMatchObject([{ extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } }]);
  });

  it('a refused mutation (domain error) with its code, changing nothing', async () => {
    const refused = await expectSameAnswer(
      `mutation($input: CreateRoleInput!) { createRole(input: $input) { id } }`,
      { input: { organisationId: demoId, name: '   ' } },
    );
    expect(refused.body.errors).toMatchObject([
      { extensions: { code: 'BAD_USER_INPUT' }, path: ['createRole'] },
    ]);
  });
});
