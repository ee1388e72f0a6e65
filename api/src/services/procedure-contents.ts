import type { EntityManager } from '@mikro-orm/postgresql';
import { measureCompleteness, type Completeness } from '../domain/derivation/completeness';
import { isInstructionObsolete } from '../domain/derivation/work-instructions';
import {
  ProcedureStep,
  Responsibility,
  Tool,
  WorkInstruction,
  WorkInstructionTool,
} from '../persistence/entities';

/**
 * Everything stored under a set of procedures, read in four statements however many procedures and
 * steps there are, and indexed for the questions the API answers about them.
 */
export interface ProcedureContents {
  steps: ProcedureStep[];
  responsibilitiesByStep: Map<string, Responsibility[]>;
  instructions: WorkInstruction[];
  instructionsByStep: Map<string, WorkInstruction[]>;
  toolsByInstruction: Map<string, Tool[]>;
}

export async function loadProcedureContents(
  em: EntityManager,
  procedureIds: readonly string[],
): Promise<Map<string, ProcedureContents>> {
  const ids = [...procedureIds];
  const steps = await em.find(ProcedureStep, { procedure: { $in: ids } }, { orderBy: { position: 'asc' } });
  const responsibilities = await em.find(
    Responsibility,
    { step: { procedure: { $in: ids } } },
    { orderBy: { createdAt: 'asc', id: 'asc' } },
  );
  const instructions = await em.find(
    WorkInstruction,
    { procedure: { $in: ids } },
    { orderBy: { createdAt: 'asc', id: 'asc' } },
  );
  // Filtered by procedure, not by instruction ids: a parameter per instruction would hit PostgreSQL's
  // limit of 65,535 bind parameters on large organisations.
  const links = instructions.length
    ? await em.find(
        WorkInstructionTool,
        { workInstruction: { procedure: { $in: ids } } },
        { populate: ['tool'] },
      )
    : [];

  return groupContents(
    ids,
    steps,
    responsibilities,
    instructions,
    links.map((link) => ({ workInstructionId: link.workInstruction.id, tool: link.tool })),
  );
}

/**
 * The same contents read as rows, without ORM entities: for read-only paths (the GraphQL loaders), where
 * hydrating tens of thousands of entities into the identity map costs most of a large read. The same
 * four statements, ids passed as one array parameter. The objects carry every column of their entity,
 * with relations as `{ id }` references, so the mappers and the domain read them like entities; they
 * must never be handed to an entity manager (writes keep the ORM and `loadProcedureContents`).
 */
export async function loadProcedureContentRows(
  em: EntityManager,
  procedureIds: readonly string[],
): Promise<Map<string, ProcedureContents>> {
  const ids = [...procedureIds];
  if (ids.length === 0) return new Map();
  const list = `{${ids.join(',')}}`;
  const connection = em.getConnection();
  const context = em.getTransactionContext();
  const query = (sql: string) => connection.execute<Record<string, unknown>[]>(sql, [list], 'all', context);
  // Built field by field (no spread of a shared base): this maps ~150,000 rows on a large organisation.
  // The organisation reference is shared (all procedures of one read belong to few organisations).
  const refs = new Map<string, { id: string }>();
  const ref = (id: unknown) => {
    let reference = refs.get(id as string);
    if (!reference) {
      reference = { id: id as string };
      refs.set(id as string, reference);
    }
    return reference;
  };
  // Timestamps as epoch milliseconds: a number makes a Date ten times faster than parsing PostgreSQL's
  // text (~150,000 rows here). extract() is exact (numeric) and floor() truncates as Date parsing does.
  const times = (table: string) =>
    `floor(extract(epoch from ${table}.created_at) * 1000)::float8 as created_ms,
     floor(extract(epoch from ${table}.updated_at) * 1000)::float8 as updated_ms`;
  // One after another: inside a transaction they share one connection, which must not queue queries.
  const steps = (
    await query(
      `select id, version, ${times('procedure_step')}, organisation_id, procedure_id, activity_id, occurrence,
         position, depth, process_key, activity_name, obsolete
       from procedure_step where procedure_id = any(?::uuid[]) order by position, id`,
    )
  ).map((row) => ({
    id: row.id,
    version: row.version,
    createdAt: new Date(row.created_ms as number),
    updatedAt: new Date(row.updated_ms as number),
    organisation: ref(row.organisation_id),
    procedure: ref(row.procedure_id),
    activity: ref(row.activity_id),
    occurrence: row.occurrence,
    position: row.position,
    depth: row.depth,
    processKey: row.process_key,
    activityName: row.activity_name,
    obsolete: row.obsolete,
  })) as unknown as ProcedureStep[];
  const stepRefs = new Map(steps.map((step) => [step.id, { id: step.id }]));
  const responsibilities = (
    await query(
      `select responsibility.id, responsibility.version, ${times('responsibility')},
         responsibility.organisation_id, responsibility.step_id, responsibility.role_id, responsibility.raci
       from responsibility join procedure_step step on step.id = responsibility.step_id
       where step.procedure_id = any(?::uuid[]) order by responsibility.created_at, responsibility.id`,
    )
  ).map((row) => ({
    id: row.id,
    version: row.version,
    createdAt: new Date(row.created_ms as number),
    updatedAt: new Date(row.updated_ms as number),
    organisation: ref(row.organisation_id),
    step: stepRefs.get(row.step_id as string) ?? { id: row.step_id },
    role: ref(row.role_id),
    raci: row.raci,
  })) as unknown as Responsibility[];
  const instructions = (
    await query(
      `select id, version, ${times('work_instruction')}, organisation_id, procedure_id, step_id, role_id,
         text
       from work_instruction where procedure_id = any(?::uuid[]) order by created_at, id`,
    )
  ).map((row) => ({
    id: row.id,
    version: row.version,
    createdAt: new Date(row.created_ms as number),
    updatedAt: new Date(row.updated_ms as number),
    organisation: ref(row.organisation_id),
    procedure: ref(row.procedure_id),
    step: stepRefs.get(row.step_id as string) ?? { id: row.step_id },
    role: ref(row.role_id),
    text: row.text,
  })) as unknown as WorkInstruction[];
  const linkRows = instructions.length
    ? await query(
        `select link.work_instruction_id, tool.id, tool.version, ${times('tool')},
           tool.organisation_id, tool.name, tool.description
         from work_instruction_tool link
         join work_instruction instruction on instruction.id = link.work_instruction_id
         join tool on tool.id = link.tool_id
         where instruction.procedure_id = any(?::uuid[])`,
      )
    : [];
  const tools = new Map<string, Tool>();
  const links = linkRows.map((row) => {
    let tool = tools.get(row.id as string);
    if (!tool) {
      tool = {
        id: row.id,
        version: row.version,
        createdAt: new Date(row.created_ms as number),
        updatedAt: new Date(row.updated_ms as number),
        organisation: ref(row.organisation_id),
        name: row.name,
        description: row.description,
      } as unknown as Tool;
      tools.set(row.id as string, tool);
    }
    return { workInstructionId: row.work_instruction_id as string, tool };
  });
  return groupContents(ids, steps, responsibilities, instructions, links);
}

