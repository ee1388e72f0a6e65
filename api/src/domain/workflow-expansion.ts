/**
 * Expands a workflow into its ordered steps. The path is always derived from the live process model, never
 * stored, so editing a process (adding a step, removing a fork) changes every workflow that runs through it.
 */
import { PROCESS_KEYS, type ProcessKey } from './usm';

export interface ExpansionActivity {
  id: string;
  position: number;
}

export interface ExpansionModel {
  /** live activities of each process, any order (the function sorts by position) */
  activitiesByProcess: ReadonlyMap<ProcessKey, readonly ExpansionActivity[]>;
  /** FORK hand-overs only: activity id → target process keys */
  forkTargetsByActivity: ReadonlyMap<string, readonly ProcessKey[]>;
  /** which process each activity belongs to is implied by activitiesByProcess */
}

export interface WorkflowRoute {
  startProcess: ProcessKey;
  forkChoices: Partial<Record<ProcessKey, ProcessKey>>;
}

export interface ExpandedStep {
  /** 1-based over the whole path */
  position: number;
  /** 0 in the start process, +1 per fork */
  depth: number;
  processKey: ProcessKey;
  activityId: string;
}

/**
 * Walks the start process step by step; after a step that forks, runs each followed target process to
 * completion one level deeper, then resumes the caller at its next step (a fork is synchronous).
 *
 * Which forks are followed: with a choice recorded for the process, only the fork to that target (none if
 * the step no longer forks there, so a workflow whose chosen fork was removed expands without it); with no
 * choice, every fork of the step, in PROCESS_KEYS order.
 *
 * Termination: a process already on the call stack is never entered again. The API refuses the fork cycles
 * that would need this, but expansion must still end on any input, e.g. data written before a rule existed.
 * It also bounds the nesting depth by the number of processes, so the recursion stays shallow (the
 * loop over a process's steps is iterative). A model that forks everywhere still expands finitely, though
 * its path can be large, since a process may be entered again once it has left the stack.
 *
 * Cost: each process's activities are sorted once; after that every emitted step costs O(1) (fork lists
 * are scanned against the five process keys), so the whole walk is linear in the steps it emits.
 */
export function expandWorkflow(model: ExpansionModel, route: WorkflowRoute): ExpandedStep[] {
  const steps: ExpandedStep[] = [];
  const onCallStack = new Set<ProcessKey>();
  const sortedActivities = memoize((processKey: ProcessKey) =>
    [...(model.activitiesByProcess.get(processKey) ?? [])].sort((a, b) => a.position - b.position),
  );

  const forksToFollow = (processKey: ProcessKey, activityId: string): ProcessKey[] => {
    const targets = model.forkTargetsByActivity.get(activityId);
    if (!targets || targets.length === 0) return [];
    const choice = route.forkChoices[processKey];
    if (choice !== undefined) return targets.includes(choice) ? [choice] : [];
    return PROCESS_KEYS.filter((key) => targets.includes(key));
  };

  const runProcess = (processKey: ProcessKey, depth: number): void => {
    onCallStack.add(processKey);
    for (const activity of sortedActivities(processKey)) {
      steps.push({ position: steps.length + 1, depth, processKey, activityId: activity.id });
      for (const target of forksToFollow(processKey, activity.id)) {
        if (!onCallStack.has(target)) runProcess(target, depth + 1);
      }
    }
    onCallStack.delete(processKey);
  };

  runProcess(route.startProcess, 0);
  return steps;
}

function memoize<K, V>(compute: (key: K) => V): (key: K) => V {
  const cache = new Map<K, V>();
  return (key) => {
    if (!cache.has(key)) cache.set(key, compute(key));
    return cache.get(key)!;
  };
}
