import { randomUUID } from 'node:crypto';
import { deriveSteps, type DerivedStep } from '@usm/api/src/domain/derivation/derive';
import { measureCompleteness } from '@usm/api/src/domain/derivation/completeness';
import {
  assertSingleAccountable,
  normaliseRaci,
  type Raci,
} from '@usm/api/src/domain/derivation/responsibilities';
import { isInstructionObsolete } from '@usm/api/src/domain/derivation/work-instructions';
import { validName } from '@usm/api/src/domain/validation';
import { PROCESS_KEYS, type ProcessKey } from '@usm/api/src/domain/usm';
import { toGlobalId } from '@usm/api/src/graphql/global-id';
import type { Database } from '@usm/api/src/persistence/database';
import { Workflow } from '@usm/api/src/persistence/entities';
import { loadOrganisationModel, type OrganisationModel } from '@usm/api/src/services/organisation-model';
import { createOrganisation } from '@usm/api/src/services/organisations';
import { derivationSourceOf } from '@usm/api/src/services/procedure-source';

// The test package does not depend on MikroORM itself: take the entity manager type from the API's.
type EntityManager = ReturnType<Database['orm']['em']['fork']>;

/**
 * A large, deterministic organisation for benchmarks: the USM reference model created through the service
 * (5 processes, 37 activities, the 8 workflows and their hand-overs), then roles, tools and procedures
 * with WHO (RACI) and HOW (work instructions), and optionally more activities, all written with bulk SQL
 * inserts (a few statements per table). The same seed and sizes always give the same shape and names;
 * only the stored ids (UUIDs) differ.
 *
 * Procedures are derived (with the API's own derivation core) from the model as it is before the extra
 * activities are added: like an organisation that derived its procedures and then grew its processes,
 * the procedures are then out of date with the grown model. Deriving them on a 2,000-activity model
 * would give about 1,000 steps each, far more than the 20,000 work instructions imply.
 * Every row is checked against the domain's rules before it is written (see `checkPlan`).
 */
export interface SyntheticSizes {
  /** Live activities in all (spread over the five processes, appended after the reference ones); 0 = the reference's 37. */
  activities: number;
  roles: number;
  tools: number;
  procedures: number;
  /** Exactly this many work instructions; null = about 70% of the Responsible assignments. */
  workInstructions: number | null;
}

export const DEFAULT_SIZES: SyntheticSizes = {
  activities: 0,
  roles: 200,
  tools: 50,
  procedures: 500,
  workInstructions: null,
};

/** The large organisation: all 8 workflows and 5 processes with 2,000 activities in all. */
export const LARGE_SIZES: SyntheticSizes = {
  activities: 2_000,
  roles: 500,
  tools: 100,
  procedures: 2_000,
  workInstructions: 20_000,
};

export interface SyntheticOrganisation {
  /** GraphQL global id */
  organisationId: string;
  storedId: string;
  counts: SyntheticCounts;
}

export interface SyntheticCounts {
  activities: number;
  roles: number;
  tools: number;
  procedures: number;
  steps: number;
  responsibilities: number;
  workInstructions: number;
  workInstructionTools: number;
}

export interface GenerateOptions {
  /** A user who becomes the organisation's OWNER (so benchmarks can read it signed in). */
  creatorId?: string;
  progress?: (message: string) => void;
}

/** Share of Responsible assignments that get a work instruction when no exact number is asked for. */
const INSTRUCTED_SHARE = 0.7;
/** Guards against a typo turning the benchmark into an hour-long load. */
const MAX_SIZE = 100_000;
/** Rows per INSERT statement (each statement sends its rows as one JSON parameter). */
const ROWS_PER_INSERT = 10_000;

