import { deriveSteps, type DerivedStep } from '@usm/api/src/domain/derivation/derive';
import { normaliseRaci, type Raci } from '@usm/api/src/domain/derivation/responsibilities';
import { PROCESS_KEYS, type ProcessKey } from '@usm/api/src/domain/usm';
import { toGlobalId } from '@usm/api/src/graphql/global-id';
import type { Database } from '@usm/api/src/persistence/database';
import {
  Activity,
  Organisation,
  Procedure,
  ProcedureStep,
  Responsibility,
  Role,
  Tool,
  WorkInstruction,
  WorkInstructionTool,
  Workflow,
} from '@usm/api/src/persistence/entities';
import { loadOrganisationModel } from '@usm/api/src/services/organisation-model';
import { createOrganisation } from '@usm/api/src/services/organisations';
import { derivationSourceOf } from '@usm/api/src/services/procedure-source';

// The test package does not depend on MikroORM itself: take the entity manager type from the API's.
type EntityManager = ReturnType<Database['orm']['em']['fork']>;

/**
 * A large, deterministic organisation for benchmarks: the USM reference model created through the service,
 * then roles, tools and procedures with WHO (RACI) and HOW (work instructions) bulk-inserted through the
 * ORM. The same seed and sizes always give the same shape and names; only the stored ids (UUIDs) differ.
 */
export interface SyntheticSizes {
  roles: number;
  tools: number;
  procedures: number;
}

export const DEFAULT_SIZES: SyntheticSizes = { roles: 200, tools: 50, procedures: 500 };

export interface SyntheticOrganisation {
  /** GraphQL global id */
  organisationId: string;
  storedId: string;
  counts: SyntheticCounts;
}

export interface SyntheticCounts {
  roles: number;
  tools: number;
  procedures: number;
  steps: number;
  responsibilities: number;
  workInstructions: number;
  workInstructionTools: number;
}

/** Share of Responsible assignments that get a work instruction; the rest are HOW gaps. */
const INSTRUCTED_SHARE = 0.7;
/** Procedures per flush: big enough for batched inserts, small enough to keep each unit of work cheap. */
const PROCEDURES_PER_FLUSH = 25;
/** Guards against a typo turning the benchmark into an hour-long load. */
const MAX_SIZE = 100_000;

export async function generateSyntheticOrganisation(
  database: Database,
  sizes: Partial<SyntheticSizes> = {},
  seed = 1,
): Promise<SyntheticOrganisation> {
  const wanted = checkedSizes({ ...DEFAULT_SIZES, ...sizes });
  const random = mulberry32(seed);
  const startedAt = performance.now();
  const progress = (message: string) =>
    process.stderr.write(`synthetic organisation: ${message} (${elapsedSeconds(startedAt)} s)\n`);

  const organisation = await createOrganisation(database.orm.em.fork(), {
    name: `Synthetic organisation (seed ${seed})`,
    template: 'USM_REFERENCE',
  });
  const storedId = organisation.id;
  const catalogue = await insertCatalogue(database.orm.em.fork(), storedId, wanted);
  progress(`${wanted.roles} roles and ${wanted.tools} tools`);

  const sources = await procedureSources(database.orm.em.fork(), storedId);
  const counts: SyntheticCounts = { ...emptyCounts(), roles: wanted.roles, tools: wanted.tools };
  for (let first = 0; first < wanted.procedures; first += PROCEDURES_PER_FLUSH) {
    const last = Math.min(first + PROCEDURES_PER_FLUSH, wanted.procedures);
    // A fresh entity manager per batch keeps the identity map, and so each flush's change set, small.
    const em = database.orm.em.fork();
    for (let index = first; index < last; index += 1) {
      const source = sources[index % sources.length]!;
      insertProcedure(em, storedId, source, index, catalogue, random, counts);
    }
    await em.flush();
    if (last % 100 === 0 || last === wanted.procedures) progress(`${last}/${wanted.procedures} procedures`);
  }
  return { organisationId: toGlobalId('Organisation', storedId), storedId, counts };
}

