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
import { createServer, type Server } from 'node:http';
import pg from 'pg';
import {
  runInterleavedLoad,
  spawnApi,
  spawnScript,
  startBenchApi,
  storedUserId,
  type BenchApi,
  type LoadResult,
} from '../bench-api';
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

/** The GraphQL global id (base64url of "Type:uuid", unpadded) computed in SQL. */
const gid = (type: string, column: string) =>
  `translate(encode(convert_to('${type}:' || ${column}::text, 'UTF8'), 'base64'), E'+/=\\n', '-_')`;

/** The same JSON as FULL_MODEL's response, in one statement. $1 is the organisation's stored id. */
export const BASELINE_SQL = `
with
instruction_tools as (
  select link.work_instruction_id,
         json_agg(json_build_object('id', ${gid('Tool', 'tool.id')}) order by tool.name) as list
  from work_instruction_tool link
  join work_instruction instruction on instruction.id = link.work_instruction_id
  join tool on tool.id = link.tool_id
  where instruction.organisation_id = $1
  group by link.work_instruction_id
),
instructions as (
  select instruction.step_id,
         json_agg(json_build_object(
           'id', ${gid('WorkInstruction', 'instruction.id')},
           'text', instruction.text,
           'version', instruction.version,
           'role', json_build_object('id', ${gid('Role', 'instruction.role_id')}),
           'tools', coalesce(instruction_tools.list, '[]'::json)
         ) order by instruction.created_at, instruction.id) as list
  from work_instruction instruction
  left join instruction_tools on instruction_tools.work_instruction_id = instruction.id
  where instruction.organisation_id = $1
  group by instruction.step_id
),
responsibilities as (
  select responsibility.step_id,
         json_agg(json_build_object(
           'role', json_build_object('id', ${gid('Role', 'responsibility.role_id')}),
           'raci', responsibility.raci
         ) order by responsibility.created_at, responsibility.id) as list
  from responsibility
  where responsibility.organisation_id = $1
  group by responsibility.step_id
),
steps as (
  select step.procedure_id,
         json_agg(json_build_object(
           'id', ${gid('ProcedureStep', 'step.id')},
           'position', step.position,
           'depth', step.depth,
           'obsolete', step.obsolete,
           'derivedName', step.activity_name,
           'activity', json_build_object('id', ${gid('Activity', 'step.activity_id')}),
           'responsibilities', coalesce(responsibilities.list, '[]'::json),
           'workInstructions', coalesce(instructions.list, '[]'::json)
         ) order by step.position) as list
  from procedure_step step
  left join responsibilities on responsibilities.step_id = step.id
  left join instructions on instructions.step_id = step.id
  where step.organisation_id = $1
  group by step.procedure_id
),
handovers as (
  select handover.from_activity_id,
         json_agg(json_build_object(
           'id', ${gid('Handover', 'handover.id')}, 'callType', handover.call_type, 'kind', handover.kind
         ) order by handover.kind, handover.call_type) as list
  from handover
  where handover.organisation_id = $1
  group by handover.from_activity_id
),
activities as (
  select activity.process_id,
         json_agg(json_build_object(
           'id', ${gid('Activity', 'activity.id')},
           'name', activity.name,
           'description', activity.description,
           'position', activity.position,
           'version', activity.version,
           'handovers', coalesce(handovers.list, '[]'::json)
         ) order by activity.position) as list
  from activity
  left join handovers on handovers.from_activity_id = activity.id
  where activity.organisation_id = $1 and activity.deleted_at is null
  group by activity.process_id
)
select json_build_object('data', json_build_object('organisation', json_build_object(
  'id', ${gid('Organisation', 'organisation.id')},
  'name', organisation.name,
  'version', organisation.version,
  'processes', (
    select coalesce(json_agg(json_build_object(
      'id', ${gid('Process', 'process.id')}, 'key', process.key, 'name', process.name,
      'purpose', process.purpose, 'version', process.version,
      'activities', coalesce(activities.list, '[]'::json)
    ) order by array_position(array['AGREE','CHANGE','RECOVER','OPERATE','IMPROVE'], process.key)), '[]'::json)
    from process left join activities on activities.process_id = process.id
    where process.organisation_id = organisation.id
  ),
  'workflows', (
    select coalesce(json_agg(json_build_object(
      'id', ${gid('Workflow', 'workflow.id')}, 'number', workflow.number, 'name', workflow.name,
      'trigger', workflow.trigger
    ) order by workflow.number), '[]'::json)
    from workflow where workflow.organisation_id = organisation.id
  ),
  'roles', (
    select coalesce(json_agg(json_build_object(
      'id', ${gid('Role', 'role.id')}, 'name', role.name, 'description', role.description, 'version', role.version
    ) order by role.name), '[]'::json)
    from role where role.organisation_id = organisation.id
  ),
  'tools', (
    select coalesce(json_agg(json_build_object(
      'id', ${gid('Tool', 'tool.id')}, 'name', tool.name, 'description', tool.description, 'version', tool.version
    ) order by tool.name), '[]'::json)
    from tool where tool.organisation_id = organisation.id
  ),
  'procedures', (
    select coalesce(json_agg(json_build_object(
      'id', ${gid('Procedure', 'procedure.id')}, 'name', procedure.name, 'version', procedure.version,
      'sourceKind', procedure.source_kind,
      'steps', coalesce(steps.list, '[]'::json)
    ) order by procedure.created_at, procedure.id), '[]'::json)
    from procedure left join steps on steps.procedure_id = procedure.id
    where procedure.organisation_id = organisation.id
  )
)))::text as body
from organisation where organisation.id = $1
`;

interface Baseline {
  url: string;
  close(): Promise<void>;
}

/** The baseline: `GET /?id=<stored id>` answers the one statement's text as it is. */
export async function startBaseline(databaseUrl: string): Promise<Baseline> {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 10 });
  const server: Server = createServer((request, response) => {
    const id = new URL(request.url ?? '/', 'http://localhost').searchParams.get('id');
    pool.query<{ body: string }>(BASELINE_SQL, [id]).then(
      ({ rows }) => {
        response.setHeader('content-type', 'application/json');
        response.setHeader('x-sql-statements', '1');
        response.end(rows[0]?.body ?? '{"data":{"organisation":null}}');
      },
      (error: Error) => {
        response.statusCode = 500;
        response.end(error.message);
      },
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}/`,
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await pool.end();
    },
  };
}

export async function fetchBaseline(
  url: string,
  storedId: string,
): Promise<{ text: string; statements: number }> {
  const response = await fetch(`${url}?id=${storedId}`, { signal: AbortSignal.timeout(120_000) });
  const text = await response.text();
  if (!response.ok) throw new Error(`baseline failed: ${text}`);
  return { text, statements: Number(response.headers.get('x-sql-statements')) };
}

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
      runs.push(await measureSize(context, api, servers, label, organisation));
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
