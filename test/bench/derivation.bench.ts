/**
 * Derivation benchmark (a script, not a test): the API in process on its own PostgreSQL database, a
 * synthetic large organisation, then derive, re-derive and the completeness reads over HTTP, each timed
 * from the client with its SQL statement count (the `x-sql-statements` response header).
 *
 *   pnpm bench:derivation
 *
 * DATABASE_URL names the server (default postgresql://postgres@127.0.0.1:5432/postgres); the run creates its
 * own database there and drops it at the end, also on failure or Ctrl-C. The script line runs
 * `node --import tsx` with the API's tsconfig (type-graphql needs its decorator settings), in one process:
 * the tsx CLI's parent SIGKILLs a child that does not answer Ctrl-C within 30 ms, and a large read keeps
 * the event loop busy for longer, which would leave the database behind.
 * See docs/benchmarks.md for figures.
 */
import { cpus } from 'node:os';
import { openDatabase, type Database } from '@usm/api/src/persistence/database';
import { createUsmServer, type UsmServer } from '@usm/api/src/server';
import { createTestDatabase, type TestDatabase } from '../support/test-database';
import { generateSyntheticOrganisation, type SyntheticOrganisation } from './synthetic-organisation';

const WARM_UP_RUNS = 3;
const TIMED_RUNS = 20;
const SEED = 42;
/** No single request may hang the benchmark. */
const REQUEST_TIMEOUT_MS = 60_000;
/** The whole run is bounded too; it normally takes well under a minute. */
const WATCHDOG_MS = 270_000;

const PROCEDURE_SELECTION = 'id version steps { id position }';
const DERIVE = `mutation($input: DeriveProcedureInput!) { deriveProcedure(input: $input) { ${PROCEDURE_SELECTION} } }`;
const REDERIVE = `mutation($id: ID!) { rederiveProcedure(input: { procedureId: $id }) { ${PROCEDURE_SELECTION} } }`;
const CREATE_ORGANISATION = `mutation { createOrganisation(input: { name: "Small reference", template: USM_REFERENCE }) { id } }`;
const UPDATE_ACTIVITY = `mutation($input: UpdateActivityInput!) { updateActivity(input: $input) { id version } }`;
const COMPLETENESS = `query($id: ID!) { organisation(id: $id) { completeness { whoGaps howGaps percentComplete } } }`;
const PROCEDURES = `query($id: ID!) { organisation(id: $id) { procedures { id name outOfDate } } }`;
const OPERATE_AND_PROCEDURES = `query($id: ID!) {
  organisation(id: $id) {
    processes { key activities { id name version } }
    procedures { id sourceWorkflow { number } }
  }
}`;

interface Reply {
  data: any;
  statements: number;
  ms: number;
}

type Client = (query: string, variables?: Record<string, unknown>) => Promise<Reply>;

function httpClient(url: string): Client {
  return async (query, variables) => {
    const startedAt = performance.now();
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query, variables }),
      signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
    });
    const body = (await response.json()) as { data?: unknown; errors?: unknown[] };
    const ms = performance.now() - startedAt;
    if (body.errors?.length) throw new Error(`GraphQL errors: ${JSON.stringify(body.errors)}`);
    return { data: body.data, statements: Number(response.headers.get('x-sql-statements')), ms };
  };
}

interface Result {
  name: string;
  notes: string;
  runsMs: number[];
  statements: number[];
}

interface Case {
  name: string;
  notes: string;
  /** Untimed work before each run (warm-up runs included), e.g. an edit that gives the run real work. */
  prepare?: () => Promise<void>;
  run: () => Promise<Reply>;
  /** Throws when a reply is not what the case claims to measure. */
  check?: (reply: Reply) => void;
}

async function measure(spec: Case): Promise<Result> {
  const result: Result = { name: spec.name, notes: spec.notes, runsMs: [], statements: [] };
  for (let run = 0; run < WARM_UP_RUNS + TIMED_RUNS; run += 1) {
    await spec.prepare?.();
    const reply = await spec.run();
    spec.check?.(reply);
    if (run < WARM_UP_RUNS) continue;
    result.runsMs.push(reply.ms);
    result.statements.push(reply.statements);
  }
  process.stderr.write(`measured: ${spec.name}\n`);
  return result;
}

function expectSteps(count: number): (reply: Reply) => void {
  return (reply) => {
    const procedure = reply.data.deriveProcedure ?? reply.data.rederiveProcedure;
    if (procedure.steps.length !== count) {
      throw new Error(`Expected ${count} steps, got ${procedure.steps.length}`);
    }
  };
}

/** What the benchmark works on: the large synthetic organisation and a fresh small reference one. */
interface Scenery {
  large: SyntheticOrganisation;
  smallId: string;
  /** A workflow-6 procedure of the large organisation, with WHO and HOW filled in. */
  largeWorkflow6ProcedureId: string;
  /** A workflow-6 procedure of the small organisation, without assignments. */
  smallWorkflow6ProcedureId: string;
  renameOperate: Map<string, () => Promise<void>>;
}