export async function generateSyntheticOrganisation(
  database: Database,
  sizes: Partial<SyntheticSizes> = {},
  seed = 1,
  options: GenerateOptions = {},
): Promise<SyntheticOrganisation> {
  const progress =
    options.progress ?? ((message: string) => process.stderr.write(`synthetic organisation: ${message}\n`));
  const wanted = checkedSizes({ ...DEFAULT_SIZES, ...sizes });
  const random = mulberry32(seed);
  const startedAt = performance.now();
  const say = (message: string) => progress(`${message} (${elapsedSeconds(startedAt)} s)`);

  const organisation = await createOrganisation(database.orm.em.fork(), {
    name: `Synthetic organisation (seed ${seed})`,
    template: 'USM_REFERENCE',
    creatorId: options.creatorId ?? null,
  });
  const storedId = organisation.id;
  const em = database.orm.em.fork();
  const model = await loadOrganisationModel(em, storedId);
  const plan = await planOrganisation(em, storedId, model, wanted, random);
  checkPlan(plan, model);
  say(
    `planned ${plan.procedures.length} procedures, ${plan.steps.length} steps, ` +
      `${plan.responsibilities.length} responsibilities, ${plan.instructions.length} work instructions`,
  );
  await writePlan(em, plan);
  // Fresh planner statistics, as a database in use has them: without them the first queries after a
  // bulk load can pick plans hundreds of times slower than usual.
  await em.getConnection().execute('analyze');
  say('written');
  return { organisationId: toGlobalId('Organisation', storedId), storedId, counts: countsOf(plan, model) };
}

function checkedSizes(sizes: SyntheticSizes): SyntheticSizes {
  for (const [name, value] of Object.entries(sizes)) {
    if (name === 'workInstructions' && value === null) continue;
    if (!Number.isInteger(value) || value < 0 || value > MAX_SIZE) {
      throw new Error(
        `Synthetic organisation: ${name} must be an integer from 0 to ${MAX_SIZE}, not ${value}`,
      );
    }
  }
  // Two distinct Responsible roles and two distinct tools per instruction need at least two of each.
  if (sizes.procedures > 0 && (sizes.roles < 2 || sizes.tools < 2)) {
    throw new Error('Synthetic organisation: procedures need at least 2 roles and 2 tools');
  }
  return sizes;
}

// ---------------------------------------------------------------------------------------------------
// The plan: every row, in memory, before anything is written.

interface Row {
  id: string;
  /** Creation order: created_at is the generation time plus this many microseconds. */
  seq: number;
}
interface NamedRow extends Row {
  name: string;
  description: string;
}
interface ActivityRow extends NamedRow {
  processId: string;
  processKey: ProcessKey;
  position: number;
}
interface ProcedureRow extends Row {
  name: string;
  sourceKind: 'PROCESS' | 'WORKFLOW';
  sourceProcessKey: ProcessKey | null;
  sourceWorkflowId: string | null;
}
interface StepRow extends Row {
  procedureId: string;
  activityId: string;
  occurrence: number;
  position: number;
  depth: number;
  processKey: ProcessKey;
  activityName: string;
}
interface ResponsibilityRow extends Row {
  stepId: string;
  roleId: string;
  raci: Raci[];
}
interface InstructionRow extends Row {
  procedureId: string;
  stepId: string;
  roleId: string;
  text: string;
  toolIds: string[];
}

interface Plan {
  organisationId: string;
  activities: ActivityRow[];
  roles: NamedRow[];
  tools: NamedRow[];
  procedures: ProcedureRow[];
  steps: StepRow[];
  responsibilities: ResponsibilityRow[];
  instructions: InstructionRow[];
}

/** One of the 13 things a procedure can be derived from, with the steps derivation gives it. */
interface ProcedureSource {
  name: string;
  workflowId: string | null;
  processKey: ProcessKey | null;
  steps: DerivedStep[];
}