function checkedSizes(sizes: SyntheticSizes): SyntheticSizes {
  for (const [name, value] of Object.entries(sizes)) {
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

function emptyCounts(): SyntheticCounts {
  return {
    roles: 0,
    tools: 0,
    procedures: 0,
    steps: 0,
    responsibilities: 0,
    workInstructions: 0,
    workInstructionTools: 0,
  };
}

interface CatalogueEntry {
  id: string;
  name: string;
}

interface Catalogue {
  roles: CatalogueEntry[];
  tools: CatalogueEntry[];
}

async function insertCatalogue(
  em: EntityManager,
  storedId: string,
  sizes: SyntheticSizes,
): Promise<Catalogue> {
  const organisation = em.getReference(Organisation, storedId);
  // Zero-padded numbers keep "by name" order equal to creation order.
  const roles = Array.from({ length: sizes.roles }, (_, index) =>
    em.create(Role, { organisation, name: `Role ${pad(index + 1)}`, description: 'Synthetic role.' }),
  );
  const tools = Array.from({ length: sizes.tools }, (_, index) =>
    em.create(Tool, { organisation, name: `Tool ${pad(index + 1)}`, description: 'Synthetic tool.' }),
  );
  await em.flush();
  const entry = (row: Role | Tool) => ({ id: row.id, name: row.name });
  return { roles: roles.map(entry), tools: tools.map(entry) };
}

/** One of the 13 things a procedure can be derived from, with the steps derivation gives it today. */
interface ProcedureSource {
  name: string;
  workflowId: string | null;
  processKey: ProcessKey | null;
  steps: DerivedStep[];
}

/**
 * The 8 workflows then the 5 processes, each derived once with the service's own model loader and
 * derivation core: the model does not change while we insert, so every procedure of a source has the
 * same steps deriveProcedure would give it.
 */
async function procedureSources(em: EntityManager, storedId: string): Promise<ProcedureSource[]> {
  const model = await loadOrganisationModel(em, storedId);
  const workflows = await em.find(Workflow, { organisation: storedId }, { orderBy: { number: 'asc' } });
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

function insertProcedure(
  em: EntityManager,
  storedId: string,
  source: ProcedureSource,
  index: number,
  catalogue: Catalogue,
  random: Random,
  counts: SyntheticCounts,
): void {
  const organisation = em.getReference(Organisation, storedId);
  const procedure = em.create(Procedure, {
    organisation,
    name: `${source.name} ${pad(index + 1)}`,
    sourceKind: source.workflowId ? 'WORKFLOW' : 'PROCESS',
    sourceProcessKey: source.processKey,
    sourceWorkflow: source.workflowId ? em.getReference(Workflow, source.workflowId) : null,
  });
  counts.procedures += 1;
  source.steps.forEach((derived, stepIndex) => {
    // The same columns as createStep in api/src/services/procedures.ts.
    const step = em.create(ProcedureStep, {
      organisation,
      procedure,
      activity: em.getReference(Activity, derived.activityId),
      occurrence: derived.occurrence,
      position: stepIndex + 1,
      depth: derived.depth,
      processKey: derived.processKey,
      activityName: derived.activityName,
    });
    counts.steps += 1;
    assignStep(em, procedure, step, catalogue, random, counts);
  });
}

/**
 * WHO and HOW of one live step: one random role Accountable, one or two Responsible (a role may hold both,
 * as in practice), and for most Responsible roles a work instruction naming one or two tools.
 */
function assignStep(
  em: EntityManager,
  procedure: Procedure,
  step: ProcedureStep,
  catalogue: Catalogue,
  random: Random,
  counts: SyntheticCounts,
): void {
  const responsible = distinctIndices(random, catalogue.roles.length, random() < 0.5 ? 1 : 2);
  const accountable = Math.floor(random() * catalogue.roles.length);
  const letters = new Map<number, Raci[]>(responsible.map((role) => [role, ['R']]));
  letters.set(accountable, normaliseRaci([...(letters.get(accountable) ?? []), 'A']));
  for (const [role, raci] of letters) {
    em.create(Responsibility, {
      organisation: procedure.organisation,
      step,
      role: em.getReference(Role, catalogue.roles[role]!.id),
      raci,
    });
    counts.responsibilities += 1;
  }
  for (const role of responsible) {
    if (random() < INSTRUCTED_SHARE)
      instruct(em, procedure, step, catalogue.roles[role]!, catalogue, random, counts);
  }
}

function instruct(
  em: EntityManager,
  procedure: Procedure,
  step: ProcedureStep,
  role: CatalogueEntry,
  catalogue: Catalogue,
  random: Random,
  counts: SyntheticCounts,
): void {
  const tools = distinctIndices(random, catalogue.tools.length, random() < 0.5 ? 1 : 2).map(
    (index) => catalogue.tools[index]!,
  );
  const instruction = em.create(WorkInstruction, {
    organisation: procedure.organisation,
    procedure,
    step,
    role: em.getReference(Role, role.id),
    text: `${role.name}: ${step.activityName.toLowerCase()} with ${tools.map((tool) => tool.name).join(' and ')}.`,
  });
  counts.workInstructions += 1;
  for (const tool of tools) {
    em.create(WorkInstructionTool, { workInstruction: instruction, tool: em.getReference(Tool, tool.id) });
    counts.workInstructionTools += 1;
  }
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

function pad(value: number): string {
  return String(value).padStart(4, '0');
}

function elapsedSeconds(since: number): string {
  return ((performance.now() - since) / 1000).toFixed(1);
}
