/**
 * The workflow walkthrough's step logic. The steps are the API's expansion (Workflow.steps), taken as they
 * are: this only says where the walk stands and what happened between one step and the next — the same
 * process going on, a call going out (a fork: the caller waits), called processes completing and the flow
 * going back to the caller's next step — and which spawns leave the current activity (side notes: the flow
 * does not wait for them).
 */
import {
  CALL_TYPE_ENTERING,
  CALL_TYPE_LABELS,
  CALL_TYPE_PHRASES,
  type CallType,
  type HandoverKind,
} from '../usm';
import type { ProcessKey } from '../usm';

export interface WalkProcess {
  readonly id: string;
  readonly key: ProcessKey;
  readonly name: string;
  readonly purpose: string;
}

export interface WalkStep {
  /** 1-based over the whole path. */
  readonly position: number;
  /** 0 in the initiating process, +1 for each fork followed. */
  readonly depth: number;
  readonly activity: { readonly id: string; readonly name: string; readonly description: string };
  readonly process: WalkProcess;
}

export interface WalkHandover {
  readonly id: string;
  readonly fromActivityId: string;
  readonly targetProcessId: string;
  readonly kind: HandoverKind;
  readonly callType: CallType;
}

export interface ForkOut {
  readonly callType: CallType;
  /** The hand-over followed (null when the model no longer has it). */
  readonly handoverId: string | null;
  readonly from: WalkProcess;
  readonly fromActivityName: string;
  readonly to: WalkProcess;
  /** The depth of the called process. */
  readonly depth: number;
}

export interface ReturnTo {
  readonly process: WalkProcess;
  readonly activityName: string;
  readonly depth: number;
}

/** What happened between two consecutive steps. */
export interface StepTransition {
  /** Called processes that completed on the way, innermost first. */
  readonly completed: readonly WalkProcess[];
  /** The caller the flow went back to, resuming at its next step. */
  readonly returnTo: ReturnTo | null;
  /** A call going out into the next step's process. */
  readonly fork: ForkOut | null;
}

export interface SpawnNote {
  readonly handoverId: string;
  readonly callType: CallType;
  readonly target: WalkProcess | null;
  readonly text: string;
}

/** Keeps a step number within the path: 1 … length (1 for an empty path). */
export function clampStep(step: number, length: number): number {
  if (!Number.isFinite(step) || length < 1) return 1;
  return Math.min(Math.max(Math.trunc(step), 1), length);
}

/** The ?step=N of a location search, within the path; 1 when absent or not a number. */
export function stepFromSearch(search: string, length: number): number {
  const raw = new URLSearchParams(search).get('step');
  return clampStep(raw === null ? 1 : Number(raw), length);
}

export function nextStep(step: number, length: number): number {
  return clampStep(step + 1, length);
}

export function previousStep(step: number, length: number): number {
  return clampStep(step - 1, length);
}

/**
 * What happened between step `from` and step `from + 1` (1-based positions in `steps`); null when either
 * is outside the path.
 */
export function transitionAfter(
  steps: readonly WalkStep[],
  from: number,
  handovers: readonly WalkHandover[],
): StepTransition | null {
  const current = steps[from - 1];
  const next = steps[from];
  if (!current || !next) return null;

  if (next.depth > current.depth) {
    return { completed: [], returnTo: null, fork: forkOut(current, next, handovers) };
  }

  // The processes running at each depth, as they stand at `current`.
  const frames = framesAt(steps, from - 1);
  const completed: WalkProcess[] = [];
  for (let depth = current.depth; depth > next.depth; depth -= 1) completed.push(frames[depth]!.process);
  const frame = frames[next.depth]!;
  if (frame.process.id === next.process.id) {
    return {
      completed,
      returnTo:
        completed.length > 0
          ? { process: next.process, activityName: next.activity.name, depth: next.depth }
          : null,
      fork: null,
    };
  }
  // The process at this depth completed too; its caller forks again (one step forking to several
  // processes), into the next step's process.
  completed.push(frame.process);
  const caller = next.depth > 0 ? frames[next.depth - 1] : undefined;
  return {
    completed,
    returnTo: null,
    fork: caller ? forkOut(caller, next, handovers) : null,
  };
}

/** The transition that led to step `step` (null at step 1). */
export function transitionInto(
  steps: readonly WalkStep[],
  step: number,
  handovers: readonly WalkHandover[],
): StepTransition | null {
  return step > 1 ? transitionAfter(steps, step - 1, handovers) : null;
}

/** The last step at each depth up to `index`'s depth (the call stack at that step). */
function framesAt(steps: readonly WalkStep[], index: number): WalkStep[] {
  const frames: WalkStep[] = [];
  for (let i = 0; i <= index; i += 1) {
    const step = steps[i]!;
    frames[step.depth] = step;
    frames.length = step.depth + 1;
  }
  return frames;
}

function forkOut(caller: WalkStep, next: WalkStep, handovers: readonly WalkHandover[]): ForkOut {
  const handover = handovers.find(
    (candidate) =>
      candidate.kind === 'FORK' &&
      candidate.fromActivityId === caller.activity.id &&
      candidate.targetProcessId === next.process.id,
  );
  return {
    // Each call type enters exactly one process: without the hand-over, the target says which it was.
    callType: handover?.callType ?? CALL_TYPE_ENTERING[next.process.key],
    handoverId: handover?.id ?? null,
    from: caller.process,
    fromActivityName: caller.activity.name,
    to: next.process,
    depth: next.depth,
  };
}

/** The spawns leaving an activity: side notes that do not interrupt the walk. */
export function spawnsFrom(
  activityId: string,
  handovers: readonly WalkHandover[],
  processes: readonly WalkProcess[],
): SpawnNote[] {
  return handovers
    .filter((handover) => handover.kind === 'SPAWN' && handover.fromActivityId === activityId)
    .sort((a, b) => a.callType.localeCompare(b.callType))
    .map((handover) => {
      const target = processes.find((process) => process.id === handover.targetProcessId) ?? null;
      const where = target ? ` for ${target.name}` : '';
      return {
        handoverId: handover.id,
        callType: handover.callType,
        target,
        text: `Spawns ${CALL_TYPE_PHRASES[handover.callType]}${where}; the flow does not wait for it.`,
      };
    });
}

/** 'RFC to Change'. */
export function forkLabel(fork: ForkOut): string {
  return `${CALL_TYPE_LABELS[fork.callType]} to ${fork.to.name}`;
}

/** 'back to Agree: Evaluate & close'. */
export function returnLabel(returnTo: ReturnTo): string {
  return `back to ${returnTo.process.name}: ${returnTo.activityName}`;
}

/** One sentence for the transition, or null when the same process simply goes on. */
export function describeTransition(transition: StepTransition | null): string | null {
  if (!transition) return null;
  const parts: string[] = [];
  if (transition.completed.length > 0) {
    parts.push(`${transition.completed.map((process) => process.name).join(', then ')} completes`);
  }
  if (transition.returnTo) parts.push(returnLabel(transition.returnTo));
  if (transition.fork) {
    parts.push(`${transition.fork.from.name} calls out: ${forkLabel(transition.fork)} (and waits)`);
  }
  return parts.length > 0 ? capitalise(parts.join(' — ')) : null;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
