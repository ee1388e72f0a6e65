import type { DerivationSource } from '../domain/derivation/derive';
import type { StoredStep } from '../domain/derivation/rederive';
import type { Procedure, ProcedureStep, Workflow } from '../persistence/entities';

/** What a stored procedure was derived from, in the shape the derivation core takes. */
export function derivationSourceOf(
  procedure: Pick<Procedure, 'sourceKind' | 'sourceProcessKey'>,
  workflow: Workflow | null,
): DerivationSource {
  if (procedure.sourceKind === 'PROCESS') return { kind: 'PROCESS', processKey: procedure.sourceProcessKey! };
  if (!workflow) throw new Error('A workflow procedure needs its source workflow loaded');
  return {
    kind: 'WORKFLOW',
    route: { startProcess: workflow.startProcess, forkChoices: workflow.forkChoices },
  };
}

export function storedStepOf(step: ProcedureStep): StoredStep {
  return {
    id: step.id,
    activityId: step.activity.id,
    occurrence: step.occurrence,
    position: step.position,
    depth: step.depth,
    processKey: step.processKey,
    activityName: step.activityName,
    obsolete: step.obsolete,
  };
}
