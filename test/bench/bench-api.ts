/**
 * What the API suites share: the API in this process on its own PostgreSQL database (created and dropped
 * by the suite), a signed-in benchmark user, an HTTP client that reports each request's SQL statement
 * count (`x-sql-statements`), and a small concurrent load loop.
 */
import { openDatabase, type Database } from '@usm/api/src/persistence/database';
import { createUsmServer, type ServerSettings, type UsmServer } from '@usm/api/src/server';
import { createUser } from '@usm/api/src/services/auth/users';
import { createTestDatabase, type TestDatabase } from '../support/test-database';
import { percentile } from './result';

/** No single request may hang a benchmark. */
const REQUEST_TIMEOUT_MS = 120_000;
const PASSWORD = 'benchmark-password-123';
const LOGIN = `mutation($email: String!, $password: String!) { login(email: $email, password: $password) { token user { id } } }`;

export interface Reply {
  data: any;
  statements: number;
  ms: number;
  bytes: number;
}

export type Client = (query: string, variables?: Record<string, unknown>) => Promise<Reply>;

export interface BenchApi {
  url: string;
  database: Database;
  server: UsmServer;
  /** The signed-in benchmark user's stored id and bearer token. */
  userId: string;
  token: string;
  /** Requests as the signed-in user; throws on any GraphQL error. */
  client: Client;
  close(): Promise<void>;
}

export function httpClient(url: string, token: string | null): Client {
  return async (query, variables) => {
    const startedAt = performance.now();
    const response = await fetch(url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(token ? { authorization: `Bearer ${token}` } : {}),
      },
      body: JSON.stringify({ query, variables }),
      signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
    });
    const text = await response.text();
    const body = JSON.parse(text) as { data?: unknown; errors?: unknown[] };
    const ms = performance.now() - startedAt;
    if (body.errors?.length) throw new Error(`GraphQL errors: ${JSON.stringify(body.errors).slice(0, 2000)}`);
    return {
      data: body.data,
      statements: Number(response.headers.get('x-sql-statements')),
      ms,
      bytes: text.length,
    };
  };
}

/**
 * Starts the API on a fresh database. Whatever fails half-way is undone: the caller gets either a running
 * API (and must `close()` it) or an exception with nothing left behind.
 */
export async function startBenchApi(settings: Partial<ServerSettings> = {}): Promise<BenchApi> {
  let testDatabase: TestDatabase | undefined;
  let database: Database | undefined;
  let server: UsmServer | undefined;
  const close = async () => {
    await server?.stop().catch(report);
    await database?.close().catch(report);
    await testDatabase?.drop().catch(report);
  };
  try {
    testDatabase = await createTestDatabase();
    database = await openDatabase({
      databaseUrl: testDatabase.url,
      dataDir: '',
      countStatements: true,
      quietMigrations: true,
    });
    server = await createUsmServer({ database, explorer: false, reportStatements: true, ...settings });
    const port = await server.listen(0, '127.0.0.1');
    const url = `http://127.0.0.1:${port}/graphql`;
    const email = BENCH_EMAIL;
    await createUser(database.orm.em.fork(), { email, password: PASSWORD });
    const signedIn = await httpClient(url, null)(LOGIN, { email, password: PASSWORD });
    const token: string = signedIn.data.login.token;
    return {
      url,
      database,
      server,
      userId: signedIn.data.login.user.id,
      token,
      client: httpClient(url, token),
      close,
    };
  } catch (error) {
    await close();
    throw error;
  }
}

const BENCH_EMAIL = 'bench@example.org';

/**
 * A new session of the benchmark user. An API process caches who a token stands for for a few seconds
 * (principal-cache.ts), so a process that served the token before an organisation was generated directly
 * in the database would not yet know the user's membership of it; a new token is read afresh.
 */
export async function newSession(api: BenchApi): Promise<BenchApi> {
  const signedIn = await httpClient(api.url, null)(LOGIN, { email: BENCH_EMAIL, password: PASSWORD });
  const token: string = signedIn.data.login.token;
  return { ...api, token, client: httpClient(api.url, token) };
}

/** The stored id behind a User global id (the generator makes that user the organisation's OWNER). */
export function storedUserId(globalId: string): string {
  const decoded = Buffer.from(globalId, 'base64url').toString('utf8');
  return decoded.slice(decoded.indexOf(':') + 1);
}

export function report(error: unknown): void {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
}

export interface LoadResult {
  requests: number;
  seconds: number;
  /** Requests per second over the timed window. */
  throughput: number;
  latenciesMs: number[];
  medianMs: number;
  p95Ms: number;
}

/**
 * Sends `send()` from `concurrency` loops until `durationMs` has passed and at least `minRequests` have
 * completed (or `maxRequests` have been sent), after `warmUp` untimed requests. Throughput counts
 * completed requests over the wall time of the timed window.
 */
export async function runLoad(options: {
  send: () => Promise<unknown>;
  concurrency: number;
  durationMs: number;
  minRequests: number;
  maxRequests?: number;
  warmUp?: number;
}): Promise<LoadResult> {
  for (let index = 0; index < (options.warmUp ?? 2); index += 1) await options.send();
  const latenciesMs: number[] = [];
  const startedAt = performance.now();
  let sent = 0;
  const more = () =>
    sent < (options.maxRequests ?? Infinity) &&
    (performance.now() - startedAt < options.durationMs || sent < options.minRequests);
  await Promise.all(
    Array.from({ length: options.concurrency }, async () => {
      while (more()) {
        sent += 1;
        const requestStartedAt = performance.now();
        await options.send();
        latenciesMs.push(performance.now() - requestStartedAt);
      }
    }),
  );
  const seconds = (performance.now() - startedAt) / 1000;
  return {
    requests: latenciesMs.length,
    seconds,
    throughput: latenciesMs.length / seconds,
    latenciesMs,
    medianMs: percentile(latenciesMs, 0.5),
    p95Ms: percentile(latenciesMs, 0.95),
  };
}

