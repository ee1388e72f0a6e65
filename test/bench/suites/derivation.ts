/**
 * Derivation: deriveProcedure and rederiveProcedure over HTTP with the API in process, timed from the
 * client, with each request's SQL statement count. On the reference model (workflow 6: 30 steps;
 * workflow 5: 6 steps), on the 500-procedure synthetic organisation, and on the longest workflow of the
 * large organisation (2,000 activities); then 100 procedures derived one after another.
 * Target: < 50 ms for the 30-step procedure, and statements constant in step count.
 * (Moved here from derivation.bench.ts; `pnpm bench:derivation` runs this suite.)
 */
import { startBenchApi, storedUserId, type BenchApi, type Client, type Reply } from '../bench-api';
import { percentile, type BenchContext, type BenchResult } from '../result';
import { generateSyntheticOrganisation, LARGE_SIZES } from '../synthetic-organisation';

const PROCEDURE_SELECTION = 'id version steps { id position }';
const DERIVE = `mutation($input: DeriveProcedureInput!) { deriveProcedure(input: $input) { ${PROCEDURE_SELECTION} } }`;
const REDERIVE = `mutation($id: ID!) { rederiveProcedure(input: { procedureId: $id }) { ${PROCEDURE_SELECTION} } }`;
const CREATE_ORGANISATION = `mutation { createOrganisation(input: { name: "Reference", template: USM_REFERENCE }) { id } }`;
const UPDATE_ACTIVITY = `mutation($input: UpdateActivityInput!) { updateActivity(input: $input) { id version } }`;
const MODEL = `query($id: ID!) {
  organisation(id: $id) {
    processes { key activities { id name version } }
    workflows { number steps { position } }
  }
}`;

interface Measured {
  runsMs: number[];
  statements: number[];
}

interface Case {
  name: string;
  runs: number;
  warmUp: number;
  prepare?: () => Promise<void>;
  run: () => Promise<Reply>;
  check?: (reply: Reply) => void;
}

async function measure(spec: Case): Promise<Measured> {
  const result: Measured = { runsMs: [], statements: [] };
  for (let index = 0; index < spec.warmUp + spec.runs; index += 1) {
    await spec.prepare?.();
    const reply = await spec.run();
    spec.check?.(reply);
    if (index < spec.warmUp) continue;
    result.runsMs.push(reply.ms);
    result.statements.push(reply.statements);
  }
  return result;
}

function expectSteps(count: number): (reply: Reply) => void {
  return (reply) => {
    const procedure = reply.data.deriveProcedure ?? reply.data.rederiveProcedure;
    if (procedure.steps.length !== count)
      throw new Error(`Expected ${count} steps, got ${procedure.steps.length}`);
  };
}

/** Renames an activity on the path before each run, so each re-derivation has one step to update. */
function renamer(client: Client, activity: { id: string; version: number; name: string }) {
  let version = activity.version;
  let edits = 0;
  return async () => {
    edits += 1;
    const input = { id: activity.id, version, name: `${activity.name} (edit ${edits})` };
    version = (await client(UPDATE_ACTIVITY, { input })).data.updateActivity.version;
  };
}

function statementsLabel(statements: readonly number[]): string {
  const low = Math.min(...statements);
  const high = Math.max(...statements);
  return low === high ? String(low) : `${low}–${high}`;
}

function row(
  name: string,
  measured: Measured,
  target: string,
  holds: boolean | null,
  notes: string,
): BenchResult {
  const median = percentile(measured.runsMs, 0.5);
  return {
    name,
    value: median,
    median,
    p95: percentile(measured.runsMs, 0.95),
    unit: 'ms',
    baseline: null,
    ratio: null,
    target,
    holds,
    notes: `${statementsLabel(measured.statements)} statements; ${notes}`.trim(),
  };
}

