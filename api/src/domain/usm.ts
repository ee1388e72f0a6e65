/**
 * The vocabulary of Unified Service Management that the whole product speaks.
 * Plain data, no framework imports: the API, the studio and the tests all build on it.
 * Source: ../shared/usm/reference.md §2–§3.
 */

/** The five USM processes, in the order USM lists them. */
export const PROCESS_KEYS = ['AGREE', 'CHANGE', 'RECOVER', 'OPERATE', 'IMPROVE'] as const;
export type ProcessKey = (typeof PROCESS_KEYS)[number];

/** The five kinds of call (trigger) that start or continue a workflow. */
export const CALL_TYPES = ['WISH', 'RFC', 'INCIDENT', 'SERVICE_REQUEST', 'RISK'] as const;
export type CallType = (typeof CALL_TYPES)[number];

/**
 * FORK: a synchronous call; the caller waits for the called process to complete and resumes at its next step.
 * SPAWN: a new, independent call; the caller does not wait.
 */
export const HANDOVER_KINDS = ['FORK', 'SPAWN'] as const;
export type HandoverKind = (typeof HANDOVER_KINDS)[number];

/** Reference §2: each call type enters exactly one process. */
export const PROCESS_ENTERED_BY: Readonly<Record<CallType, ProcessKey>> = {
  WISH: 'AGREE',
  RFC: 'CHANGE',
  INCIDENT: 'RECOVER',
  SERVICE_REQUEST: 'OPERATE',
  RISK: 'IMPROVE',
};

/** The call type that enters a process (the inverse of PROCESS_ENTERED_BY). */
export const CALL_TYPE_ENTERING: Readonly<Record<ProcessKey, CallType>> = {
  AGREE: 'WISH',
  CHANGE: 'RFC',
  RECOVER: 'INCIDENT',
  OPERATE: 'SERVICE_REQUEST',
  IMPROVE: 'RISK',
};

export function isProcessKey(value: unknown): value is ProcessKey {
  return typeof value === 'string' && (PROCESS_KEYS as readonly string[]).includes(value);
}

export function isCallType(value: unknown): value is CallType {
  return typeof value === 'string' && (CALL_TYPES as readonly string[]).includes(value);
}