async function planOrganisation(
  em: EntityManager,
  organisationId: string,
  model: OrganisationModel,
  sizes: SyntheticSizes,
  random: Random,
): Promise<Plan> {
  let seq = 0;
  const next = () => (seq += 1);
  // Zero-padded numbers keep "by name" order equal to creation order.
  const roles = Array.from({ length: sizes.roles }, (_, index) => ({
    id: randomUUID(),
    seq: next(),
    name: `Role ${pad(index + 1)}`,
    description: 'Synthetic role.',
  }));
  const tools = Array.from({ length: sizes.tools }, (_, index) => ({
    id: randomUUID(),
    seq: next(),
    name: `Tool ${pad(index + 1)}`,
    description: 'Synthetic tool.',
  }));
  const plan: Plan = {
    organisationId,
    activities: [],
    roles,
    tools,
    procedures: [],
    steps: [],
    responsibilities: [],
    instructions: [],
  };

  const sources = await procedureSources(em, organisationId, model);
  const responsibleSlots: { step: StepRow; procedureId: string; role: NamedRow }[] = [];
  for (let index = 0; index < sizes.procedures; index += 1) {
    const source = sources[index % sources.length]!;
    const procedure: ProcedureRow = {
      id: randomUUID(),
      seq: next(),
      name: `${source.name} ${pad(index + 1)}`,
      sourceKind: source.workflowId ? 'WORKFLOW' : 'PROCESS',
      sourceProcessKey: source.processKey,
      sourceWorkflowId: source.workflowId,
    };
    plan.procedures.push(procedure);
    source.steps.forEach((derived, stepIndex) => {
      // The same columns as createStep in api/src/services/procedures.ts.
      const step: StepRow = {
        id: randomUUID(),
        seq: next(),
        procedureId: procedure.id,
        activityId: derived.activityId,
        occurrence: derived.occurrence,
        position: stepIndex + 1,
        depth: derived.depth,
        processKey: derived.processKey,
        activityName: derived.activityName,
      };
      plan.steps.push(step);
      // WHO: one random role Accountable, one or two Responsible (a role may hold both, as in practice).
      const responsible = distinctIndices(random, roles.length, random() < 0.5 ? 1 : 2);
      const accountable = Math.floor(random() * roles.length);
      const letters = new Map<number, Raci[]>(responsible.map((role) => [role, ['R']]));
      letters.set(accountable, normaliseRaci([...(letters.get(accountable) ?? []), 'A']));
      for (const [role, raci] of letters) {
        plan.responsibilities.push({
          id: randomUUID(),
          seq: next(),
          stepId: step.id,
          roleId: roles[role]!.id,
          raci,
        });
      }
      for (const role of responsible)
        responsibleSlots.push({ step, procedureId: procedure.id, role: roles[role]! });
    });
  }

  // HOW: which Responsible assignments get an instruction. An exact number picks that many slots at
  // random (kept in slot order); otherwise each slot gets one with INSTRUCTED_SHARE probability.
  const chosen =
    sizes.workInstructions === null
      ? responsibleSlots.filter(() => random() < INSTRUCTED_SHARE)
      : pickInOrder(random, responsibleSlots, sizes.workInstructions);
  for (const slot of chosen) {
    const toolRows = distinctIndices(random, tools.length, random() < 0.5 ? 1 : 2).map(
      (index) => tools[index]!,
    );
    plan.instructions.push({
      id: randomUUID(),
      seq: next(),
      procedureId: slot.procedureId,
      stepId: slot.step.id,
      roleId: slot.role.id,
      text: `${slot.role.name}: ${slot.step.activityName.toLowerCase()} with ${toolRows.map((tool) => tool.name).join(' and ')}.`,
      toolIds: toolRows.map((tool) => tool.id),
    });
  }

  plan.activities = extraActivities(model, sizes.activities, next);
  return plan;
}

/**
 * The 8 workflows then the 5 processes, each derived once with the service's own derivation core on the
 * reference model: every procedure of a source has the steps deriveProcedure would have given it then.
 */
