import type { EntityManager } from '@mikro-orm/postgresql';
import {
  Activity,
  Procedure,
  ProcedureStep,
  Responsibility,
  Role,
  Tool,
  WorkInstruction,
  WorkInstructionTool,
} from '../persistence/entities';

/**
 * What depends on an activity, a role or a tool: the procedures, steps and work instructions that would
 * be affected by changing or removing it. Answers the architect's "impact" question and guards deletes.
 */
export interface Dependents {
  procedures: Procedure[];
  steps: ProcedureStep[];
  workInstructions: WorkInstruction[];
}

export async function dependentsOf(em: EntityManager, target: Activity | Role | Tool): Promise<Dependents> {
  let steps: ProcedureStep[];
  let workInstructions: WorkInstruction[];
  if (target instanceof Activity) {
    steps = await em.find(
      ProcedureStep,
      { activity: target },
      { orderBy: { procedure: 'asc', position: 'asc' } },
    );
    workInstructions = await em.find(WorkInstruction, { step: { $in: steps } });
  } else if (target instanceof Role) {
    const responsibilities = await em.find(Responsibility, { role: target });
    workInstructions = await em.find(WorkInstruction, { role: target });
    const stepIds = new Set([...responsibilities, ...workInstructions].map((item) => item.step.id));
    steps = await em.find(
      ProcedureStep,
      { id: { $in: [...stepIds] } },
      { orderBy: { procedure: 'asc', position: 'asc' } },
    );
  } else {
    const links = await em.find(WorkInstructionTool, { tool: target });
    workInstructions = await em.find(WorkInstruction, {
      id: { $in: links.map((link) => link.workInstruction.id) },
    });
    const stepIds = new Set(workInstructions.map((instruction) => instruction.step.id));
    steps = await em.find(
      ProcedureStep,
      { id: { $in: [...stepIds] } },
      { orderBy: { procedure: 'asc', position: 'asc' } },
    );
  }
  const procedureIds = new Set(steps.map((step) => step.procedure.id));
  const procedures = await em.find(
    Procedure,
    { id: { $in: [...procedureIds] } },
    { orderBy: { name: 'asc' } },
  );
  return { procedures, steps, workInstructions };
}

/** A sentence naming what depends on something, for refusing to delete it. */
export function describeDependents(what: string, dependents: Dependents): string {
  const names = dependents.procedures.slice(0, 3).map((procedure) => `"${procedure.name}"`);
  const more = dependents.procedures.length > 3 ? ` and ${dependents.procedures.length - 3} more` : '';
  return (
    `${what} is used by ${dependents.procedures.length} procedure(s): ${names.join(', ')}${more} ` +
    `(${dependents.steps.length} step(s), ${dependents.workInstructions.length} work instruction(s)). ` +
    'Remove it from them first.'
  );
}
