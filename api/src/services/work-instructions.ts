import type { EntityManager } from '@mikro-orm/postgresql';
import { missingWorkInstructions } from '../domain/derivation/work-instructions';
import { BadUserInputError, NotFoundError } from '../domain/errors';
import type { ProcessKey } from '../domain/usm';
import {
  Procedure,
  ProcedureStep,
  Responsibility,
  Role,
  Tool,
  WorkInstruction,
  WorkInstructionTool,
} from '../persistence/entities';
import { lookupOrFail } from './lookup';
import { assertVersion, inTransaction, touch } from './transaction';

/** Work instruction texts are Markdown documents; longer ones belong in a linked handbook. */
export const INSTRUCTION_MAX_LENGTH = 20_000;

/**
 * HOW: derives the missing work instructions of a procedure, one per live step and Responsible role.
 * Calling it again creates nothing new; `toolId` is set on the ones it creates.
 */
export function deriveWorkInstructions(
  em: EntityManager,
  input: { procedureId: string; toolId?: string | null },
): Promise<Procedure> {
  return inTransaction(em, async (tx) => {
    const procedure = await lookupOrFail(tx, Procedure, input.procedureId, { lock: true });
    const tool = input.toolId ? await toolOfOrganisation(tx, input.toolId, procedure.organisation.id) : null;
    const steps = await tx.find(ProcedureStep, { procedure }, { orderBy: { position: 'asc' } });
    const created = await createMissingInstructions(tx, procedure, steps);
    if (tool)
      for (const instruction of created)
        tx.create(WorkInstructionTool, { workInstruction: instruction, tool });
    if (created.length > 0) touch(procedure);
    return procedure;
  });
}

/** "Tool T is used for all steps of process X": creates what is missing and adds T to each instruction. */
export function assignToolToProcess(
  em: EntityManager,
  input: { procedureId: string; toolId: string; processKey: ProcessKey },
): Promise<Procedure> {
  return inTransaction(em, async (tx) => {
    const procedure = await lookupOrFail(tx, Procedure, input.procedureId, { lock: true });
    const tool = await toolOfOrganisation(tx, input.toolId, procedure.organisation.id);
    const steps = await tx.find(
      ProcedureStep,
      { procedure, processKey: input.processKey, obsolete: false },
      { orderBy: { position: 'asc' } },
    );
    if (steps.length === 0) {
      throw new BadUserInputError(
        `This procedure has no live steps of process ${input.processKey}.`,
        'input.processKey',
      );
    }
    await createMissingInstructions(tx, procedure, steps);
    const instructions = await tx.find(WorkInstruction, { step: { $in: steps } });
    const responsible = await responsibleKeys(tx, steps);
    const withTool = new Set(
      (await tx.find(WorkInstructionTool, { tool, workInstruction: { $in: instructions } })).map(
        (link) => link.workInstruction.id,
      ),
    );
    for (const instruction of instructions) {
      // Only instructions of roles that are Responsible now: obsolete ones are left as they are.
      if (!responsible.has(`${instruction.step.id}/${instruction.role.id}`) || withTool.has(instruction.id))
        continue;
      tx.create(WorkInstructionTool, { workInstruction: instruction, tool });
      touch(instruction);
    }
    touch(procedure);
    return procedure;
  });
}

export function updateWorkInstruction(
  em: EntityManager,
  input: { id: string; version: number; text?: string | null; toolIds?: readonly string[] | null },
): Promise<WorkInstruction> {
  const text = input.text == null ? undefined : validInstructionText(input.text);
  return inTransaction(em, async (tx) => {
    const instruction = await lookupOrFail(tx, WorkInstruction, input.id, { lock: true });
    assertVersion(instruction, input.version, 'work instruction');
    if (text !== undefined) instruction.text = text;
    if (input.toolIds != null) {
      const wanted = [...new Set(input.toolIds)];
      const tools = await tx.find(Tool, { id: { $in: wanted }, organisation: instruction.organisation });
      const missing = wanted.find((id) => !tools.some((tool) => tool.id === id));
      if (missing) throw new NotFoundError('Tool', missing);
      await tx.nativeDelete(WorkInstructionTool, { workInstruction: instruction });
      for (const tool of tools) tx.create(WorkInstructionTool, { workInstruction: instruction, tool });
    }
    touch(instruction);
    return instruction;
  });
}

export function deleteWorkInstruction(
  em: EntityManager,
  input: { id: string; version: number },
): Promise<boolean> {
  return inTransaction(em, async (tx) => {
    const instruction = await lookupOrFail(tx, WorkInstruction, input.id, { lock: true });
    assertVersion(instruction, input.version, 'work instruction');
    tx.remove(instruction);
    return true;
  });
}

async function createMissingInstructions(
  em: EntityManager,
  procedure: Procedure,
  steps: readonly ProcedureStep[],
): Promise<WorkInstruction[]> {
  const responsibilities = await em.find(Responsibility, { step: { $in: [...steps] } });
  const existing = await em.find(WorkInstruction, { step: { $in: [...steps] } });
  const missing = missingWorkInstructions(
    steps.map((step) => ({ id: step.id, obsolete: step.obsolete })),
    responsibilities.map((responsibility) => ({
      stepId: responsibility.step.id,
      roleId: responsibility.role.id,
      raci: responsibility.raci,
    })),
    existing.map((instruction) => ({ stepId: instruction.step.id, roleId: instruction.role.id })),
  );
  return missing.map((key) =>
    em.create(WorkInstruction, {
      organisation: procedure.organisation,
      procedure,
      step: em.getReference(ProcedureStep, key.stepId),
      role: em.getReference(Role, key.roleId),
    }),
  );
}

async function responsibleKeys(em: EntityManager, steps: readonly ProcedureStep[]): Promise<Set<string>> {
  const responsibilities = await em.find(Responsibility, { step: { $in: [...steps] } });
  return new Set(
    responsibilities
      .filter((responsibility) => responsibility.raci.includes('R'))
      .map((responsibility) => `${responsibility.step.id}/${responsibility.role.id}`),
  );
}

async function toolOfOrganisation(em: EntityManager, toolId: string, organisationId: string): Promise<Tool> {
  const tool = await em.findOne(Tool, { id: toolId, organisation: organisationId });
  if (!tool) throw new NotFoundError('Tool', toolId);
  return tool;
}

function validInstructionText(text: string): string {
  if (text.length > INSTRUCTION_MAX_LENGTH) {
    throw new BadUserInputError(
      `The instruction is ${text.length} characters long; at most ${INSTRUCTION_MAX_LENGTH} are allowed.`,
      'input.text',
    );
  }
  return text;
}