/**
 * runLoad for several sides compared with each other: `rounds` rounds, each sending `requestsPerRound`
 * requests to every side in turn (the order rotated each round). A neighbour's load that comes and goes
 * on a shared machine then slows every side alike, rather than whichever side happened to be running.
 * Each side's throughput is its requests over the time spent on it.
 */
export async function runInterleavedLoad<Side extends string>(options: {
  sides: Record<Side, () => Promise<unknown>>;
  concurrency: number;
  rounds: number;
  requestsPerRound: number;
  warmUp?: number;
}): Promise<Record<Side, LoadResult>> {
  const names = Object.keys(options.sides) as Side[];
  const parts = new Map<Side, LoadResult[]>(names.map((name) => [name, []]));
  for (const name of names) {
    for (let index = 0; index < (options.warmUp ?? 1); index += 1) await options.sides[name]();
  }
  for (let round = 0; round < options.rounds; round += 1) {
    for (let turn = 0; turn < names.length; turn += 1) {
      const name = names[(round + turn) % names.length]!;
      parts.get(name)!.push(
        await runLoad({
          send: options.sides[name],
          concurrency: options.concurrency,
          durationMs: 0,
          minRequests: options.requestsPerRound,
          maxRequests: options.requestsPerRound,
          warmUp: 0,
        }),
      );
    }
  }
  const merged = {} as Record<Side, LoadResult>;
  for (const name of names) {
    const list = parts.get(name)!;
    const latenciesMs = list.flatMap((part) => part.latenciesMs);
    const seconds = list.reduce((sum, part) => sum + part.seconds, 0);
    merged[name] = {
      requests: latenciesMs.length,
      seconds,
      throughput: latenciesMs.length / seconds,
      latenciesMs,
      medianMs: percentile(latenciesMs, 0.5),
      p95Ms: percentile(latenciesMs, 0.95),
    };
  }
  return merged;
}

export interface SpawnedApi {
  url: string;
  /** From spawn to the "ready" line on stdout. */
  readyMs: number;
  output(): string;
  stop(): Promise<void>;
}

const repositoryRoot = new URL('../../', import.meta.url);

/**
 * The API as its own process (`node --import tsx api/src/main.ts`, as `pnpm start` runs it), on a free
 * port of 127.0.0.1. Resolves once it prints its address; `stop()` sends SIGTERM and waits (SIGKILL after
 * 10 s). A process that exits early rejects with its output.
 */
export async function spawnApi(env: Record<string, string>, timeoutMs = 60_000): Promise<SpawnedApi> {
  // e.g. BENCH_API_NODE_FLAGS="--cpu-prof --cpu-prof-dir=/tmp/prof" to profile the spawned API.
  const flags = process.env.BENCH_API_NODE_FLAGS?.split(' ').filter(Boolean) ?? [];
  const spawned = await spawnScript({
    what: 'API',
    args: [...flags, '--import', 'tsx', 'api/src/main.ts'],
    env: { PORT: '0', HOST: '127.0.0.1', ...env },
    ready: /GraphQL API\s+http:\/\/localhost:(\d+)\/graphql/,
    timeoutMs,
  });
  return { ...spawned, url: `http://127.0.0.1:${spawned.port}/graphql` };
}

/**
 * A Node script of this repository as its own process (with tsx and the API's tsconfig), resolved once a
 * line of its output matches `ready` (whose first group is the port). Everything it prints is kept for
 * error messages; `stop()` sends SIGTERM and waits (SIGKILL after 10 s). A process that exits early
 * rejects with its output.
 */
export async function spawnScript(options: {
  what: string;
  args: string[];
  env: Record<string, string>;
  ready: RegExp;
  timeoutMs: number;
}): Promise<Omit<SpawnedApi, 'url'> & { port: number }> {
  const { spawn } = await import('node:child_process');
  const startedAt = performance.now();
  const child = spawn(process.execPath, options.args, {
    cwd: repositoryRoot,
    env: { ...process.env, TSX_TSCONFIG_PATH: 'api/tsconfig.json', ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  // Read everything, or a full pipe would block the server's logging.
  child.stdout.on('data', (chunk: Buffer) => {
    if (output.length < 200_000) output += chunk.toString();
  });
  child.stderr.on('data', (chunk: Buffer) => {
    if (output.length < 200_000) output += chunk.toString();
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill('SIGTERM');
    const killer = setTimeout(() => child.kill('SIGKILL'), 10_000);
    await exited;
    clearTimeout(killer);
  };
  try {
    const port = await new Promise<number>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`${options.what} not ready in ${options.timeoutMs} ms:\n${output}`)),
        options.timeoutMs,
      );
      const look = () => {
        const match = options.ready.exec(output);
        if (match) {
          clearTimeout(timer);
          resolve(Number(match[1]));
        }
      };
      child.stdout.on('data', look);
      child.once('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`${options.what} exited with ${code}:\n${output}`));
      });
    });
    return { port, readyMs: performance.now() - startedAt, output: () => output, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
