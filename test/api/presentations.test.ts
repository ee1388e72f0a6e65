import { createClient, type Client, type FormattedExecutionResult } from 'graphql-ws';
import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CREATE_ORGANISATION } from '../support/operations';
import { startTestApi, type GraphQLResponse, type TestApi, type TestUser } from '../support/test-api';

/**
 * Presentations (issue 6): a trainer starts, moves and ends a walkthrough; trainees follow it through a
 * share link (read-only access to that organisation's model, no account) and live over WebSocket.
 */
let api: TestApi;
let owner: TestUser;
let trainer: TestUser;
let viewer: TestUser;
let outsider: TestUser;
let organisation: string;
let otherOrganisation: string;
let procedure: string;
let workflow3Length: number;
const clients: Client[] = [];

const START = `mutation($i: StartPresentationInput!) {
  startPresentation(input: $i) {
    shareToken sharePath
    presentation { id version mode workflowNumber step live procedure { id } organisation { id } }
  }
}`;
const MOVE = `mutation($i: MovePresentationInput!) {
  movePresentation(input: $i) { id version mode workflowNumber step live procedure { id } }
}`;
const END = `mutation($i: DeleteInput!) { endPresentation(input: $i) }`;
const PRESENTATION = `query($id: ID!) { presentation(id: $id) { id version mode workflowNumber step live } }`;
const LIVE_PRESENTATIONS = `query($id: ID!) { organisation(id: $id) { presentations { id step } } }`;
const SHARED = `{ sharedPresentation { id version mode workflowNumber step live procedure { id name } organisation { id name } } }`;
const MOVED = `subscription($id: ID!) { presentationMoved(id: $id) { id version mode workflowNumber step live } }`;

/** The model a trainee's screen reads: processes, hand-overs, workflows with steps, procedures with WHO and HOW. */
const SHARED_MODEL = `query($id: ID!) {
  organisation(id: $id) {
    id name version
    processes { id key name purpose activities { id name description handovers { id callType kind } } }
    workflows { id number name steps { position depth process { key } activity { id name } } }
    roles { id name }
    tools { id name }
    procedures {
      id name
      steps { id position activity { id } responsibilities { role { name } raci } workInstructions { id text tools { name } } }
      raciMatrix { roles { name } rows { step { id } } }
      completeness { whoGaps howGaps percentComplete }
    }
    completeness { whoGaps howGaps percentComplete }
  }
}`;

beforeAll(async () => {
  api = await startTestApi();
  const users = await Promise.all(
    ['owner', 'trainer', 'viewer', 'outsider'].map((name) => api.createUser(`${name}@present.example`)),
  );
  [owner, trainer, viewer, outsider] = users as [TestUser, TestUser, TestUser, TestUser];
  organisation = (await api.queryAs(owner, CREATE_ORGANISATION, { name: 'Classroom' })).createOrganisation.id;
  otherOrganisation = (await api.queryAs(owner, CREATE_ORGANISATION, { name: 'Elsewhere' }))
    .createOrganisation.id;
  for (const [user, role] of [
    [trainer, 'TRAINER'],
    [viewer, 'VIEWER'],
  ] as const) {
    await api.queryAs(owner, `mutation($i: AddMemberInput!) { addMember(input: $i) { id } }`, {
      i: { organisationId: organisation, userId: user.id, role },
    });
  }
  // The Recover procedure with WHO (a responsibility) and HOW (work instructions), for the share link to read.
  const derived = (
    await api.queryAs(
      owner,
      `mutation($i: DeriveProcedureInput!) { deriveProcedure(input: $i) { id steps { id } organisation { roles { id } } } }`,
      { i: { organisationId: organisation, processKey: 'RECOVER' } },
    )
  ).deriveProcedure;
  procedure = derived.id;
  await api.queryAs(
    owner,
    `mutation($i: AssignResponsibilityInput!) { assignResponsibility(input: $i) { id } }`,
    {
      i: { stepId: derived.steps[0].id, roleId: derived.organisation.roles[0].id, raci: ['R', 'A'] },
    },
  );
  await api.queryAs(
    owner,
    `mutation($i: DeriveWorkInstructionsInput!) { deriveWorkInstructions(input: $i) { id } }`,
    { i: { procedureId: procedure } },
  );
  const { organisation: model } = await api.queryAs(
    owner,
    `query($id: ID!) { organisation(id: $id) { workflows { number steps { position } } } }`,
    { id: organisation },
  );
  workflow3Length = model.workflows.find((w: { number: number }) => w.number === 3).steps.length;
});
afterAll(async () => {
  await Promise.all(clients.map((client) => client.dispose()));
  await api?.close();
});

