import { createClient, type Client, type FormattedExecutionResult } from 'graphql-ws';
import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '@usm/api/src/persistence/database';
import { createUsmServer, type UsmServer } from '@usm/api/src/server';
import { PostgresPresentationEvents } from '@usm/api/src/services/presentation-events';
import { CREATE_ORGANISATION } from '../support/operations';
import { startTestApi, type TestApi } from '../support/test-api';

/**
 * Scale-out (issue 8): two API servers, each with its own connection pool and its own LISTEN connection,
 * on one PostgreSQL database. What one writes, the other reads at once (no cache between requests), and
 * a presentation moved through one reaches followers subscribed on the other (LISTEN/NOTIFY).
 */
let a: TestApi;
let secondDatabase: Database;
let secondServer: UsmServer;
let b: { url: string; query: (query: string, variables?: Record<string, unknown>) => Promise<any> };
const clients: Client[] = [];

beforeAll(async () => {
  a = await startTestApi();
  secondDatabase = await openDatabase({
    databaseUrl: a.database.orm.config.get('clientUrl')!,
    dataDir: '',
    quietMigrations: true,
  });
  secondServer = await createUsmServer({ database: secondDatabase, explorer: false });
  const port = await secondServer.listen(0, '127.0.0.1');
  const url = `http://127.0.0.1:${port}`;
  b = {
    url,
    async query(query, variables) {
      const response = await fetch(`${url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${a.admin.token}` },
        body: JSON.stringify({ query, variables }),
      });
      const body = (await response.json()) as { data?: any; errors?: unknown[] };
      if (body.errors?.length) throw new Error(JSON.stringify(body.errors));
      return body.data;
    },
  };
});

afterAll(async () => {
  await Promise.all(clients.map((client) => client.dispose()));
  await secondServer?.stop();
  await secondDatabase?.close();
  await a?.close();
});

describe('two API servers on one PostgreSQL database', () => {
  it('use LISTEN/NOTIFY for presentation events on PostgreSQL', () => {
    expect(secondServer.presentationEvents).toBeInstanceOf(PostgresPresentationEvents);
  });

  it('read back at once through one what was written through the other', async () => {
    const created = (await a.query(CREATE_ORGANISATION, { name: 'Written through A' })).createOrganisation;
    const readThroughB = await b.query(`query($id: ID!) { organisation(id: $id) { name version } }`, {
      id: created.id,
    });
    expect(readThroughB.organisation).toEqual({ name: 'Written through A', version: 1 });

    const renamed = (
      await b.query(
        `mutation($i: UpdateOrganisationInput!) { updateOrganisation(input: $i) { name version } }`,
        { i: { id: created.id, version: 1, name: 'Renamed through B' } },
      )
    ).updateOrganisation;
    const readThroughA = await a.query(`query($id: ID!) { organisation(id: $id) { name version } }`, {
      id: created.id,
    });
    expect(readThroughA.organisation).toEqual(renamed);
    expect(renamed).toEqual({ name: 'Renamed through B', version: 2 });
  });

  it('deliver a presentation moved through A to a presentationMoved subscriber on B', async () => {
    const organisation = (await a.query(CREATE_ORGANISATION, { name: 'Classroom' })).createOrganisation.id;
    const started = (
      await a.query(
        `mutation($i: StartPresentationInput!) { startPresentation(input: $i) { presentation { id version step } } }`,
        { i: { organisationId: organisation, mode: 'WORKFLOW', workflowNumber: 3 } },
      )
    ).startPresentation.presentation;

    const followed = follow(socket(b.url), started.id);
    await followed.arrived(1);
    expect(followed.results[0]?.data?.presentationMoved).toMatchObject({ id: started.id, step: 1 });

    await a.query(
      `mutation($i: MovePresentationInput!) { movePresentation(input: $i) { id version step } }`,
      { i: { id: started.id, version: started.version, step: 2 } },
    );
    await followed.arrived(2);
    expect(followed.results[1]?.data?.presentationMoved).toMatchObject({
      id: started.id,
      version: started.version + 1,
      step: 2,
      live: true,
    });

    await a.query(`mutation($i: DeleteInput!) { endPresentation(input: $i) }`, {
      i: { id: started.id, version: started.version + 1 },
    });
    expect(await followed.done).toEqual({});
    expect(followed.results.at(-1)?.data?.presentationMoved).toMatchObject({ live: false });
  });
});

function socket(baseUrl: string): Client {
  const client = createClient({
    url: `${baseUrl.replace(/^http/, 'ws')}/graphql`,
    connectionParams: { authorization: `Bearer ${a.admin.token}` },
    retryAttempts: 0,
    webSocketImpl: WebSocket,
  });
  clients.push(client);
  return client;
}

function follow(client: Client, presentationId: string) {
  const results: FormattedExecutionResult<any, any>[] = [];
  let received: () => void = () => {};
  const done = new Promise<{ error?: unknown }>((resolve) => {
    client.subscribe(
      {
        query: `subscription($id: ID!) { presentationMoved(id: $id) { id version step live } }`,
        variables: { id: presentationId },
      },
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
  const arrived = (count: number) =>
    new Promise<void>((resolve) => {
      const check = () => (results.length >= count ? resolve() : undefined);
      received = check;
      check();
    });
  return { results, done, arrived };
}
