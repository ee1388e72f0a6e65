import {
  REFERENCE_HANDOVERS,
  REFERENCE_PROCESSES,
  REFERENCE_PROFILES,
  REFERENCE_WORKFLOWS,
} from './reference-model';
import { referenceActivityId, referenceExpansionModel } from './reference-expansion';
import { ALLOWED_FORK_TARGETS } from './rules';
import { CALL_TYPE_ENTERING, PROCESS_ENTERED_BY, type ProcessKey } from './usm';
import { expandWorkflow } from './workflow-expansion';

/**
 * The reference model as one read-only document, with each workflow expanded by the same function that
 * expands an organisation's workflows (so the two can never disagree).
 */
export function describeReferenceModel() {
  const model = referenceExpansionModel();
  const activityNames = new Map<string, string>();
  for (const process of REFERENCE_PROCESSES) {
    process.activities.forEach((activity, index) =>
      activityNames.set(referenceActivityId(process.key, index + 1), activity.name),
    );
  }
  const positionOf = (activityId: string) => Number(activityId.split('-').at(-1));

  return {
    processes: REFERENCE_PROCESSES.map((process) => ({
      key: process.key,
      name: process.name,
      purpose: process.purpose,
      enteredBy: CALL_TYPE_ENTERING[process.key],
      allowedForkTargets: [...ALLOWED_FORK_TARGETS[process.key]],
      activities: process.activities.map((activity, index) => ({
        position: index + 1,
        name: activity.name,
        description: activity.description,
        handovers: REFERENCE_HANDOVERS.filter(
          (handover) => handover.process === process.key && handover.activityPosition === index + 1,
        ).map((handover) => ({
          callType: handover.callType,
          kind: handover.kind,
          target: PROCESS_ENTERED_BY[handover.callType],
        })),
      })),
    })),
    workflows: REFERENCE_WORKFLOWS.map((workflow) => ({
      number: workflow.number,
      name: workflow.name,
      trigger: workflow.trigger,
      reactive: workflow.reactive,
      startProcess: workflow.startProcess,
      forkChoices: Object.entries(workflow.forkChoices).map(([process, target]) => ({
        process: process as ProcessKey,
        target: target as ProcessKey,
      })),
      steps: expandWorkflow(model, workflow).map((step) => ({
        position: step.position,
        depth: step.depth,
        process: step.processKey,
        activityPosition: positionOf(step.activityId),
        activityName: activityNames.get(step.activityId) ?? '',
      })),
    })),
    profiles: REFERENCE_PROFILES.map((profile) => ({ ...profile })),
  };
}
