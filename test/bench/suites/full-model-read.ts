/**
 * Full-model read: one organisation's whole model (processes, activities, hand-overs, workflows, roles,
 * tools, procedures with steps, responsibilities and work instructions) through GraphQL, side by side with
 * a hand-written baseline in the same run: one SQL statement building the same JSON with json_agg, served
 * by a bare Node http handler on its own pg pool. Both answer over HTTP on loopback with the same load loop.
 * Reports throughput (target ≥ 0.5× the baseline's), latency and SQL statements per request at two model
 * sizes (the GraphQL count must not grow with the model). The API executes operations compiled
 * (graphql-jit), as it is deployed; a second API on the same database executing with graphql-js's
 * interpreter is measured alongside, for reference (its rows have no target).
 *
 * Throughput is measured against processes of their own, as deployed (`api/src/main.ts` as `pnpm start`
 * runs it, twice, and `baseline-server.ts`), so that no server shares a thread with the load generator.
 * An API in this process serves what needs its internals: generating the organisation, signing in,
 * the statement counts and the byte-for-byte comparison.
 */
import {
  newSession,
  runInterleavedLoad,
  spawnApi,
  spawnScript,
  startBenchApi,
  storedUserId,
  type BenchApi,
  type LoadResult,
} from '../bench-api';
import { fetchBaseline } from '../full-model-baseline';
import type { BenchContext, BenchResult } from '../result';
import {
  DEFAULT_SIZES,
  generateSyntheticOrganisation,
  LARGE_SIZES,
  type SyntheticOrganisation,
  type SyntheticSizes,
} from '../synthetic-organisation';

export const FULL_MODEL = /* GraphQL */ `
  query FullModel($id: ID!) {
    organisation(id: $id) {
      id
      name
      version
      processes {
        id
        key
        name
        purpose
        version
        activities {
          id
          name
          description
          position
          version
          handovers {
            id
            callType
            kind
          }
        }
      }
      workflows {
        id
        number
        name
        trigger
      }
      roles {
        id
        name
        description
        version
      }
      tools {
        id
        name
        description
        version
      }
      procedures {
        id
        name
        version
        sourceKind
        steps {
          id
          position
          depth
          obsolete
          derivedName
          activity {
            id
          }
          responsibilities {
            role {
              id
            }
            raci
          }
          workInstructions {
            id
            text
            version
            role {
              id
            }
            tools {
              id
            }
          }
        }
      }
    }
  }
`;

