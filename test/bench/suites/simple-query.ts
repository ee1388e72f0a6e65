/**
 * Simple query throughput: autocannon (10 connections, loopback) against one API process started as
 * `pnpm start` starts it (its own process, default log level), on PostgreSQL. The query is
 * `{ organisation(id) { name } }` as a signed-in member. Target ≥ 1,500 req/s on 2 cores. Side by side in
 * the same run: `{ __typename }` signed out (HTTP + Apollo, no SQL) and a bare Node http handler that
 * answers a constant JSON body (what HTTP alone costs on this machine).
 */
import { createServer } from 'node:http';
import autocannon from 'autocannon';
import { spawnApi, type SpawnedApi } from '../bench-api';
import type { BenchContext, BenchResult } from '../result';
import { createTestDatabase, type TestDatabase } from '../../support/test-database';

const EMAIL = 'bench-admin@example.org';
const PASSWORD = 'benchmark-password-123';

async function graphql(url: string, token: string | null, query: string, variables?: object) {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data?: any; errors?: unknown[] };
  if (body.errors?.length) throw new Error(JSON.stringify(body.errors));
  return body.data;
}

async function cannon(url: string, body: string, headers: Record<string, string>, seconds: number) {
  const result = await autocannon({
    url,
    method: 'POST',
    connections: 10,
    duration: seconds,
    headers: { 'content-type': 'application/json', ...headers },
    body,
  });
  if (result.errors || result.timeouts || result.non2xx) {
    throw new Error(
      `autocannon: ${result.errors} errors, ${result.timeouts} timeouts, ${result.non2xx} non-2xx`,
    );
  }
  return result;
}

export async function run(context: BenchContext): Promise<BenchResult[]> {
  const seconds = context.quick ? 2 : 10;
  let database: TestDatabase | undefined;
  let api: SpawnedApi | undefined;
  const bare = createServer((_request, response) => {
    response.setHeader('content-type', 'application/json');
    response.end('{"data":{"organisation":{"name":"Bare"}}}');
  });
  try {
    database = await createTestDatabase();
    api = await spawnApi({
      DATABASE_URL: database.url,
      USM_ADMIN_EMAIL: EMAIL,
      USM_ADMIN_PASSWORD: PASSWORD,
      NODE_ENV: 'production',
      USM_LOG_LEVEL: process.env.BENCH_API_LOG_LEVEL ?? 'info',
    });
    const login = await graphql(
      api.url,
      null,
      `
        mutation ($e: String!, $p: String!) {
          login(email: $e, password: $p) {
            token
          }
        }
      `,
      { e: EMAIL, p: PASSWORD },
    );
    const token: string = login.login.token;
    const created = await graphql(
      api.url,
      token,
      `
        mutation {
          createOrganisation(input: { name: "Simple query", template: USM_REFERENCE }) {
            id
          }
        }
      `,
    );
    const query = JSON.stringify({
      query: 'query($id: ID!) { organisation(id: $id) { name } }',
      variables: { id: created.createOrganisation.id },
    });
    context.progress('warming up');
    await cannon(api.url, query, { authorization: `Bearer ${token}` }, 2);
    context.progress(`organisation(id) { name }: ${seconds} s`);
    const signedIn = await cannon(api.url, query, { authorization: `Bearer ${token}` }, seconds);
    context.progress(`{ __typename }: ${seconds} s`);
    const floor = await cannon(api.url, JSON.stringify({ query: '{ __typename }' }), {}, seconds);
    await api.stop();
    api = undefined;
    await new Promise<void>((resolve) => bare.listen(0, '127.0.0.1', resolve));
    const address = bare.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    context.progress(`bare http handler: ${seconds} s`);
    const http = await cannon(`http://127.0.0.1:${port}/`, query, {}, seconds);
    const row = (
      name: string,
      result: Awaited<ReturnType<typeof cannon>>,
      target: string,
      holds: boolean | null,
      notes: string,
    ): BenchResult[] => [
      {
        name: `${name} throughput`,
        value: result.requests.average,
        unit: 'req/s',
        baseline: http.requests.average,
        ratio: result.requests.average / http.requests.average,
        target,
        holds,
        notes,
      },
      {
        name: `${name} latency`,
        value: result.latency.p50,
        median: result.latency.p50,
        p95: result.latency.p97_5,
        unit: 'ms',
        baseline: http.latency.p50,
        ratio: null,
        target: 'reported',
        holds: null,
        notes: 'p95 column: autocannon p97.5',
      },
    ];
    return [
      ...row(
        'simple query { organisation(id) { name } }',
        signedIn,
        '≥ 1500 req/s',
        signedIn.requests.average >= 1500,
        'signed in (Bearer); one API process; 10 connections; baseline: bare Node http',
      ),
      ...row('floor { __typename }', floor, 'reported', null, 'signed out: HTTP + Apollo, no SQL'),
    ];
  } finally {
    await api?.stop();
    if (bare.listening) {
      bare.closeAllConnections();
      await new Promise<void>((resolve) => bare.close(() => resolve()));
    }
    await database?.drop();
  }
}