function codeOf(response: GraphQLResponse): string | undefined {
  return response.errors?.[0]?.extensions?.code;
}

/** A request carrying `Authorization: Share <token>` (and no account). */
async function asShare(token: string, query: string, variables?: Record<string, unknown>) {
  const response = await fetch(`${api.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Share ${token}` },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as GraphQLResponse;
  return { ...body, statements: Number(response.headers.get('x-sql-statements')), status: response.status };
}

async function start(user: TestUser, input: Record<string, unknown>) {
  const { startPresentation } = await api.queryAs(user, START, {
    i: { organisationId: organisation, ...input },
  });
  return startPresentation as {
    shareToken: string;
    sharePath: string;
    presentation: { id: string; version: number; step: number; live: boolean };
  };
}

async function liveCount(): Promise<number> {
  return (await api.queryAs(owner, LIVE_PRESENTATIONS, { id: organisation })).organisation.presentations
    .length;
}

function socket(connectionParams: Record<string, unknown> = {}, headers: Record<string, string> = {}) {
  const url = api.url.replace(/^http/, 'ws') + '/graphql';
  const client = createClient({
    url,
    connectionParams,
    retryAttempts: 0,
    webSocketImpl: class extends WebSocket {
      constructor(address: string, protocols?: string | string[]) {
        super(address, protocols, { headers });
      }
    },
  });
  clients.push(client);
  return client;
}

/** Subscribes and collects what arrives; `done` settles on complete (or a protocol error). */
function follow(client: Client, query: string, variables: Record<string, unknown>) {
  const results: FormattedExecutionResult<any, any>[] = [];
  let received: () => void = () => {};
  const done = new Promise<{ error?: unknown }>((resolve) => {
    client.subscribe(
      { query, variables },
      {
        next: (result) => {
          results.push(result);
          received();
        },
        error: (error) => resolve({ error }),
        complete: () => resolve({}),
      },
    );
  });
  /** Resolves once `count` results have arrived. */
  const arrived = (count: number) =>
    new Promise<void>((resolve) => {
      const check = () => (results.length >= count ? resolve() : undefined);
      received = check;
      check();
    });
  return { results, done, arrived };
}

function errorCodeOf(outcome: { error?: unknown }, results: FormattedExecutionResult[]): unknown {
  const errors = Array.isArray(outcome.error) ? outcome.error : results[0]?.errors;
  return errors?.[0]?.extensions?.code;
}