export async function fetchGraphQL(
  api: BenchApi,
  organisationId: string,
): Promise<{ text: string; statements: number }> {
  const response = await fetch(api.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${api.token}` },
    body: JSON.stringify({ query: FULL_MODEL, variables: { id: organisationId } }),
    signal: AbortSignal.timeout(120_000),
  });
  const text = await response.text();
  if (!response.ok || text.includes('"errors"')) throw new Error(`GraphQL failed: ${text.slice(0, 2000)}`);
  return { text, statements: Number(response.headers.get('x-sql-statements')) };
}

interface SizeRun {
  label: string;
  organisation: SyntheticOrganisation;
  bytes: number;
  graphql: LoadResult;
  interpreted: LoadResult;
  baseline: LoadResult;
  graphqlStatements: Set<number>;
}

/** The API and the baseline, each as its own process on the benchmark's database. */
interface Servers {
  compiled: BenchApi;
  interpreted: BenchApi;
  baselineUrl: string;
  stop(): Promise<void>;
}

async function spawnServers(api: BenchApi, databaseUrl: string): Promise<Servers> {
  const stops: (() => Promise<void>)[] = [];
  const stop = async () => {
    await Promise.all(stops.map((each) => each()));
  };
  try {
    const compiled = await spawnApi({ DATABASE_URL: databaseUrl });
    stops.push(compiled.stop);
    const interpreted = await spawnApi({ DATABASE_URL: databaseUrl, USM_COMPILED_EXECUTION: 'false' });
    stops.push(interpreted.stop);
    const baseline = await spawnScript({
      what: 'baseline',
      args: ['--import', 'tsx', 'test/bench/baseline-server.ts'],
      env: { DATABASE_URL: databaseUrl },
      ready: /Baseline listening at http:\/\/127\.0\.0\.1:(\d+)\//,
      timeoutMs: 60_000,
    });
    stops.push(baseline.stop);
    return {
      compiled: { ...api, url: compiled.url },
      interpreted: { ...api, url: interpreted.url },
      baselineUrl: `http://127.0.0.1:${baseline.port}/`,
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}

export async function run(context: BenchContext): Promise<BenchResult[]> {
  const sizes: [string, Partial<SyntheticSizes>][] = context.quick
    ? [
        ['small', { roles: 10, tools: 5, procedures: 20 }],
        ['large', { activities: 200, roles: 40, tools: 10, procedures: 100, workInstructions: 1_000 }],
      ]
    : [
        ['medium', DEFAULT_SIZES],
        ['large', LARGE_SIZES],
      ];
  // The session cache would make every other request one statement shorter (a session read or not): off,
  // so the count shows what the read itself costs. Its effect on a multi-megabyte read is nil.
  const api = await startBenchApi({ principalCacheMs: 0 });
  let servers: Servers | undefined;
  try {
    context.progress(
      'starting the API (compiled and interpreted) and the baseline as processes of their own',
    );
    servers = await spawnServers(api, api.database.orm.config.get('clientUrl')!);
    const runs: SizeRun[] = [];
    for (const [label, size] of sizes) {
      const organisation = await generateSyntheticOrganisation(api.database, size, 42, {
        creatorId: storedUserId(api.userId),
        progress: context.progress,
      });
      // The spawned processes may have cached the user's memberships from before this organisation.
      const session = await newSession(api);
      const fresh = {
        ...servers,
        compiled: { ...servers.compiled, token: session.token },
        interpreted: { ...servers.interpreted, token: session.token },
      };
      runs.push(await measureSize(context, api, fresh, label, organisation));
    }
    return results(runs);
  } finally {
    await servers?.stop();
    await api.close();
  }
}

async function measureSize(
  context: BenchContext,
  api: BenchApi,
  servers: Servers,
  label: string,
  organisation: SyntheticOrganisation,
): Promise<SizeRun> {
  // The same JSON from all of them, or the comparison means nothing.
  const baselineJson = JSON.stringify(
    JSON.parse((await fetchBaseline(servers.baselineUrl, organisation.storedId)).text),
  );
  let graphqlJson = '';
  for (const [name, from] of [
    ['GraphQL in process', api],
    ['GraphQL', servers.compiled],
    ['GraphQL (interpreted)', servers.interpreted],
  ] as const) {
    graphqlJson = JSON.stringify(JSON.parse((await fetchGraphQL(from, organisation.organisationId)).text));
    if (graphqlJson !== baselineJson) {
      const at = [...graphqlJson].findIndex((character, index) => character !== baselineJson[index]);
      throw new Error(
        `${label}: ${name} and the baseline differ at ${at}: ` +
          `${graphqlJson.slice(at - 80, at + 80)}\n  vs ${baselineJson.slice(at - 80, at + 80)}`,
      );
    }
  }
  const bytes = graphqlJson.length;
  context.progress(`${label}: ${(bytes / 1e6).toFixed(1)} MB of identical JSON; measuring`);
  const large = bytes > 2e6;
  // Statements per request from the API in this process (the spawned ones do not report them).
  const statements = new Set<number>();
  for (let index = 0; index < 2; index += 1) {
    statements.add((await fetchGraphQL(api, organisation.organisationId)).statements);
  }
  // Interleaved (bench-api.ts): on a shared machine the three sides must see the same neighbours.
  const measured = await runInterleavedLoad({
    sides: {
      graphql: () => fetchGraphQL(servers.compiled, organisation.organisationId),
      interpreted: () => fetchGraphQL(servers.interpreted, organisation.organisationId),
      baseline: () => fetchBaseline(servers.baselineUrl, organisation.storedId),
    },
    concurrency: 2,
    rounds: context.quick ? 1 : large ? 3 : 4,
    requestsPerRound: context.quick ? 2 : large ? 4 : 10,
  });
  const { graphql, interpreted, baseline: base } = measured;
  context.progress(
    `${label}: GraphQL ${graphql.throughput.toFixed(2)} req/s, interpreted ${interpreted.throughput.toFixed(2)}, ` +
      `baseline ${base.throughput.toFixed(2)}`,
  );
  return { label, organisation, bytes, graphql, interpreted, baseline: base, graphqlStatements: statements };
}

function results(runs: SizeRun[]): BenchResult[] {
  const rows: BenchResult[] = [];
  for (const run of runs) {
    const { counts } = run.organisation;
    const size =
      `${run.label}: ${counts.activities} activities, ${counts.procedures} procedures, ${counts.steps} steps, ` +
      `${counts.workInstructions} instructions, ${(run.bytes / 1e6).toFixed(1)} MB`;
    const ratio = run.graphql.throughput / run.baseline.throughput;
    rows.push({
      name: `full-model read throughput, ${run.label}`,
      value: run.graphql.throughput,
      unit: 'req/s',
      baseline: run.baseline.throughput,
      ratio,
      target: '≥ 0.5× baseline',
      holds: ratio >= 0.5,
      notes: `${size}; concurrency 2; ${run.graphql.requests} + ${run.baseline.requests} requests`,
    });
    rows.push({
      name: `full-model read latency, ${run.label}`,
      value: run.graphql.medianMs,
      median: run.graphql.medianMs,
      p95: run.graphql.p95Ms,
      unit: 'ms',
      baseline: run.baseline.medianMs,
      ratio: run.graphql.medianMs / run.baseline.medianMs,
      target: 'reported',
      holds: null,
      notes: `baseline p95 ${run.baseline.p95Ms.toFixed(0)} ms`,
    });
    const interpretedRatio = run.interpreted.throughput / run.baseline.throughput;
    rows.push({
      name: `full-model read throughput, ${run.label}, graphql-js interpreter`,
      value: run.interpreted.throughput,
      unit: 'req/s',
      baseline: run.baseline.throughput,
      ratio: interpretedRatio,
      target: 'reported',
      holds: null,
      notes: `the same API executing with graphql-js; ${run.interpreted.requests} requests; latency median ${run.interpreted.medianMs.toFixed(0)} ms`,
    });
  }
  const counts = runs.map((run) => [...run.graphqlStatements]);
  const constant = counts.every((list) => list.length === 1) && new Set(counts.flat()).size === 1;
  rows.push({
    name: 'full-model read SQL statements per request',
    value: Math.max(...counts.flat()),
    unit: 'statements',
    baseline: 1,
    ratio: null,
    target: 'same at both sizes',
    holds: constant,
    notes: runs.map((run, index) => `${run.label}: ${counts[index]!.join('/')}`).join(', '),
  });
  return rows;
}
