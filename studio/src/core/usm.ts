/**
 * The USM vocabulary the studio speaks (reference §2–§3). The enum types come from the generated schema
 * types, so a schema change that renames a key breaks the build instead of the canvas.
 */
import type { CallType, HandoverKind, MemberRole, ProcessKey } from '../gql/graphql';

export type { CallType, HandoverKind, MemberRole, ProcessKey };

/** The five processes in the order USM lists them. */
export const PROCESS_KEYS: readonly ProcessKey[] = ['AGREE', 'CHANGE', 'RECOVER', 'OPERATE', 'IMPROVE'];

export const PROCESS_NAMES: Readonly<Record<ProcessKey, string>> = {
  AGREE: 'Agree',
  CHANGE: 'Change',
  RECOVER: 'Recover',
  OPERATE: 'Operate',
  IMPROVE: 'Improve',
};

/** Each call type enters exactly one process. */
export const PROCESS_ENTERED_BY: Readonly<Record<CallType, ProcessKey>> = {
  WISH: 'AGREE',
  RFC: 'CHANGE',
  INCIDENT: 'RECOVER',
  SERVICE_REQUEST: 'OPERATE',
  RISK: 'IMPROVE',
};

/** The call type that enters a process: a hand-over to a process is made by this call. */
export const CALL_TYPE_ENTERING: Readonly<Record<ProcessKey, CallType>> = {
  AGREE: 'WISH',
  CHANGE: 'RFC',
  RECOVER: 'INCIDENT',
  OPERATE: 'SERVICE_REQUEST',
  IMPROVE: 'RISK',
};

/** Short labels for edges and menus. */
export const CALL_TYPE_LABELS: Readonly<Record<CallType, string>> = {
  WISH: 'wish',
  RFC: 'RFC',
  INCIDENT: 'incident',
  SERVICE_REQUEST: 'service request',
  RISK: 'risk',
};

/** With an article, for sentences ("Change forks to Operate by a service request"). */
export const CALL_TYPE_PHRASES: Readonly<Record<CallType, string>> = {
  WISH: 'a wish',
  RFC: 'an RFC',
  INCIDENT: 'an incident',
  SERVICE_REQUEST: 'a service request',
  RISK: 'a risk',
};