describe('starting, moving and ending a presentation', () => {
  it('starts at step 1 with a share token shown once, moves with versions, and answers CONFLICT to a stale one', async () => {
    const started = await start(trainer, { mode: 'WORKFLOW', workflowNumber: 3 });
    expect(started.shareToken).toMatch(/^usm_share_[\w-]{43}$/);
    expect(started.sharePath).toBe(`/present/${started.shareToken}`);
    expect(started.presentation).toMatchObject({
      version: 1,
      mode: 'WORKFLOW',
      workflowNumber: 3,
      step: 1,
      live: true,
      procedure: null,
      organisation: { id: organisation },
    });
    const { id } = started.presentation;

    const moved = (await api.queryAs(trainer, MOVE, { i: { id, version: 1, step: 2 } })).movePresentation;
    expect(moved).toMatchObject({ version: 2, mode: 'WORKFLOW', workflowNumber: 3, step: 2 });
    const stale = await api.requestAs(owner, MOVE, { i: { id, version: 1, step: 5 } });
    expect(codeOf(stale)).toBe('CONFLICT');
    expect(stale.errors?.[0]?.extensions?.currentVersion).toBe(2);

    // Switching to a derivation names the procedure; the stage then counts 1 WHAT, 2 WHO, 3 HOW.
    const derivation = (
      await api.queryAs(owner, MOVE, {
        i: { id, version: 2, mode: 'DERIVATION', procedureId: procedure, step: 3 },
      })
    ).movePresentation;
    expect(derivation).toMatchObject({
      version: 3,
      mode: 'DERIVATION',
      workflowNumber: null,
      step: 3,
      procedure: { id: procedure },
    });

    const listed = (await api.queryAs(viewer, LIVE_PRESENTATIONS, { id: organisation })).organisation
      .presentations;
    expect(listed.map((p: { id: string }) => p.id)).toContain(id);

    expect(codeOf(await api.requestAs(trainer, END, { i: { id, version: 2 } }))).toBe('CONFLICT');
    expect((await api.queryAs(trainer, END, { i: { id, version: 3 } })).endPresentation).toBe(true);
    expect((await api.queryAs(viewer, PRESENTATION, { id })).presentation).toMatchObject({ live: false });
    const afterEnd = await api.requestAs(trainer, MOVE, { i: { id, version: 4, step: 1 } });
    expect(codeOf(afterEnd)).toBe('BAD_USER_INPUT');
    const listedAfter = (await api.queryAs(viewer, LIVE_PRESENTATIONS, { id: organisation })).organisation
      .presentations;
    expect(listedAfter.map((p: { id: string }) => p.id)).not.toContain(id);
  });

  it('is for members with PRESENT: a viewer may not start or move one, an outsider does not find it', async () => {
    const input = { organisationId: organisation, mode: 'WORKFLOW', workflowNumber: 1 };
    expect(codeOf(await api.requestAs(viewer, START, { i: input }))).toBe('FORBIDDEN');
    expect(codeOf(await api.requestAs(outsider, START, { i: input }))).toBe('NOT_FOUND');
    expect(codeOf(await api.requestAs(null, START, { i: input }))).toBe('UNAUTHENTICATED');
    const { presentation } = await start(owner, { mode: 'WORKFLOW', workflowNumber: 1 });
    const move = { i: { id: presentation.id, version: 1, step: 2 } };
    expect(codeOf(await api.requestAs(viewer, MOVE, move))).toBe('FORBIDDEN');
    expect(codeOf(await api.requestAs(outsider, MOVE, move))).toBe('NOT_FOUND');
    expect((await api.queryAs(outsider, PRESENTATION, { id: presentation.id })).presentation).toBeNull();
    expect((await api.queryAs(viewer, PRESENTATION, { id: presentation.id })).presentation.step).toBe(1);
  });
});

describe('validation', () => {
  it('refuses a step beyond the expanded path, workflow 9 and a derivation without procedure, changing nothing', async () => {
    expect(workflow3Length).toBe(22);
    const before = await liveCount();
    const refusedStarts: [Record<string, unknown>, string][] = [
      [{ mode: 'WORKFLOW', workflowNumber: 3, step: workflow3Length + 1 }, 'input.step'],
      [{ mode: 'WORKFLOW', workflowNumber: 9 }, 'input.workflowNumber'],
      [{ mode: 'WORKFLOW' }, 'input.workflowNumber'],
      [{ mode: 'DERIVATION' }, 'input.procedureId'],
      [{ mode: 'DERIVATION', procedureId: procedure, step: 4 }, 'input.step'],
      [{ mode: 'WORKFLOW', workflowNumber: 3, step: 0 }, 'input.step'],
    ];
    for (const [input, field] of refusedStarts) {
      const response = await api.requestAs(trainer, START, { i: { organisationId: organisation, ...input } });
      expect({ input, code: codeOf(response), field: response.errors?.[0]?.extensions?.field }).toEqual({
        input,
        code: 'BAD_USER_INPUT',
        field,
      });
    }
    expect(await liveCount()).toBe(before);

    const { presentation } = await start(trainer, {
      mode: 'WORKFLOW',
      workflowNumber: 3,
      step: workflow3Length,
    });
    expect(presentation.step).toBe(workflow3Length);
    const refusedMoves: Record<string, unknown>[] = [
      { step: workflow3Length + 1 },
      { workflowNumber: 9, step: 1 },
      { mode: 'DERIVATION', step: 1 },
      { mode: 'DERIVATION', procedureId: procedure, step: 4 },
    ];
    for (const move of refusedMoves) {
      const response = await api.requestAs(trainer, MOVE, {
        i: { id: presentation.id, version: 1, ...move },
      });
      expect({ move, code: codeOf(response) }).toEqual({ move, code: 'BAD_USER_INPUT' });
    }
    // A procedure of another organisation is not found there.
    const foreign = (
      await api.queryAs(owner, `mutation($i: DeriveProcedureInput!) { deriveProcedure(input: $i) { id } }`, {
        i: { organisationId: otherOrganisation, processKey: 'AGREE' },
      })
    ).deriveProcedure.id;
    const foreignMove = {
      id: presentation.id,
      version: 1,
      mode: 'DERIVATION',
      procedureId: foreign,
      step: 1,
    };
    expect(codeOf(await api.requestAs(trainer, MOVE, { i: foreignMove }))).toBe('NOT_FOUND');

    const unchanged = (await api.queryAs(trainer, PRESENTATION, { id: presentation.id })).presentation;
    expect(unchanged).toMatchObject({
      version: 1,
      mode: 'WORKFLOW',
      workflowNumber: 3,
      step: workflow3Length,
    });
  });
});

