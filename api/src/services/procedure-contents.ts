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
 * What is read of a responsibility: who holds which letters on which step. Nothing the API answers about
 * procedures needs more (no field exposes a responsibility's id, version or timestamps), and the rows read
 * for whole-model requests (procedure-content-rows.ts) carry only this; entities satisfy it too.
 */
export interface ResponsibilityRecord {
  step: { id: string };
  role: { id: string };
  raci: Responsibility['raci'];
}

/**
 * Everything stored under a set of procedures, read in four statements however many procedures and
 * steps there are, and indexed for the questions the API answers about them.
 */
export interface ProcedureContents {
  steps: ProcedureStep[];
  responsibilitiesByStep: Map<string, ResponsibilityRecord[]>;
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

/** Indexes what was read by procedure, step and instruction (tools by name). */
export function groupContents(
  ids: readonly string[],
  steps: readonly ProcedureStep[],
  responsibilities: readonly ResponsibilityRecord[],
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
