/**
 * A profiling aid for the full-model read (not a suite): the large organisation, then `--requests` rounds
 * of one request each, one after another and interleaved (so a busy neighbour slows all alike), from
 * GraphQL executed compiled (the default), GraphQL through graphql-js's interpreter (a second server on
 * the same database) and the single-SQL baseline. Prints each request's wall time and this process's CPU
 * time (API and client). Run with `--cpu-prof` (a Node flag) to see where the time goes:
 *
 *   TSX_TSCONFIG_PATH=api/tsconfig.json node --cpu-prof --cpu-prof-dir=/tmp/prof --import tsx \
 *     test/bench/profile-full-read.ts --requests 5
 *
 * Sequential requests measure one read on an idle process; `pnpm bench full-model-read` measures
 * throughput under concurrency, which is what the target is about.
 */
import { PerformanceObserver } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { createUsmServer } from '@usm/api/src/server';
import { startBenchApi, storedUserId } from './bench-api';
import { fetchBaseline, startBaseline } from './full-model-baseline';
import { fetchGraphQL } from './suites/full-model-read';
import { DEFAULT_SIZES, generateSyntheticOrganisation, LARGE_SIZES } from './synthetic-organisation';

const { values } = parseArgs({
  options: {
    requests: { type: 'string', default: '5' },
    // e.g. --sides compiled, for a profile of one side alone
    sides: { type: 'string', default: 'compiled,interpreted,baseline' },
    size: { type: 'string', default: 'large' }, // or medium (DEFAULT_SIZES)
  },
});
const rounds = Number(values.requests);
const chosen = values.sides.split(',');

const api = await startBenchApi({ principalCacheMs: 0 });
const interpreted = await createUsmServer({
  database: api.database,
  explorer: false,
  reportStatements: true,
  principalCacheMs: 0,
  compiledExecution: false,
});
const interpretedPort = await interpreted.listen(0, '127.0.0.1');
const baseline = await startBaseline(api.database.orm.config.get('clientUrl')!);
try {
  const organisation = await generateSyntheticOrganisation(
    api.database,
    values.size === 'medium' ? DEFAULT_SIZES : LARGE_SIZES,
    42,
    {
      creatorId: storedUserId(api.userId),
      progress: (message) => console.error(message),
    },
  );
  const sides = {
    compiled: () => fetchGraphQL(api, organisation.organisationId),
    interpreted: () =>
      fetchGraphQL(
        { ...api, url: `http://127.0.0.1:${interpretedPort}/graphql` },
        organisation.organisationId,
      ),
    baseline: () => fetchBaseline(baseline.url, organisation.storedId),
  };
  type Side = keyof typeof sides;
  const figures: Record<Side, { wall: number[]; cpu: number[] }> = {
    compiled: { wall: [], cpu: [] },
    interpreted: { wall: [], cpu: [] },
    baseline: { wall: [], cpu: [] },
  };
  // Garbage collection pauses of this process, summed per request.
  let gcMs = 0;
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) gcMs += entry.duration;
  }).observe({ entryTypes: ['gc'] });
  for (let round = 0; round <= rounds; round += 1) {
    for (const side of chosen as Side[]) {
      const startedAt = performance.now();
      const cpuBefore = process.cpuUsage();
      gcMs = 0;
      await sides[side]();
      const cpu = process.cpuUsage(cpuBefore);
      const wall = performance.now() - startedAt;
      const cpuMs = (cpu.user + cpu.system) / 1000;
      console.error(
        `round ${round} ${side}: ${wall.toFixed(0)} ms, ${cpuMs.toFixed(0)} ms CPU, ${gcMs.toFixed(0)} ms in GC`,
      );
      if (round === 0) continue; // the first round warms up
      figures[side].wall.push(wall);
      figures[side].cpu.push(cpuMs);
    }
  }
  const median = (list: number[]) => [...list].sort((a, b) => a - b)[Math.floor(list.length / 2)]!;
  const baselineWall = chosen.includes('baseline') ? median(figures.baseline.wall) : NaN;
  for (const side of chosen as Side[]) {
    const wall = median(figures[side].wall);
    console.log(
      `${side.padEnd(11)}: median ${wall.toFixed(0)} ms (${(wall / baselineWall).toFixed(2)}× the baseline's), ` +
        `CPU in this process ${median(figures[side].cpu).toFixed(0)} ms`,
    );
  }
} finally {
  await baseline.close();
  await interpreted.stop();
  await api.close();
}