function groupContents(
  ids: readonly string[],
  steps: readonly ProcedureStep[],
  responsibilities: readonly Responsibility[],
  instructions: readonly WorkInstruction[],
  links: readonly { workInstructionId: string; tool: Tool }[],
): Map<string, ProcedureContents> {
  const contents = new Map<string, ProcedureContents>(
    ids.map((id) => [
      id,
      {
        steps: [],
        responsibilitiesByStep: new Map(),
        instructions: [],
        instructionsByStep: new Map(),
        toolsByInstruction: new Map(),
      },
    ]),
  );
  const procedureOfStep = new Map<string, string>();
  for (const step of steps) {
    procedureOfStep.set(step.id, step.procedure.id);
    contents.get(step.procedure.id)!.steps.push(step);
  }
  for (const responsibility of responsibilities) {
    const of = contents.get(procedureOfStep.get(responsibility.step.id)!)!;
    push(of.responsibilitiesByStep, responsibility.step.id, responsibility);
  }
  const procedureOfInstruction = new Map<string, string>();
  for (const instruction of instructions) {
    procedureOfInstruction.set(instruction.id, instruction.procedure.id);
    const of = contents.get(instruction.procedure.id)!;
    of.instructions.push(instruction);
    push(of.instructionsByStep, instruction.step.id, instruction);
  }
  for (const link of links) {
    const of = contents.get(procedureOfInstruction.get(link.workInstructionId)!)!;
    push(of.toolsByInstruction, link.workInstructionId, link.tool);
  }
  for (const of of contents.values()) {
    for (const tools of of.toolsByInstruction.values()) tools.sort((a, b) => a.name.localeCompare(b.name));
  }
  return contents;
}

function push<T>(map: Map<string, T[]>, key: string, value: T): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

export function completenessOf(contents: ProcedureContents): Completeness {
  return measureCompleteness(
    contents.steps.map((step) => ({ id: step.id, obsolete: step.obsolete })),
    responsibilityFacts(contents),
    contents.instructions.map((instruction) => ({
      stepId: instruction.step.id,
      roleId: instruction.role.id,
      toolCount: contents.toolsByInstruction.get(instruction.id)?.length ?? 0,
      text: instruction.text,
    })),
  );
}

export function instructionIsObsolete(contents: ProcedureContents, instruction: WorkInstruction): boolean {
  const step = contents.steps.find((candidate) => candidate.id === instruction.step.id);
  return isInstructionObsolete(
    { stepId: instruction.step.id, roleId: instruction.role.id },
    step?.obsolete ?? true,
    responsibilityFacts(contents, instruction.step.id),
  );
}

function responsibilityFacts(contents: ProcedureContents, onlyStepId?: string) {
  const lists = onlyStepId
    ? [contents.responsibilitiesByStep.get(onlyStepId) ?? []]
    : [...contents.responsibilitiesByStep.values()];
  return lists.flat().map((responsibility) => ({
    stepId: responsibility.step.id,
    roleId: responsibility.role.id,
    raci: responsibility.raci,
  }));
}