describe('a share link', () => {
  it('reads its organisation’s model exactly as a member does, cheaply polled, and nothing else', async () => {
    const { shareToken, presentation } = await start(trainer, {
      mode: 'DERIVATION',
      procedureId: procedure,
      step: 2,
    });
    const shared = await asShare(shareToken, SHARED);
    expect(shared.errors).toBeUndefined();
    expect(shared.data.sharedPresentation).toMatchObject({
      id: presentation.id,
      mode: 'DERIVATION',
      step: 2,
      procedure: { id: procedure },
      organisation: { id: organisation, name: 'Classroom' },
    });
    // Polling costs a constant number of statements: the token's presentation, then its organisation
    // and procedure (batched).
    expect(shared.statements).toBeLessThanOrEqual(3);
    const workflowShare = await start(trainer, { mode: 'WORKFLOW', workflowNumber: 5 });
    expect((await asShare(workflowShare.shareToken, SHARED)).statements).toBeLessThanOrEqual(
      shared.statements,
    );
    expect((await api.requestAs(owner, SHARED)).data.sharedPresentation).toBeNull();
    expect((await api.requestAs(null, SHARED)).data.sharedPresentation).toBeNull();

    const asMember = await api.requestAs(viewer, SHARED_MODEL, { id: organisation });
    const asTrainee = await asShare(shareToken, SHARED_MODEL, { id: organisation });
    expect(asMember.errors).toBeUndefined();
    expect(asTrainee.errors).toBeUndefined();
    expect(asTrainee.data).toEqual(asMember.data);
    const processId = asMember.data.organisation.processes[0].id;
    const node = await asShare(shareToken, `query($id: ID!) { node(id: $id) { id } }`, { id: processId });
    expect(node.data.node).toEqual({ id: processId });
    expect(
      (await asShare(shareToken, PRESENTATION, { id: presentation.id })).data.presentation,
    ).toMatchObject({ id: presentation.id });
    // Another presentation of the same organisation is not this link's.
    expect(
      (await asShare(shareToken, PRESENTATION, { id: workflowShare.presentation.id })).data.presentation,
    ).toBeNull();

    // Not another organisation, not the people, not the account.
    const other = await asShare(shareToken, `query($id: ID!) { organisation(id: $id) { id } }`, {
      id: otherOrganisation,
    });
    expect(other.errors).toBeUndefined();
    expect(other.data.organisation).toBeNull();
    const otherModel = await api.queryAs(
      owner,
      `query($id: ID!) { organisation(id: $id) { processes { id } roles { id } } }`,
      { id: otherOrganisation },
    );
    const otherNode = await asShare(shareToken, `query($id: ID!) { node(id: $id) { id } }`, {
      id: otherModel.organisation.processes[0].id,
    });
    expect(otherNode.data.node).toBeNull();
    const impact = await asShare(shareToken, `query($id: ID!) { impact(id: $id) { procedures { id } } }`, {
      id: otherModel.organisation.roles[0].id,
    });
    expect(codeOf(impact)).toBe('NOT_FOUND');
    const members = await asShare(
      shareToken,
      `query($id: ID!) { organisation(id: $id) { members { id } } }`,
      {
        id: organisation,
      },
    );
    expect(codeOf(members)).toBe('FORBIDDEN');
    const memberships = await api.queryAs(
      owner,
      `query($id: ID!) { organisation(id: $id) { members { id } } }`,
      { id: organisation },
    );
    const membershipNode = await asShare(shareToken, `query($id: ID!) { node(id: $id) { id } }`, {
      id: memberships.organisation.members[0].id,
    });
    expect(membershipNode.data.node).toBeNull();
    const presentations = await asShare(shareToken, LIVE_PRESENTATIONS, { id: organisation });
    expect(codeOf(presentations)).toBe('FORBIDDEN');
    const mine = await asShare(shareToken, `query($id: ID!) { organisation(id: $id) { myRole } } `, {
      id: organisation,
    });
    expect(mine.data.organisation).toEqual({ myRole: null });
    expect((await asShare(shareToken, `{ me { id } }`)).data.me).toBeNull();
    expect(codeOf(await asShare(shareToken, `{ organisations { totalCount } }`))).toBe('UNAUTHENTICATED');
  });

  it('is refused for mutations, and stops working the moment the presentation ends', async () => {
    const { shareToken, presentation } = await start(trainer, { mode: 'WORKFLOW', workflowNumber: 2 });
    const rename = await asShare(
      shareToken,
      `mutation($i: UpdateOrganisationInput!) { updateOrganisation(input: $i) { id } }`,
      { i: { id: organisation, version: 1, name: 'Hijacked' } },
    );
    expect(codeOf(rename)).toBe('UNAUTHENTICATED');
    const move = await asShare(shareToken, MOVE, { i: { id: presentation.id, version: 1, step: 2 } });
    expect(codeOf(move)).toBe('UNAUTHENTICATED');
    const end = await asShare(shareToken, END, { i: { id: presentation.id, version: 1 } });
    expect(codeOf(end)).toBe('UNAUTHENTICATED');
    const derive = await asShare(
      shareToken,
      `mutation($i: DeriveProcedureInput!) { deriveProcedure(input: $i) { id } }`,
      { i: { organisationId: organisation, processKey: 'AGREE' } },
    );
    expect(codeOf(derive)).toBe('UNAUTHENTICATED');
    expect((await api.queryAs(owner, PRESENTATION, { id: presentation.id })).presentation.version).toBe(1);

    const read = `query($id: ID!) { organisation(id: $id) { id } }`;
    expect((await asShare(shareToken, read, { id: organisation })).data.organisation).toEqual({
      id: organisation,
    });
    await api.queryAs(trainer, END, { i: { id: presentation.id, version: 1 } });
    expect(codeOf(await asShare(shareToken, read, { id: organisation }))).toBe('UNAUTHENTICATED');
    expect((await asShare(shareToken, SHARED)).data.sharedPresentation).toBeNull();
    expect((await asShare('usm_share_not-a-real-token', SHARED)).data.sharedPresentation).toBeNull();
  });
});