async function procedureSources(
  em: EntityManager,
  organisationId: string,
  model: OrganisationModel,
): Promise<ProcedureSource[]> {
  const workflows = await em.find(Workflow, { organisation: organisationId }, { orderBy: { number: 'asc' } });
  const fromWorkflows = workflows.map((workflow) => ({
    name: workflow.name,
    workflowId: workflow.id,
    processKey: null,
    steps: deriveSteps(
      model,
      derivationSourceOf({ sourceKind: 'WORKFLOW', sourceProcessKey: null }, workflow),
    ),
  }));
  const fromProcesses = PROCESS_KEYS.map((key) => ({
    name: model.processes.get(key)!.name,
    workflowId: null,
    processKey: key,
    steps: deriveSteps(model, derivationSourceOf({ sourceKind: 'PROCESS', sourceProcessKey: key }, null)),
  }));
  return [...fromWorkflows, ...fromProcesses];
}

/**
 * Activities appended to the five processes until there are `total` live activities, spread in
 * proportion to the reference's (so Operate, the largest, stays the largest); none when total ≤ 37.
 */
function extraActivities(model: OrganisationModel, total: number, next: () => number): ActivityRow[] {
  const existing = PROCESS_KEYS.map((key) => model.expansion.activitiesByProcess.get(key)?.length ?? 0);
  const have = existing.reduce((sum, count) => sum + count, 0);
  if (total <= have) return [];
  const targets = existing.map((count) => Math.floor((count / have) * total));
  targets[targets.indexOf(Math.max(...targets))]! += total - targets.reduce((sum, count) => sum + count, 0);
  const rows: ActivityRow[] = [];
  PROCESS_KEYS.forEach((key, processIndex) => {
    const process = model.processes.get(key)!;
    for (let position = existing[processIndex]! + 1; position <= targets[processIndex]!; position += 1) {
      rows.push({
        id: randomUUID(),
        seq: next(),
        processId: process.id,
        processKey: key,
        position,
        name: `${process.name} activity ${pad(position)}`,
        description: 'Synthetic activity.',
      });
    }
  });
  return rows;
}

/**
 * The domain's rules over every planned row, so a benchmark never measures a model the API could not
 * have produced: names are valid, RACI letters are normalised, a step has exactly one Accountable and at
 * least one Responsible, every work instruction belongs to a Responsible role of its step (not obsolete)
 * with distinct tools of the organisation, steps are contiguous per procedure and point at live
 * activities, and activity positions are contiguous per process.
 */
