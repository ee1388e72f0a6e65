/**
 * The hand-over rules a process model is checked against (reference §5).
 */
import { PROCESS_NAMES } from './reference-model';
import {
  CALL_TYPE_ENTERING,
  PROCESS_ENTERED_BY,
  type CallType,
  type HandoverKind,
  type ProcessKey,
} from './usm';

/** Which processes each process may fork to (a fork waits for the called process to finish). */
export const ALLOWED_FORK_TARGETS: Readonly<Record<ProcessKey, readonly ProcessKey[]>> = {
  AGREE: ['CHANGE'],
  CHANGE: ['OPERATE'],
  RECOVER: ['CHANGE', 'OPERATE'],
  OPERATE: [],
  IMPROVE: ['AGREE', 'CHANGE', 'OPERATE'],
};

const CALL_PHRASES: Readonly<Record<CallType, string>> = {
  WISH: 'a wish',
  RFC: 'an RFC',
  INCIDENT: 'an incident',
  SERVICE_REQUEST: 'a service request',
  RISK: 'a risk',
};

export function processLabel(key: ProcessKey): string {
  return PROCESS_NAMES[key];
}

/**
 * Why a hand-over from `from` by a call of `callType` is not allowed, or null when it is.
 *
 * Our reading: the reference only lists which spawns occur, not which are forbidden. A spawn starts a new,
 * independent call and the caller does not wait for it, so it can never make a workflow loop back into
 * itself; we therefore allow every spawn, from any process to any process.
 */
export function handoverViolation(from: ProcessKey, callType: CallType, kind: HandoverKind): string | null {
  if (kind === 'SPAWN') return null;
  const allowed = ALLOWED_FORK_TARGETS[from];
  const target = PROCESS_ENTERED_BY[callType];
  if (allowed.includes(target)) return null;
  if (allowed.length === 0) {
    return `${processLabel(from)} forks to nothing: it carries out work itself and calls no other process.`;
  }
  const choices = allowed.map((key) => `${processLabel(key)} (by ${CALL_PHRASES[CALL_TYPE_ENTERING[key]]})`);
  const refused = target === from ? `${processLabel(target)} itself` : processLabel(target);
  return `${processLabel(from)} may fork only to ${joinAsAlternatives(choices)}, not to ${refused}.`;
}

function joinAsAlternatives(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} or ${items[items.length - 1]}`;
}
