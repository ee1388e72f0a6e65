import { deriveSteps } from '../domain/derivation/derive';
import { outOfDateReasons } from '../domain/derivation/out-of-date';
import { derivationSourceOf, storedStepOf } from '../services/procedure-source';
import type { Loaders } from './loaders';
import type { ProcedureNode } from './types/procedure';

/**
 * Why a procedure no longer matches its source, computed on read by comparing it with a fresh
 * derivation: nothing is written to procedures when their sources are edited.
 */
export async function reasonsOutOfDate(loaders: Loaders, procedure: ProcedureNode): Promise<string[]> {
  const [model, steps, workflow] = await Promise.all([
    loaders.organisationModel.load(procedure.organisationId),
    loaders.stepsOfProcedure.load(procedure.storedId),
    procedure.sourceWorkflowId ? loaders.workflow.load(procedure.sourceWorkflowId) : Promise.resolve(null),
  ]);
  const fresh = deriveSteps(model, derivationSourceOf(procedure, workflow));
  return outOfDateReasons(steps.map(storedStepOf), fresh);
}
