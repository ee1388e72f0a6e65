/**
 * The one place the studio asks "may I?": may this activity hand over to that process, may this user edit,
 * is this a usable name. The canvas (valid drop targets, tooltips), the menus and the commands all ask here,
 * so a refusal always gives the same reason. The API checks the same USM rules on its side (reference §5).
 */
import type { ArchitectureModel } from './model';
import {
  CALL_TYPE_ENTERING,
  CALL_TYPE_PHRASES,
  PROCESS_NAMES,
  type CallType,
  type HandoverKind,
  type MemberRole,
  type ProcessKey,
} from './usm';

/** Which processes each process may fork to (a fork waits for the called process to complete). */
export const ALLOWED_FORK_TARGETS: Readonly<Record<ProcessKey, readonly ProcessKey[]>> = {
  AGREE: ['CHANGE'],
  CHANGE: ['OPERATE'],
  RECOVER: ['CHANGE', 'OPERATE'],
  OPERATE: [],
  IMPROVE: ['AGREE', 'CHANGE', 'OPERATE'],
};

export type Verdict = { allowed: true; callType: CallType } | { allowed: false; reason: string };

/**
 * Whether a process may hand over to a target process by a fork or a spawn, and the call type that makes
 * the hand-over (the call type that enters the target). Every spawn is allowed: it starts a new,
 * independent call that the caller does not wait for.
 */
export function mayHandOver(from: ProcessKey, target: ProcessKey, kind: HandoverKind): Verdict {
  const callType = CALL_TYPE_ENTERING[target];
  if (kind === 'SPAWN') return { allowed: true, callType };
  const allowed = ALLOWED_FORK_TARGETS[from];
  if (allowed.includes(target)) return { allowed: true, callType };
  if (allowed.length === 0) return { allowed: false, reason: forkRule(from) };
  const refused = target === from ? `${PROCESS_NAMES[target]} itself` : PROCESS_NAMES[target];
  return { allowed: false, reason: `${forkRule(from).slice(0, -1)}, not to ${refused}.` };
}

/** The fork rule of a process as one sentence, e.g. for a panel that lists where a step may fork to. */
export function forkRule(from: ProcessKey): string {
  const allowed = ALLOWED_FORK_TARGETS[from];
  if (allowed.length === 0) {
    return `${PROCESS_NAMES[from]} forks to nothing: it carries out the work itself and calls no other process.`;
  }
  const choices = allowed.map(
    (key) => `${PROCESS_NAMES[key]} (by ${CALL_TYPE_PHRASES[CALL_TYPE_ENTERING[key]]})`,
  );
  return `${PROCESS_NAMES[from]} may fork only to ${alternatives(choices)}.`;
}

/**
 * Whether this activity may hand over to this process in the current model: the USM rule above, and no
 * second hand-over of the same kind and call type from one activity.
 */
export function mayConnect(
  model: ArchitectureModel,
  fromActivityId: string,
  targetProcessId: string,
  kind: HandoverKind,
): Verdict {
  const from = model.activities[fromActivityId];
  const target = model.processes[targetProcessId];
  if (!from) return { allowed: false, reason: 'Hand-overs start at an activity.' };
  if (!target) return { allowed: false, reason: 'Hand-overs go to a process.' };
  const verdict = mayHandOver(from.processKey, target.key, kind);
  if (!verdict.allowed) return verdict;
  const duplicate = Object.values(model.handovers).some(
    (handover) =>
      handover.fromActivityId === fromActivityId &&
      handover.callType === verdict.callType &&
      handover.kind === kind,
  );
  if (duplicate) {
    return {
      allowed: false,
      reason: `“${from.name}” already ${kind === 'FORK' ? 'forks' : 'spawns'} to ${target.name}.`,
    };
  }
  return verdict;
}

/** Owners and architects edit the model; trainers and viewers read it. */
export function mayEdit(role: MemberRole | null | undefined): boolean {
  return role === 'OWNER' || role === 'ARCHITECT';
}

export const NAME_MAX_LENGTH = 200;

/** Why a name cannot be used for an activity, or null when it can (the API's rule: 1 to 200 characters). */
export function nameProblem(name: string): string | null {
  const trimmed = name.trim();
  if (!trimmed) return 'An activity needs a name.';
  if (trimmed.length > NAME_MAX_LENGTH) return `A name has at most ${NAME_MAX_LENGTH} characters.`;
  return null;
}

function alternatives(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} or ${items[items.length - 1]}`;
}
