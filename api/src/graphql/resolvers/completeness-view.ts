import type { Completeness } from '../../domain/derivation/completeness';
import type { ProcedureStep } from '../../persistence/entities';
import { procedureStepNode } from '../mappers';
import type { CompletenessView } from '../types/procedure';

/** The domain's completeness figures with the gap steps as GraphQL objects. */
export function completenessView(
  completeness: Completeness,
  steps: readonly ProcedureStep[],
): CompletenessView {
  const byId = new Map(steps.map((step) => [step.id, step]));
  const nodes = (ids: readonly string[]) => ids.map((id) => procedureStepNode(byId.get(id)!));
  return {
    liveSteps: completeness.liveSteps,
    whoGaps: completeness.whoGaps,
    howGaps: completeness.howGaps,
    percentComplete: completeness.percentComplete,
    whoGapSteps: nodes(completeness.whoGapStepIds),
    howGapSteps: nodes(completeness.howGapStepIds),
  };
}
