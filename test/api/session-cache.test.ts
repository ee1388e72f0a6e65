import { openDatabase, type Database } from '@usm/api/src/persistence/database';
import { createUsmServer, type UsmServer } from '@usm/api/src/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOrganisation } from '../support/model-helpers';
import { startTestApi, type TestApi, type TestUser } from '../support/test-api';

/**
 * The principal cache (api/src/services/auth/principal-cache.ts): who a secret stands for is reused for a
 * few seconds, yet nothing done through this process is seen late by its next request. Another process
 * on the same database sees revocations after at most the cache's lifetime (docs/security.md).
 */
let api: TestApi;
beforeAll(async () => {
  api = await startTestApi();
});
afterAll(() => api?.close());

const ORGANISATION = `query($id: ID!) { organisation(id: $id) { name myRole } }`;
const ME = `{ me { email administrator } }`;

async function member(email: string, organisationId: string, role: string) {
  const user = await api.createUser(email);
  const membership = (
    await api.query(
      `mutation($o: ID!, $u: ID!, $r: MemberRole!) { addMember(input: { organisationId: $o, userId: $u, role: $r }) { id version } }`,
      { o: organisationId, u: user.id, r: role },
    )
  ).addMember as { id: string; version: number };
  return { user, membership };
}

describe('the principal cache, within one API process', () => {
  it('answers a repeated signed-in query without reading the session again', async () => {
    const organisation = await createOrganisation(api, 'Cached Co');
    const first = await api.request(ORGANISATION, { id: organisation.id });
    const second = await api.request(ORGANISATION, { id: organisation.id });
    expect(second.data).toEqual(first.data);
    expect(second.statements).toBeLessThan(first.statements);
  });

  it('stops a revoked API token and an ended session at once', async () => {
    const user = await api.createUser('cache-tokens@example.org');
    const { token } = (
      await api.queryAs(
        user,
        `mutation { createApiToken(input: { name: "Cached" }) { token apiToken { id } } }`,
      )
    ).createApiToken;
    const viaToken: TestUser = { ...user, token };
    // Used twice, so the second answer came from the cache.
    await api.queryAs(viaToken, ME);
    expect((await api.queryAs(viaToken, ME)).me.email).toBe('cache-tokens@example.org');
    const [listed] = (await api.queryAs(user, `{ apiTokens { id } }`)).apiTokens;
    await api.queryAs(user, `mutation($id: ID!) { revokeApiToken(input: { id: $id }) }`, { id: listed.id });
    expect((await api.queryAs(viaToken, ME)).me).toBeNull();

    await api.queryAs(user, ME);
    expect((await api.queryAs(user, `mutation { logout }`)).logout).toBe(true);
    expect((await api.queryAs(user, ME)).me).toBeNull();
    const refused = await api.requestAs(user, `{ organisations { totalCount } }`);
    expect(refused.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('sees a new organisation, a changed role and a removed membership on the next request', async () => {
    const organisation = await createOrganisation(api, 'Membership Changes');
    const { user, membership } = await member('cache-member@example.org', organisation.id, 'VIEWER');
    await api.queryAs(user, ORGANISATION, { id: organisation.id });
    expect((await api.queryAs(user, ORGANISATION, { id: organisation.id })).organisation.myRole).toBe(
      'VIEWER',
    );

    const updated = (
      await api.query(
        `mutation($id: ID!, $v: Int!) { updateMember(input: { id: $id, version: $v, role: ARCHITECT }) { version } }`,
        { id: membership.id, v: membership.version },
      )
    ).updateMember;
    expect((await api.queryAs(user, ORGANISATION, { id: organisation.id })).organisation.myRole).toBe(
      'ARCHITECT',
    );

    await api.query(`mutation($id: ID!, $v: Int!) { removeMember(input: { id: $id, version: $v }) }`, {
      id: membership.id,
      v: updated.version,
    });
    expect((await api.queryAs(user, ORGANISATION, { id: organisation.id })).organisation).toBeNull();

    // Created by the (cached) user: readable, as OWNER, by the very next request and by the mutation itself.
    const created = (
      await api.queryAs(
        user,
        `mutation { createOrganisation(input: { name: "Own Co", template: EMPTY }) { id myRole } }`,
      )
    ).createOrganisation;
    expect(created.myRole).toBe('OWNER');
    expect((await api.queryAs(user, ORGANISATION, { id: created.id })).organisation).toEqual({
      name: 'Own Co',
      myRole: 'OWNER',
    });
  });
});

describe('a second API process on the same database', () => {
  let database: Database;
  let server: UsmServer;
  let url: string;
  beforeAll(async () => {
    database = await openDatabase({
      databaseUrl: api.database.orm.config.get('clientUrl')!,
      dataDir: '',
      migrate: false,
    });
    server = await createUsmServer({ database, explorer: false, principalCacheMs: 60_000 });
    url = `http://127.0.0.1:${await server.listen(0, '127.0.0.1')}/graphql`;
  });
  afterAll(async () => {
    await server?.stop();
    await database?.close();
  });

  const meThere = async (token: string) => {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query: ME }),
    });
    return ((await response.json()) as { data: { me: { email: string } | null } }).data.me;
  };

  it('accepts a session ended in the first process until its cache entry expires (documented delay)', async () => {
    const user = await api.createUser('cache-elsewhere@example.org');
    expect(await meThere(user.token)).toMatchObject({ email: 'cache-elsewhere@example.org' });
    await api.queryAs(user, `mutation { logout }`);
    expect((await api.queryAs(user, ME)).me).toBeNull();
    // The second process read the session before the logout and may use it for up to its cache's lifetime.
    expect(await meThere(user.token)).toMatchObject({ email: 'cache-elsewhere@example.org' });
  });
});