export function checkPlan(plan: Plan, model: OrganisationModel): void {
  const fail = (message: string): never => {
    throw new Error(`Synthetic organisation breaks a domain rule: ${message}`);
  };
  for (const row of [...plan.roles, ...plan.tools, ...plan.procedures, ...plan.activities])
    validName(row.name, 'name');
  const toolIds = new Set(plan.tools.map((tool) => tool.id));
  const liveActivities = new Set([
    ...model.activities.keys(),
    ...plan.activities.map((activity) => activity.id),
  ]);

  const stepsOf = new Map<string, StepRow[]>();
  for (const step of plan.steps) {
    if (!liveActivities.has(step.activityId)) fail(`step ${step.position} names an unknown activity`);
    stepsOf.set(step.procedureId, [...(stepsOf.get(step.procedureId) ?? []), step]);
  }
  for (const procedure of plan.procedures) {
    (stepsOf.get(procedure.id) ?? []).forEach((step, index) => {
      if (step.position !== index + 1) fail(`${procedure.name}: step positions are not contiguous`);
    });
  }
  const lettersByStep = new Map<string, Map<string, Raci[]>>();
  const facts = plan.responsibilities.map((row) => ({
    stepId: row.stepId,
    roleId: row.roleId,
    raci: row.raci,
  }));
  for (const row of plan.responsibilities) {
    if (normaliseRaci(row.raci).join() !== row.raci.join()) fail('RACI letters not normalised');
    const held = lettersByStep.get(row.stepId) ?? new Map<string, Raci[]>();
    assertSingleAccountable('a synthetic step', held, row.roleId, row.raci);
    held.set(row.roleId, row.raci);
    lettersByStep.set(row.stepId, held);
  }
  for (const step of plan.steps) {
    const held = [...(lettersByStep.get(step.id)?.values() ?? [])];
    if (held.filter((raci) => raci.includes('A')).length !== 1 || !held.some((raci) => raci.includes('R'))) {
      fail(`step ${step.id} lacks exactly one A and at least one R`);
    }
  }
  const factsByStep = new Map<string, typeof facts>();
  for (const fact of facts) factsByStep.set(fact.stepId, [...(factsByStep.get(fact.stepId) ?? []), fact]);
  for (const instruction of plan.instructions) {
    if (isInstructionObsolete(instruction, false, factsByStep.get(instruction.stepId) ?? [])) {
      fail('a work instruction belongs to a role that is not Responsible on its step');
    }
    if (
      new Set(instruction.toolIds).size !== instruction.toolIds.length ||
      !instruction.toolIds.every((id) => toolIds.has(id))
    ) {
      fail('a work instruction names a tool twice or a tool of another organisation');
    }
  }
  const positions = new Map<ProcessKey, number[]>();
  for (const key of PROCESS_KEYS) {
    positions.set(
      key,
      (model.expansion.activitiesByProcess.get(key) ?? []).map((activity) => activity.position),
    );
  }
  for (const activity of plan.activities) positions.get(activity.processKey)!.push(activity.position);
  for (const [key, list] of positions) {
    list
      .sort((a, b) => a - b)
      .forEach((position, index) => {
        if (position !== index + 1) fail(`${key}: activity positions are not contiguous`);
      });
  }
  // The completeness measure must accept the rows as they are (it throws on none, but counts every step).
  const measured = measureCompleteness(
    plan.steps.map((step) => ({ id: step.id, obsolete: false })),
    facts,
    plan.instructions.map((instruction) => ({
      stepId: instruction.stepId,
      roleId: instruction.roleId,
      toolCount: instruction.toolIds.length,
      text: instruction.text,
    })),
  );
  if (measured.whoGaps !== 0) fail(`${measured.whoGaps} WHO gaps: every step has an A and an R`);
}

// ---------------------------------------------------------------------------------------------------
// Writing: one INSERT … SELECT FROM json_to_recordset per table and batch of rows.

