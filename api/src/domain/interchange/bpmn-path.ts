import { NotFoundError } from '../errors';
import { CALL_TYPE_ENTERING, type CallType, type ProcessKey } from '../usm';
import type { OrganisationSnapshot, SnapshotIndex } from './snapshot';

/** What a BPMN export is of. */
export type BpmnSelection =
  | { kind: 'PROCESS'; process: ProcessKey }
  | { kind: 'WORKFLOW'; workflowNumber: number }
  | { kind: 'PROCEDURE'; procedureId: string };

/** One activity on the exported path, as the diagram shows it. */
export interface PathStep {
  process: ProcessKey;
  depth: number;
  activityId: string;
  name: string;
  documentation: string;
  /** The role whose lane the step goes to (procedures); null: Unassigned. */
  laneRole: string | null;
}

export interface Run {
  process: ProcessKey;
  depth: number;
  entries: { step: PathStep; calls: Run[] }[];
}

/** The exported path and what the export is called and triggered by. */
export interface BpmnPath {
  steps: PathStep[];
  /** Forks on the path are followed into the called process (workflows); otherwise they are call activities. */
  followForks: boolean;
  title: string;
  trigger: CallType;
  /** Lanes per Responsible role (procedures). */
  withLanes: boolean;
  /** Where an empty path still opens. */
  startProcess: ProcessKey;
}

/**
 * The steps of a process (its activities), a workflow (its path, forks followed) or a procedure (its live
 * steps, each in the lane of its first Responsible role in role order).
 */
export function bpmnPath(
  snapshot: OrganisationSnapshot,
  index: SnapshotIndex,
  roleOrder: ReadonlyMap<string, number>,
  selection: BpmnSelection,
): BpmnPath {
  let steps: PathStep[];
  let followForks: boolean;
  let title: string;
  let trigger: CallType;
  let withLanes = false;
  let startProcess: ProcessKey;
  const activityStep = (activityId: string, process: ProcessKey, depth: number): PathStep => {
    const activity = index.activities.get(activityId);
    return {
      process,
      depth,
      activityId,
      name: activity?.name ?? '',
      documentation: activity?.description ?? '',
      laneRole: null,
    };
  };
  if (selection.kind === 'PROCESS') {
    const process = index.processes.get(selection.process);
    if (!process) throw new NotFoundError('Process', selection.process);
    steps = process.activities.map((activity) => activityStep(activity.id, process.key, 0));
    followForks = false;
    title = `Process ${process.name}`;
    trigger = CALL_TYPE_ENTERING[process.key];
    startProcess = process.key;
  } else if (selection.kind === 'WORKFLOW') {
    const workflow = index.workflows.get(selection.workflowNumber);
    if (!workflow) throw new NotFoundError('Workflow', String(selection.workflowNumber));
    steps = workflow.steps.map((step) => activityStep(step.activityId, step.process, step.depth));
    followForks = true;
    title = `Workflow ${workflow.number}: ${workflow.name}`;
    trigger = workflow.trigger;
    startProcess = workflow.startProcess;
  } else {
    const procedure = snapshot.procedures.find((candidate) => candidate.id === selection.procedureId);
    if (!procedure) throw new NotFoundError('Procedure', selection.procedureId);
    withLanes = true;
    steps = procedure.steps
      .filter((step) => !step.obsolete)
      .map((step) => {
        const responsible = step.responsibilities
          .filter((r) => r.letters.includes('R') && index.roles.has(r.roleId))
          .sort((a, b) => roleOrder.get(a.roleId)! - roleOrder.get(b.roleId)!)[0];
        const who = step.responsibilities
          .map((r) => `${index.roles.get(r.roleId)?.name ?? 'Unknown role'}: ${r.letters}`)
          .join('; ');
        const description = index.activities.get(step.activityId)?.description ?? '';
        return {
          process: step.process,
          depth: step.depth,
          activityId: step.activityId,
          name: step.name,
          documentation: [description, who ? `Responsibilities: ${who}.` : ''].filter(Boolean).join('\n'),
          laneRole: responsible?.roleId ?? null,
        };
      });
    followForks = procedure.source.kind === 'WORKFLOW';
    title = `Procedure ${procedure.name}`;
    const sourceWorkflow =
      procedure.source.kind === 'WORKFLOW' ? index.workflows.get(procedure.source.workflowNumber) : undefined;
    startProcess =
      procedure.source.kind === 'PROCESS'
        ? procedure.source.process
        : (sourceWorkflow?.startProcess ?? steps[0]?.process ?? 'AGREE');
    trigger = sourceWorkflow?.trigger ?? CALL_TYPE_ENTERING[startProcess];
  }
  return { steps, followForks, title, trigger, withLanes, startProcess };
}

/** Cuts a path (steps with depths) into the runs of each process and the calls between them. */
export function pathRuns(steps: readonly { process: ProcessKey; depth: number }[]): Run[] {
  const roots: Run[] = [];
  const stack: Run[] = [];
  for (const step of steps as readonly PathStep[]) {
    while (stack.length && stack[stack.length - 1]!.depth > step.depth) stack.pop();
    const top = stack[stack.length - 1];
    if (top && top.depth === step.depth && top.process === step.process) {
      top.entries.push({ step, calls: [] });
      continue;
    }
    if (top && top.depth === step.depth) stack.pop(); // a sibling call: the previous one has ended
    const run: Run = { process: step.process, depth: step.depth, entries: [{ step, calls: [] }] };
    const caller = stack[stack.length - 1];
    const lastEntry = caller?.entries[caller.entries.length - 1];
    if (caller && lastEntry && step.depth > caller.depth) lastEntry.calls.push(run);
    else roots.push(run);
    stack.push(run);
  }
  return roots;
}
