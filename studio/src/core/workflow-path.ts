/**
 * A workflow's expanded path as the canvas shows it. The steps come from the API's workflow expansion
 * (Workflow.steps), never from a second copy of the expansion rules here: this only maps them onto the
 * model — which activities, processes and fork hand-overs the path passes through — for highlighting.
 */
import type { ArchitectureModel } from './model';

export interface WorkflowPathStep {
  /** 1-based over the whole path. */
  position: number;
  /** 0 in the initiating process, +1 for each fork followed. */
  depth: number;
  activityId: string;
  processId: string;
}

export interface WorkflowPath {
  workflowId: string;
  number: number;
  name: string;
  steps: readonly WorkflowPathStep[];
}

export interface PathHighlight {
  activityIds: ReadonlySet<string>;
  processIds: ReadonlySet<string>;
  /** The fork hand-overs the path follows (from a step into the called process's first step). */
  handoverIds: ReadonlySet<string>;
  /** Where each activity stands on the path (an activity can be visited more than once). */
  stepNumbers: ReadonlyMap<string, readonly number[]>;
}

export function highlightPath(model: ArchitectureModel, path: WorkflowPath): PathHighlight {
  const activityIds = new Set<string>();
  const processIds = new Set<string>();
  const handoverIds = new Set<string>();
  const stepNumbers = new Map<string, number[]>();
  path.steps.forEach((step, index) => {
    activityIds.add(step.activityId);
    processIds.add(step.processId);
    stepNumbers.set(step.activityId, [...(stepNumbers.get(step.activityId) ?? []), step.position]);
    const next = path.steps[index + 1];
    if (!next || next.depth !== step.depth + 1) return;
    // A deeper next step means this step forked into the next step's process.
    const fork = Object.values(model.handovers).find(
      (handover) =>
        handover.kind === 'FORK' &&
        handover.fromActivityId === step.activityId &&
        handover.targetProcessId === next.processId,
    );
    if (fork) handoverIds.add(fork.id);
  });
  return { activityIds, processIds, handoverIds, stepNumbers };
}

/** The steps from the API, keeping only what the canvas knows (an activity deleted meanwhile is dropped). */
export function pathFromWorkflow(
  model: ArchitectureModel,
  workflow: {
    id: string;
    number: number;
    name: string;
    steps: readonly { position: number; depth: number; activity: { id: string }; process: { id: string } }[];
  },
): WorkflowPath {
  return {
    workflowId: workflow.id,
    number: workflow.number,
    name: workflow.name,
    steps: workflow.steps
      .filter((step) => model.activities[step.activity.id])
      .map((step) => ({
        position: step.position,
        depth: step.depth,
        activityId: step.activity.id,
        processId: step.process.id,
      })),
  };
}
