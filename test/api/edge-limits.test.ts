import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../support/test-api';

let api: TestApi;
let closedApi: TestApi;
beforeAll(async () => {
  api = await startTestApi();
  closedApi = await startTestApi({ introspection: false });
});
afterAll(async () => {
  await api?.close();
  await closedApi?.close();
});

function nested(depth: number): string {
  // organisation → processes → organisation → processes … : valid fields, any depth.
  let selection = 'id';
  for (let level = depth - 1; level >= 0; level -= 1) {
    selection = level % 2 === 0 ? `processes { ${selection} }` : `organisation { ${selection} }`;
  }
  return `query($id: ID!) { organisation(id: $id) { ${selection} } }`;
}

describe('query limits', () => {
  it('refuses a query 50 levels deep with QUERY_TOO_DEEP, and accepts the studio-sized depth', async () => {
    const organisation = (await api.query(`mutation { createOrganisation(input: { name: "Deep" }) { id } }`))
      .createOrganisation;
    const deep = await api.request(nested(50), { id: organisation.id });
    expect(deep.errors?.[0]?.extensions?.code).toBe('QUERY_TOO_DEEP');
    expect(deep.data ?? null).toBeNull();
    const fine = await api.request(nested(8), { id: organisation.id });
    expect(fine.errors).toBeUndefined();
  });

  it('refuses 1,000 aliases with TOO_MANY_ALIASES', async () => {
    const aliases = Array.from({ length: 1000 }, (_, index) => `a${index}: me { id }`).join(' ');
    const response = await api.request(`{ ${aliases} }`);
    expect(response.errors?.some((error) => error.extensions?.code === 'TOO_MANY_ALIASES')).toBe(true);
    expect(response.data ?? null).toBeNull();
  });

  it('refuses a query selecting too many fields with QUERY_TOO_COMPLEX, fragments counted', async () => {
    const fields = Array.from({ length: 40 }, () => 'name').join(' ');
    const fragments = Array.from({ length: 30 }, (_, index) => `...F${index}`).join(' ');
    const definitions = Array.from(
      { length: 30 },
      (_, index) => `fragment F${index} on UsmReference { processes { ${fields} } }`,
    ).join('\n');
    const response = await api.request(`{ usmReference { ${fragments} } }\n${definitions}`);
    expect(response.errors?.[0]?.extensions?.code).toBe('QUERY_TOO_COMPLEX');
  });
});

describe('the HTTP edge', () => {
  it('refuses a text/plain POST (a cross-site form could send one) with 415', async () => {
    const response = await fetch(`${api.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body: JSON.stringify({ query: '{ usmReference { processes { key } } }' }),
    });
    expect(response.status).toBe(415);
    expect(((await response.json()) as any).errors[0].extensions.code).toBe('UNSUPPORTED_MEDIA_TYPE');
  });

  it('refuses batched requests', async () => {
    const response = await fetch(`${api.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify([{ query: '{ me { id } }' }, { query: '{ me { id } }' }]),
    });
    expect(response.status).toBe(400);
    const body = await response.json();
    expect(JSON.stringify(body)).not.toContain('"me"');
  });

  it('refuses a GET query without a preflight header (CSRF prevention)', async () => {
    const response = await fetch(
      `${api.url}/graphql?query=${encodeURIComponent('{ usmReference { profiles { name } } }')}`,
    );
    expect(response.status).toBe(400);
    expect(await response.text()).toMatch(/CSRF|preflight/i);
  });

  it('echoes a plain request id and makes one up otherwise', async () => {
    const echoed = await fetch(`${api.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-request-id': 'client-42' },
      body: JSON.stringify({ query: '{ me { id } }' }),
    });
    expect(echoed.headers.get('x-request-id')).toBe('client-42');
    const invented = await fetch(`${api.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-request-id': 'no spaces <allowed>' },
      body: JSON.stringify({ query: '{ me { id } }' }),
    });
    expect(invented.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('turns introspection off when configured (production default)', async () => {
    const response = await closedApi.request(`{ __schema { queryType { name } } }`);
    expect(response.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    const open = await api.request(`{ __schema { queryType { name } } }`);
    expect(open.data.__schema.queryType.name).toBe('Query');
  });
});
