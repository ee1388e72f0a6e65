/**
 * Derives the steps of a procedure from its source: one process (its live activities in position order) or
 * one workflow (its fork-expanded path). The steps are never edited by hand; re-deriving brings a stored
 * procedure back in line with the model (see rederive.ts).
 */
import type { ProcessKey } from '../usm';
import { expandWorkflow, type ExpansionModel, type WorkflowRoute } from '../workflow-expansion';

export interface SourceActivity {
  id: string;
  name: string;
  processKey: ProcessKey;
}

export interface DerivationModel {
  /** live activities and fork targets, as workflow expansion consumes them */
  expansion: ExpansionModel;
  /** live activities by id, for their names */
  activities: ReadonlyMap<string, SourceActivity>;
}

export type DerivationSource =
  | { kind: 'PROCESS'; processKey: ProcessKey }
  | { kind: 'WORKFLOW'; route: WorkflowRoute };

export interface DerivedStep {
  activityId: string;
  /** 1 the first time the activity appears on the path, 2 the second time, … */
  occurrence: number;
  processKey: ProcessKey;
  /** 0 in the source process, +1 per fork */
  depth: number;
  activityName: string;
}

/**
 * The steps of a procedure derived from `source`, in path order. Deterministic: the same model and source
 * always give the same steps, which re-derivation relies on to tell "nothing changed" from a change.
 *
 * A process source runs through the same expansion with its forks left out, so both kinds of source share
 * one notion of activity order (position; ties keep the model's order).
 */
export function deriveSteps(model: DerivationModel, source: DerivationSource): DerivedStep[] {
  const path =
    source.kind === 'PROCESS'
      ? expandWorkflow(
          { activitiesByProcess: model.expansion.activitiesByProcess, forkTargetsByActivity: new Map() },
          { startProcess: source.processKey, forkChoices: {} },
        )
      : expandWorkflow(model.expansion, source.route);

  // A step is identified by (activity, occurrence) because a workflow can pass the same activity twice,
  // e.g. when two steps of Change both fork to Operate.
  const seen = new Map<string, number>();
  return path.map((step) => {
    const occurrence = (seen.get(step.activityId) ?? 0) + 1;
    seen.set(step.activityId, occurrence);
    const activity = model.activities.get(step.activityId);
    // Both halves of the model are built from the same rows, so a gap is a bug, not a user error.
    if (!activity)
      throw new Error(`Activity ${step.activityId} is on the path but has no name in the model.`);
    return {
      activityId: step.activityId,
      occurrence,
      processKey: step.processKey,
      depth: step.depth,
      activityName: activity.name,
    };
  });
}

/** A step's identity as one string, for maps and sets. Unambiguous: the occurrence after the last '#'. */
export function stepKey(step: { activityId: string; occurrence: number }): string {
  return `${step.activityId}#${step.occurrence}`;
}