async function prepareScenery(database: Database, client: Client): Promise<Scenery> {
  const large = await generateSyntheticOrganisation(database, {}, SEED);
  const smallId: string = (await client(CREATE_ORGANISATION)).data.createOrganisation.id;
  const smallDerived = await client(DERIVE, { input: { organisationId: smallId, workflowNumber: 6 } });
  const largeView = (await client(OPERATE_AND_PROCEDURES, { id: large.organisationId })).data.organisation;
  const smallView = (await client(OPERATE_AND_PROCEDURES, { id: smallId })).data.organisation;
  const largeWorkflow6 = largeView.procedures.find(
    (procedure: any) => procedure.sourceWorkflow?.number === 6,
  );
  if (!largeWorkflow6) throw new Error('The synthetic organisation has no workflow-6 procedure');
  return {
    large,
    smallId,
    largeWorkflow6ProcedureId: largeWorkflow6.id,
    smallWorkflow6ProcedureId: smallDerived.data.deriveProcedure.id,
    renameOperate: new Map([
      [large.organisationId, operateRenamer(client, largeView)],
      [smallId, operateRenamer(client, smallView)],
    ]),
  };
}

/**
 * Renames Operate's "Plan the activities" (on workflow 6's path) to a new name each call, so the next
 * re-derivation has a step to update. Keeps the version it gets back for the next edit.
 */
function operateRenamer(client: Client, organisation: any): () => Promise<void> {
  const operate = organisation.processes.find((process: any) => process.key === 'OPERATE');
  const activity = operate.activities.find((candidate: any) => candidate.name === 'Plan the activities');
  if (!activity) throw new Error('Operate has no "Plan the activities"');
  let version: number = activity.version;
  let edits = 0;
  return async () => {
    edits += 1;
    const input = { id: activity.id, version, name: `Plan the activities (edit ${edits})` };
    version = (await client(UPDATE_ACTIVITY, { input })).data.updateActivity.version;
  };
}

function derivationCases(client: Client, scenery: Scenery): Case[] {
  const derive = (organisationId: string, workflowNumber: number) => () =>
    client(DERIVE, { input: { organisationId, workflowNumber } });
  const largeSize = `${scenery.large.counts.procedures} procedures, ${scenery.large.counts.roles} roles`;
  return [
    {
      name: 'derive workflow 6 (30 steps), large org',
      notes: largeSize,
      run: derive(scenery.large.organisationId, 6),
      check: expectSteps(30),
    },
    {
      name: 'derive workflow 6 (30 steps), small org',
      notes: 'fresh reference org: baseline',
      run: derive(scenery.smallId, 6),
      check: expectSteps(30),
    },
    {
      name: 'derive workflow 5 (6 steps), large org',
      notes: 'fewer steps, same statements',
      run: derive(scenery.large.organisationId, 5),
      check: expectSteps(6),
    },
    {
      name: 'derive workflow 5 (6 steps), small org',
      notes: '',
      run: derive(scenery.smallId, 5),
      check: expectSteps(6),
    },
    rederiveAfterEdit(
      client,
      scenery,
      scenery.large.organisationId,
      scenery.largeWorkflow6ProcedureId,
      'large',
    ),
    rederiveAfterEdit(client, scenery, scenery.smallId, scenery.smallWorkflow6ProcedureId, 'small'),
    {
      name: 'rederive up-to-date procedure, large org',
      notes: 'nothing to write',
      run: () => client(REDERIVE, { id: scenery.largeWorkflow6ProcedureId }),
      check: expectUnchanged(),
    },
  ];
}

/** An up-to-date procedure must come back with the version it had: nothing was written. */
function expectUnchanged(): (reply: Reply) => void {
  let firstVersion: number | null = null;
  return (reply) => {
    const version: number = reply.data.rederiveProcedure.version;
    firstVersion ??= version;
    if (version !== firstVersion) throw new Error('Re-deriving an up-to-date procedure wrote to it');
    expectSteps(30)(reply);
  };
}

function rederiveAfterEdit(
  client: Client,
  scenery: Scenery,
  organisationId: string,
  procedureId: string,
  size: 'large' | 'small',
): Case {
  let lastVersion = -1;
  return {
    name: `rederive after source edit, ${size} org`,
    notes: size === 'large' ? 'WF6 procedure with WHO/HOW; 1 step renamed' : '1 step renamed',
    prepare: () => scenery.renameOperate.get(organisationId)!(),
    run: () => client(REDERIVE, { id: procedureId }),
    check: (reply) => {
      // A version bump proves the run re-derived for real instead of finding nothing to do.
      const version: number = reply.data.rederiveProcedure.version;
      if (version <= lastVersion) throw new Error('Re-derivation after an edit wrote nothing');
      lastVersion = version;
      expectSteps(30)(reply);
    },
  };
}

/** What every request costs before any resolver runs: the in-process client, HTTP and Apollo. */
function floorCase(client: Client): Case {
  return {
    name: 'floor: query { __typename }',
    notes: 'HTTP + Apollo, no SQL',
    run: () => client('query { __typename }'),
  };
}