export async function run(context: BenchContext): Promise<BenchResult[]> {
  const runs = context.quick ? 5 : 20;
  const warmUp = context.quick ? 1 : 3;
  const api: BenchApi = await startBenchApi();
  try {
    const client = api.client;
    const results: BenchResult[] = [];
    const derive = (organisationId: string, workflowNumber: number) => () =>
      client(DERIVE, { input: { organisationId, workflowNumber } });

    // The reference model: a fresh organisation as the API creates it.
    const reference: string = (await client(CREATE_ORGANISATION)).data.createOrganisation.id;
    const workflow6 = await measure({
      name: 'wf6',
      runs,
      warmUp,
      run: derive(reference, 6),
      check: expectSteps(30),
    });
    const workflow5 = await measure({
      name: 'wf5',
      runs,
      warmUp,
      run: derive(reference, 5),
      check: expectSteps(6),
    });
    context.progress('derived on the reference model');
    const constant =
      new Set(workflow6.statements).size === 1 &&
      statementsLabel(workflow6.statements) === statementsLabel(workflow5.statements);
    results.push(
      row(
        'derive workflow 6 (30 steps), reference model',
        workflow6,
        '< 50 ms',
        percentile(workflow6.runsMs, 0.5) < 50,
        '',
      ),
      row(
        'derive workflow 5 (6 steps), reference model',
        workflow5,
        'statements = 30-step',
        constant,
        `30 steps: ${statementsLabel(workflow6.statements)}`,
      ),
    );

    // Re-derive workflow 6 after an edit of an activity on its path, and when up to date.
    const model = (await client(MODEL, { id: reference })).data.organisation;
    const plan = model.processes
      .find((process: any) => process.key === 'OPERATE')
      .activities.find((activity: any) => activity.name === 'Plan the activities');
    const procedure = (await derive(reference, 6)()).data.deriveProcedure;
    let lastVersion = procedure.version;
    const rederived = await measure({
      name: 'rederive',
      runs,
      warmUp,
      prepare: renamer(client, plan),
      run: () => client(REDERIVE, { id: procedure.id }),
      check: (reply) => {
        const version = reply.data.rederiveProcedure.version;
        if (version <= lastVersion) throw new Error('Re-derivation after an edit wrote nothing');
        lastVersion = version;
        expectSteps(30)(reply);
      },
    });
    const upToDate = await measure({
      name: 'up to date',
      runs,
      warmUp,
      run: () => client(REDERIVE, { id: procedure.id }),
      check: (reply) => {
        if (reply.data.rederiveProcedure.version !== lastVersion)
          throw new Error('Re-deriving an up-to-date procedure wrote');
      },
    });
    results.push(
      row(
        'rederive workflow 6 after a source edit, reference model',
        rederived,
        'reported',
        null,
        '1 step renamed',
      ),
      row('rederive workflow 6 up to date, reference model', upToDate, 'reported', null, 'nothing to write'),
    );

    // 100 procedures derived one after another, rotating over the 8 workflows.
    const bulkCount = context.quick ? 20 : 100;
    const bulkStartedAt = performance.now();
    const bulk: Measured = { runsMs: [], statements: [] };
    for (let index = 0; index < bulkCount; index += 1) {
      const reply = await derive(reference, (index % 8) + 1)();
      bulk.runsMs.push(reply.ms);
      bulk.statements.push(reply.statements);
    }
    const bulkSeconds = (performance.now() - bulkStartedAt) / 1000;
    results.push({
      ...row(
        `bulk-derive ${bulkCount} procedures (workflows 1–8), per procedure`,
        bulk,
        'reported',
        null,
        '',
      ),
      notes: `${bulkSeconds.toFixed(2)} s in all; ${statementsLabel(bulk.statements)} statements each`,
    });
    context.progress('bulk derivation done');

    // The large organisation: 2,000 activities; its longest workflow.
    const sizes = context.quick
      ? { activities: 300, roles: 20, tools: 10, procedures: 50, workInstructions: 200 }
      : LARGE_SIZES;
    const large = await generateSyntheticOrganisation(api.database, sizes, 42, {
      creatorId: storedUserId(api.userId),
      progress: context.progress,
    });
    const largeModel = (await client(MODEL, { id: large.organisationId })).data.organisation;
    const longest = largeModel.workflows.reduce((best: any, workflow: any) =>
      workflow.steps.length > best.steps.length ? workflow : best,
    );
    const longestSteps: number = longest.steps.length;
    const largeRuns = context.quick ? 2 : 5;
    const largeDerive = await measure({
      name: 'large',
      runs: largeRuns,
      warmUp: 1,
      run: derive(large.organisationId, longest.number),
      check: expectSteps(longestSteps),
    });
    const largeProcedure = (await derive(large.organisationId, longest.number)()).data.deriveProcedure;
    const operate = largeModel.processes.find((process: any) => process.key === 'OPERATE');
    const largeRederive = await measure({
      name: 'large rederive',
      runs: largeRuns,
      warmUp: 1,
      prepare: renamer(client, operate.activities[0]),
      run: () => client(REDERIVE, { id: largeProcedure.id }),
      check: expectSteps(longestSteps),
    });
    const largeNotes = `${large.counts.activities} activities, ${large.counts.procedures} procedures`;
    results.push(
      row(
        `derive workflow ${longest.number} (${longestSteps} steps), large org`,
        largeDerive,
        'statements = 30-step',
        statementsLabel(largeDerive.statements) === statementsLabel(workflow6.statements),
        largeNotes,
      ),
      row(
        `rederive workflow ${longest.number} (${longestSteps} steps) after a source edit, large org`,
        largeRederive,
        'reported',
        null,
        `1 step renamed; ${largeNotes}`,
      ),
    );
    return results;
  } finally {
    await api.close();
  }
}
