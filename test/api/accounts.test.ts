import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOrganisation, processOf, readModel } from '../support/model-helpers';
import { startTestApi, TEST_PASSWORD, type TestApi, type TestUser } from '../support/test-api';

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi();
});
afterAll(() => api?.close());

const LOGIN = `mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token user { id email } } }`;
const ORGANISATIONS = `{ organisations { totalCount edges { node { id name myRole } } } }`;

async function post(body: unknown, headers: Record<string, string> = {}) {
  return fetch(`${api.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
}

describe('signing in', () => {
  it('refuses anonymous requests except login, me and the reference model', async () => {
    const anonymous = await api.requestAs(null, ORGANISATIONS);
    expect(anonymous.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(anonymous.data ?? null).toBeNull();
    expect((await api.queryAs(null, `{ me { id } }`)).me).toBeNull();
    expect(
      (await api.queryAs(null, `{ usmReference { processes { key } } }`)).usmReference.processes,
    ).toHaveLength(5);
  });

  it('answers a wrong password and an unknown email alike', async () => {
    const wrong = await api.requestAs(null, LOGIN, { e: 'admin@example.org', p: 'not the password' });
    const unknown = await api.requestAs(null, LOGIN, { e: 'nobody@example.org', p: 'not the password' });
    expect(wrong.errors?.[0]).toMatchObject({ extensions: { code: 'UNAUTHENTICATED' } });
    expect(unknown.errors?.[0]?.message).toBe(wrong.errors?.[0]?.message);
  });

  it('sets an HTTP-only SameSite=Lax cookie that signs the studio in, until logout', async () => {
    await api.createUser('cookie@example.org');
    const response = await post({ query: LOGIN, variables: { e: 'Cookie@Example.org ', p: TEST_PASSWORD } });
    const cookie = response.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/^usm_session=usm_[\w-]+;/);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    const session = cookie.split(';')[0]!;

    const me: any = await (await post({ query: `{ me { email } }` }, { cookie: session })).json();
    expect(me.data.me).toEqual({ email: 'cookie@example.org' });

    const logout: any = await (await post({ query: `mutation { logout }` }, { cookie: session })).json();
    expect(logout.data.logout).toBe(true);
    const after: any = await (await post({ query: `{ me { email } }` }, { cookie: session })).json();
    expect(after.data.me).toBeNull();
  });

  it('limits failed sign-ins per account', async () => {
    await api.createUser('guessed@example.org');
    for (let attempt = 0; attempt < 10; attempt += 1) {
      const response = await api.requestAs(null, LOGIN, { e: 'guessed@example.org', p: `guess ${attempt}` });
      expect(response.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    }
    const limited = await api.requestAs(null, LOGIN, { e: 'guessed@example.org', p: TEST_PASSWORD });
    expect(limited.errors?.[0]?.extensions).toMatchObject({ code: 'RATE_LIMITED' });
    expect(limited.errors?.[0]?.extensions?.retryAfterSeconds).toBeGreaterThan(0);
  });
});

describe('users', () => {
  it('are created by administrators only, with a unique email and a long enough password', async () => {
    const member = await api.createUser('plain@example.org');
    const byMember = await api.requestAs(
      member,
      `mutation { createUser(input: { email: "x@example.org", password: "long enough pw" }) { id } }`,
    );
    expect(byMember.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const duplicate = await api.request(
      `mutation { createUser(input: { email: "PLAIN@example.org", password: "long enough pw" }) { id } }`,
    );
    expect(duplicate.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.email' });
    const weak = await api.request(
      `mutation { createUser(input: { email: "weak@example.org", password: "short" }) { id } }`,
    );
    expect(weak.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.password' });
  });
});

describe('personal API tokens', () => {
  it('are shown once, listed without their secret, work as bearer tokens and stop working when revoked', async () => {
    const user = await api.createUser('tokens@example.org');
    const created = (
      await api.queryAs(
        user,
        `mutation { createApiToken(input: { name: "Reporting" }) { token apiToken { id name } } }`,
      )
    ).createApiToken;
    expect(created.token).toMatch(/^usm_/);
    const listed = (await api.queryAs(user, `{ apiTokens { id name } }`)).apiTokens;
    expect(listed).toEqual([created.apiToken]);
    expect(JSON.stringify(listed)).not.toContain(created.token);

    const viaToken: TestUser = { ...user, token: created.token };
    expect((await api.queryAs(viaToken, `{ me { email } }`)).me.email).toBe('tokens@example.org');
    await api.queryAs(user, `mutation($id: ID!) { revokeApiToken(input: { id: $id }) }`, {
      id: created.apiToken.id,
    });
    const revoked = await api.requestAs(viaToken, ORGANISATIONS);
    expect(revoked.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    const othersToken = await api.request(`mutation($id: ID!) { revokeApiToken(input: { id: $id }) }`, {
      id: created.apiToken.id,
    });
    expect(othersToken.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });
});

describe('organisation membership', () => {
  it('lets viewers read but not write, hides the organisation from outsiders, and keeps one owner', async () => {
    const organisation = await createOrganisation(api, 'Members Co');
    const viewer = await api.createUser('viewer@example.org');
    const outsider = await api.createUser('outsider@example.org');
    const added = (
      await api.query(
        `mutation($o: ID!, $u: ID!) { addMember(input: { organisationId: $o, userId: $u, role: VIEWER }) { id role version } }`,
        { o: organisation.id, u: viewer.id },
      )
    ).addMember;
    expect(added.role).toBe('VIEWER');

    const seen = (await api.queryAs(viewer, ORGANISATIONS)).organisations;
    expect(seen.edges.map((edge: any) => [edge.node.name, edge.node.myRole])).toEqual([
      ['Members Co', 'VIEWER'],
    ]);
    expect((await api.queryAs(outsider, ORGANISATIONS)).organisations.totalCount).toBe(0);
    expect(
      (
        await api.queryAs(outsider, `query($id: ID!) { organisation(id: $id) { id } }`, {
          id: organisation.id,
        })
      ).organisation,
    ).toBeNull();

    const model = await readModel(api, organisation.id);
    const activity = processOf(model, 'AGREE').activities[0]!;
    const rename = `mutation($i: UpdateActivityInput!) { updateActivity(input: $i) { id } }`;
    const input = { i: { id: activity.id, version: activity.version, name: 'Renamed' } };
    expect((await api.requestAs(viewer, rename, input)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect((await api.requestAs(outsider, rename, input)).errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect(processOf(await readModel(api, organisation.id), 'AGREE').activities[0]!.name).toBe(activity.name);

    const members = (
      await api.queryAs(
        viewer,
        `query($id: ID!) { organisation(id: $id) { members { id role version user { email } } } }`,
        {
          id: organisation.id,
        },
      )
    ).organisation.members;
    const owner = members.find((member: any) => member.role === 'OWNER');
    expect(owner.user.email).toBe('admin@example.org');
    const lastOwner = await api.request(`mutation($i: DeleteInput!) { removeMember(input: $i) }`, {
      i: { id: owner.id, version: owner.version },
    });
    expect(lastOwner.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT' });

    const promoted = await api.query(
      `mutation($i: UpdateMemberInput!) { updateMember(input: $i) { role } }`,
      { i: { id: added.id, version: added.version, role: 'ARCHITECT' } },
    );
    expect(promoted.updateMember.role).toBe('ARCHITECT');
    expect((await api.requestAs(viewer, rename, input)).errors).toBeUndefined();
  });
});