function readCases(client: Client, scenery: Scenery): Case[] {
  const { organisationId, counts } = scenery.large;
  return [
    {
      name: 'organisation completeness, large org',
      notes: `${counts.procedures} procedures, ${counts.steps} steps`,
      run: () => client(COMPLETENESS, { id: organisationId }),
    },
    {
      name: 'procedures { id name outOfDate }, large org',
      notes: `${counts.procedures} procedures`,
      run: () => client(PROCEDURES, { id: organisationId }),
      check: (reply) => {
        if (reply.data.organisation.procedures.length < counts.procedures)
          throw new Error('Procedures missing');
      },
    },
  ];
}

function percentile(values: readonly number[], share: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  // Nearest rank: with 20 runs p95 is the 19th fastest, the median the 10th.
  return sorted[Math.max(0, Math.ceil(share * sorted.length) - 1)]!;
}

function statementsLabel(statements: readonly number[]): string {
  const low = Math.min(...statements);
  const high = Math.max(...statements);
  return low === high ? String(low) : `${low}–${high}`;
}

function printTable(results: readonly Result[]): void {
  const rows = [
    ['benchmark', 'median ms', 'p95 ms', 'SQL statements', 'notes'],
    ...results.map((result) => [
      result.name,
      percentile(result.runsMs, 0.5).toFixed(1),
      percentile(result.runsMs, 0.95).toFixed(1),
      statementsLabel(result.statements),
      result.notes,
    ]),
  ];
  const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => row[column]!.length)));
  const line = (row: string[]) =>
    row
      .map((cell, column) =>
        column >= 1 && column <= 3 ? cell.padStart(widths[column]!) : cell.padEnd(widths[column]!),
      )
      .join('  ')
      .trimEnd();
  console.log(line(rows[0]!));
  console.log(widths.map((width) => '-'.repeat(width)).join('  '));
  for (const row of rows.slice(1)) console.log(line(row));
}

async function printMachine(database: Database, large: SyntheticOrganisation): Promise<void> {
  const [row] = await database.orm.em.fork().getConnection().execute('show server_version');
  const cpu = cpus();
  console.log(`machine: ${cpu[0]?.model ?? 'unknown CPU'}, ${cpu.length} cores, Node ${process.version}`);
  console.log(
    `PostgreSQL ${row?.server_version}; ${WARM_UP_RUNS} warm-up + ${TIMED_RUNS} timed runs per row`,
  );
  console.log(`large org: ${JSON.stringify(large.counts)}`);
}

interface Running {
  testDatabase?: TestDatabase;
  database?: Database;
  server?: UsmServer;
}

async function benchmark(running: Running): Promise<void> {
  running.testDatabase = await createTestDatabase();
  running.database = await openDatabase({
    databaseUrl: running.testDatabase.url,
    dataDir: '',
    countStatements: true,
    quietMigrations: true,
  });
  running.server = await createUsmServer({
    database: running.database,
    explorer: false,
    reportStatements: true,
  });
  const port = await running.server.listen(0, '127.0.0.1');
  const client = httpClient(`http://127.0.0.1:${port}/graphql`);

  const scenery = await prepareScenery(running.database, client);
  const floor = await measure(floorCase(client));
  // The reads go first so they see exactly the generated procedures, not those the derive runs add.
  const reads = await measureAll(readCases(client, scenery));
  const derivations = await measureAll(derivationCases(client, scenery));
  console.log();
  printTable([floor, ...derivations, ...reads]);
  console.log();
  await printMachine(running.database, scenery.large);
}

async function measureAll(cases: readonly Case[]): Promise<Result[]> {
  const results: Result[] = [];
  for (const spec of cases) results.push(await measure(spec));
  return results;
}

/** Stops the server and drops the database, whatever state the run is in; safe to call twice. */
function cleanUp(running: Running): () => Promise<void> {
  let done: Promise<void> | null = null;
  return () =>
    (done ??= (async () => {
      await running.server?.stop().catch(report);
      await running.database?.close().catch(report);
      await running.testDatabase?.drop().catch(report);
    })());
}

function report(error: unknown): void {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
}

async function main(): Promise<void> {
  const running: Running = {};
  const finish = cleanUp(running);
  let aborted = false;
  const abort = (why: string) => {
    if (aborted) return;
    aborted = true;
    console.error(`${why} Dropping the benchmark database…`);
    process.exitCode = 1;
    void finish().then(() => process.exit(1));
  };
  const watchdog = setTimeout(
    () => abort(`Benchmark exceeded ${WATCHDOG_MS / 1000} s: aborted.`),
    WATCHDOG_MS,
  );
  // `on`, not `once`: Apollo Server stops itself on these signals and then raises the signal again, which
  // must land here (and be ignored) rather than kill the process before the database is dropped.
  process.on('SIGINT', () => abort('Interrupted.'));
  process.on('SIGTERM', () => abort('Terminated.'));
  try {
    await benchmark(running);
  } catch (error) {
    // After an interrupt the requests in flight fail as the server stops: that is not worth a stack.
    if (!aborted) report(error);
    process.exitCode = 1;
  } finally {
    clearTimeout(watchdog);
    await finish();
  }
}

await main();