async function writePlan(em: EntityManager, plan: Plan): Promise<void> {
  const organisation = plan.organisationId;
  await em.transactional(async (tx) => {
    const insert = async <T extends Row>(
      table: string,
      columns: string,
      rows: readonly T[],
      toJson: (row: T) => Record<string, unknown>,
      versioned = true,
    ) => {
      const names = columns.split(',').map((column) => column.trim().split(' ')[0]!);
      for (let first = 0; first < rows.length; first += ROWS_PER_INSERT) {
        const json = JSON.stringify(
          rows.slice(first, first + ROWS_PER_INSERT).map((row) => ({ seq: row.seq, ...toJson(row) })),
        );
        const select = versioned
          ? `1, now() + seq * interval '1 microsecond', now() + seq * interval '1 microsecond', ${names.join(', ')}`
          : names.join(', ');
        const into = versioned ? `version, created_at, updated_at, ${names.join(', ')}` : names.join(', ');
        await tx
          .getConnection()
          .execute(
            `insert into ${table} (${into}) select ${select} from json_to_recordset(?::json) as r(seq bigint, ${columns})`,
            [json],
            'run',
            tx.getTransactionContext(),
          );
      }
    };
    await insert('role', 'id uuid, organisation_id uuid, name text, description text', plan.roles, (row) => ({
      id: row.id,
      organisation_id: organisation,
      name: row.name,
      description: row.description,
    }));
    await insert('tool', 'id uuid, organisation_id uuid, name text, description text', plan.tools, (row) => ({
      id: row.id,
      organisation_id: organisation,
      name: row.name,
      description: row.description,
    }));
    await insert(
      'activity',
      'id uuid, organisation_id uuid, process_id uuid, name text, description text, position integer',
      plan.activities,
      (row) => ({
        id: row.id,
        organisation_id: organisation,
        process_id: row.processId,
        name: row.name,
        description: row.description,
        position: row.position,
      }),
    );
    await insert(
      'procedure',
      'id uuid, organisation_id uuid, name text, source_kind text, source_process_key text, source_workflow_id uuid',
      plan.procedures,
      (row) => ({
        id: row.id,
        organisation_id: organisation,
        name: row.name,
        source_kind: row.sourceKind,
        source_process_key: row.sourceProcessKey,
        source_workflow_id: row.sourceWorkflowId,
      }),
    );
    await insert(
      'procedure_step',
      'id uuid, organisation_id uuid, procedure_id uuid, activity_id uuid, occurrence smallint, position integer, depth smallint, process_key text, activity_name text',
      plan.steps,
      (row) => ({
        id: row.id,
        organisation_id: organisation,
        procedure_id: row.procedureId,
        activity_id: row.activityId,
        occurrence: row.occurrence,
        position: row.position,
        depth: row.depth,
        process_key: row.processKey,
        activity_name: row.activityName,
      }),
    );
    await insert(
      'responsibility',
      'id uuid, organisation_id uuid, step_id uuid, role_id uuid, raci text[]',
      plan.responsibilities,
      (row) => ({
        id: row.id,
        organisation_id: organisation,
        step_id: row.stepId,
        role_id: row.roleId,
        raci: row.raci,
      }),
    );
    await insert(
      'work_instruction',
      'id uuid, organisation_id uuid, procedure_id uuid, step_id uuid, role_id uuid, text text',
      plan.instructions,
      (row) => ({
        id: row.id,
        organisation_id: organisation,
        procedure_id: row.procedureId,
        step_id: row.stepId,
        role_id: row.roleId,
        text: row.text,
      }),
    );
    const links = plan.instructions.flatMap((instruction, index) =>
      instruction.toolIds.map((toolId) => ({ id: instruction.id, seq: index, toolId })),
    );
    await insert(
      'work_instruction_tool',
      'work_instruction_id uuid, tool_id uuid',
      links,
      (row) => ({ work_instruction_id: row.id, tool_id: row.toolId }),
      false,
    );
  });
}

function countsOf(plan: Plan, model: OrganisationModel): SyntheticCounts {
  return {
    activities: model.activities.size + plan.activities.length,
    roles: plan.roles.length,
    tools: plan.tools.length,
    procedures: plan.procedures.length,
    steps: plan.steps.length,
    responsibilities: plan.responsibilities.length,
    workInstructions: plan.instructions.length,
    workInstructionTools: plan.instructions.reduce((sum, instruction) => sum + instruction.toolIds.length, 0),
  };
}

type Random = () => number;

/** mulberry32: a tiny seeded PRNG (uniform in [0, 1)); good enough for test data, and reproducible. */
export function mulberry32(seed: number): Random {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** `count` distinct indices below `size` (Floyd's algorithm: exactly `count` draws, no retry loop). */
function distinctIndices(random: Random, size: number, count: number): number[] {
  const chosen = new Set<number>();
  for (let candidate = size - count; candidate < size; candidate += 1) {
    const drawn = Math.floor(random() * (candidate + 1));
    chosen.add(chosen.has(drawn) ? candidate : drawn);
  }
  return [...chosen];
}

/** `count` of `items` chosen at random, in their original order (all of them when there are fewer). */
function pickInOrder<T>(random: Random, items: readonly T[], count: number): T[] {
  if (count >= items.length) return [...items];
  const indices = distinctIndices(random, items.length, count).sort((a, b) => a - b);
  return indices.map((index) => items[index]!);
}

function pad(value: number): string {
  return String(value).padStart(4, '0');
}

function elapsedSeconds(since: number): string {
  return ((performance.now() - since) / 1000).toFixed(1);
}
