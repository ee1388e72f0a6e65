/**
 * Start on the embedded database (PGlite, no DATABASE_URL) until the first answered query: the API is
 * spawned as `pnpm start` runs it (`node --import tsx api/src/main.ts`) with a temporary USM_DATA_DIR, and
 * `{ __typename }` is polled on /graphql every 25 ms from the moment of the spawn. First start on an empty
 * directory (creates the database, runs every migration, creates the first administrator) is reported;
 * restart on the existing data has a target of < 3 s.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnApi, type SpawnedApi } from '../bench-api';
import { percentile, type BenchContext, type BenchResult } from '../result';

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return typeof address === 'object' && address ? address.port : 0;
}

/** Spawns the API and polls until `{ __typename }` answers; returns the time from spawn to that answer. */
async function timeToFirstQuery(dataDir: string): Promise<{ ms: number; api: SpawnedApi }> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}/graphql`;
  const startedAt = performance.now();
  let answered = false;
  const poll = (async () => {
    while (!answered && performance.now() - startedAt < 60_000) {
      try {
        const response = await fetch(url, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: '{"query":"{ __typename }"}',
        });
        if (response.ok && (await response.text()).includes('Query')) return performance.now() - startedAt;
      } catch {
        // Not listening yet.
      }
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    throw new Error('The API did not answer within 60 s');
  })();
  const api = await spawnApi({
    DATABASE_URL: '',
    USM_DATA_DIR: dataDir,
    PORT: String(port),
    USM_ADMIN_EMAIL: 'bench-admin@example.org',
    USM_ADMIN_PASSWORD: 'benchmark-password-123',
    NODE_ENV: 'production',
  });
  try {
    const ms = await poll;
    answered = true;
    return { ms, api };
  } catch (error) {
    await api.stop();
    throw error;
  }
}

export async function run(context: BenchContext): Promise<BenchResult[]> {
  const restarts = context.quick ? 1 : 3;
  const dataDir = await mkdtemp(join(tmpdir(), 'usm-bench-start-'));
  let api: SpawnedApi | undefined;
  try {
    const first = await timeToFirstQuery(dataDir);
    api = first.api;
    await api.stop();
    api = undefined;
    context.progress(`first start: ${first.ms.toFixed(0)} ms`);
    const restartMs: number[] = [];
    for (let index = 0; index < restarts; index += 1) {
      const again = await timeToFirstQuery(dataDir);
      api = again.api;
      await api.stop();
      api = undefined;
      restartMs.push(again.ms);
      context.progress(`restart: ${again.ms.toFixed(0)} ms`);
    }
    const median = percentile(restartMs, 0.5);
    return [
      {
        name: 'start, embedded database: restart on existing data',
        value: median,
        median,
        p95: Math.max(...restartMs),
        unit: 'ms',
        baseline: first.ms,
        ratio: median / first.ms,
        target: '< 3 s',
        holds: median < 3_000,
        notes: `spawn to first answered { __typename }; ${restarts} restarts (p95 column: slowest); baseline: first start`,
      },
      {
        name: 'start, embedded database: first start on an empty directory',
        value: first.ms,
        unit: 'ms',
        baseline: null,
        ratio: null,
        target: 'reported',
        holds: null,
        notes: 'creates the database, runs every migration, creates the first administrator',
      },
    ];
  } finally {
    await api?.stop();
    await rm(dataDir, { recursive: true, force: true });
  }
}