describe('following a presentation live (graphql-ws)', () => {
  it('delivers the current state, then every move in order, then the end, to a trainer and to a share link', async () => {
    const { shareToken, presentation } = await start(trainer, { mode: 'WORKFLOW', workflowNumber: 3 });
    const variables = { id: presentation.id };
    const asTrainer = follow(socket({ authorization: `Bearer ${trainer.token}` }), MOVED, variables);
    const asTrainee = follow(socket({ shareToken }), MOVED, variables);
    // The session cookie of the upgrade request counts too (same origin).
    const asViewer = follow(socket({}, { cookie: `usm_session=${viewer.token}` }), MOVED, variables);
    await Promise.all([asTrainer.arrived(1), asTrainee.arrived(1), asViewer.arrived(1)]);

    let version = 1;
    for (const step of [2, 3, 4, 3]) {
      version = (await api.queryAs(trainer, MOVE, { i: { id: presentation.id, version, step } }))
        .movePresentation.version;
    }
    await api.queryAs(trainer, MOVE, {
      i: { id: presentation.id, version, mode: 'DERIVATION', procedureId: procedure, step: 1 },
    });
    await api.queryAs(trainer, END, { i: { id: presentation.id, version: version + 1 } });

    for (const follower of [asTrainer, asTrainee, asViewer]) {
      expect(await follower.done).toEqual({});
      expect(follower.results.every((result) => result.errors === undefined)).toBe(true);
      const seen = follower.results.map((result) => result.data!.presentationMoved);
      expect(seen.map((p) => [p.version, p.mode, p.step, p.live])).toEqual([
        [1, 'WORKFLOW', 1, true],
        [2, 'WORKFLOW', 2, true],
        [3, 'WORKFLOW', 3, true],
        [4, 'WORKFLOW', 4, true],
        [5, 'WORKFLOW', 3, true],
        [6, 'DERIVATION', 1, true],
        [7, 'DERIVATION', 1, false],
      ]);
    }

    // The link has ended: it cannot follow any more.
    const late = follow(socket({ shareToken }), MOVED, variables);
    const outcome = await late.done;
    expect(errorCodeOf(outcome, late.results)).toBe('UNAUTHENTICATED');
  });

  it('refuses outsiders, anonymous callers and another presentation’s link', async () => {
    const first = await start(trainer, { mode: 'WORKFLOW', workflowNumber: 4 });
    const second = await start(trainer, { mode: 'WORKFLOW', workflowNumber: 6 });
    const variables = { id: first.presentation.id };
    const cases: [Record<string, unknown>, string][] = [
      [{ authorization: `Bearer ${outsider.token}` }, 'NOT_FOUND'],
      [{}, 'UNAUTHENTICATED'],
      [{ authorization: 'Bearer usm_not-a-token' }, 'UNAUTHENTICATED'],
      [{ shareToken: second.shareToken }, 'NOT_FOUND'],
    ];
    for (const [params, code] of cases) {
      const attempt = follow(socket(params), MOVED, variables);
      const outcome = await attempt.done;
      expect({ params, code: errorCodeOf(outcome, attempt.results) }).toEqual({ params, code });
      expect(attempt.results.some((result) => result.data?.presentationMoved)).toBe(false);
    }
    // A cookie sent from another site's page does not count.
    const crossSite = follow(
      socket({}, { cookie: `usm_session=${trainer.token}`, origin: 'https://evil.example' }),
      MOVED,
      variables,
    );
    expect(errorCodeOf(await crossSite.done, crossSite.results)).toBe('UNAUTHENTICATED');
  });

  it('applies the query limits and serves only subscriptions', async () => {
    const { presentation } = await start(trainer, { mode: 'WORKFLOW', workflowNumber: 7 });
    const client = socket({ authorization: `Bearer ${trainer.token}` });
    const aliases = Array.from({ length: 31 }, (_, index) => `a${index}: id`).join(' ');
    const tooMany = follow(client, `subscription($id: ID!) { presentationMoved(id: $id) { ${aliases} } }`, {
      id: presentation.id,
    });
    expect(errorCodeOf(await tooMany.done, tooMany.results)).toBe('TOO_MANY_ALIASES');
    const query = follow(client, `{ me { id } }`, {});
    expect(errorCodeOf(await query.done, query.results)).toBe('BAD_REQUEST');
    const mutation = follow(client, END, { i: { id: presentation.id, version: 1 } });
    expect(errorCodeOf(await mutation.done, mutation.results)).toBe('BAD_REQUEST');
    expect((await api.queryAs(trainer, PRESENTATION, { id: presentation.id })).presentation.live).toBe(true);
    // …and subscriptions only there: over HTTP they are refused before anything runs.
    const overHttp = await api.requestAs(trainer, MOVED, { id: presentation.id });
    expect({ code: codeOf(overHttp), status: overHttp.status }).toEqual({ code: 'BAD_REQUEST', status: 400 });
  });
});
