/**
 * Presentations (share links for a class): where the trainer stands, how the trainee's page follows —
 * live over a WebSocket subscription, or by polling every 2 s when the socket cannot connect or closes (or
 * when the link says ?transport=poll) — and which answer wins when both arrive (the newer version).
 */
import type { DerivationStage } from './derivation-walk';

export type WalkthroughMode = 'WORKFLOW' | 'DERIVATION';

export const POLL_INTERVAL_MS = 2000;

/** Where a presentation stands, as the API answers it. */
export interface PresentedPlace {
  readonly id: string;
  readonly version: number;
  readonly mode: WalkthroughMode;
  readonly workflowNumber: number | null;
  readonly procedureId: string | null;
  /** WORKFLOW: 1-based position on the path; DERIVATION: the stage (1 WHAT, 2 WHO, 3 HOW). */
  readonly step: number;
  readonly live: boolean;
}

/** What the trainer shows now: sent with every step or stage change. */
export type WalkthroughTarget =
  | { readonly mode: 'WORKFLOW'; readonly workflowNumber: number; readonly step: number }
  | { readonly mode: 'DERIVATION'; readonly procedureId: string; readonly step: DerivationStage };

export function sameTarget(place: PresentedPlace, target: WalkthroughTarget): boolean {
  if (place.mode !== target.mode || place.step !== target.step) return false;
  return target.mode === 'WORKFLOW'
    ? place.workflowNumber === target.workflowNumber
    : place.procedureId === target.procedureId;
}

/** The share link trainees open: the studio's origin and the API's sharePath ("/present/<token>"). */
export function shareLink(origin: string, sharePath: string): string {
  return `${origin.replace(/\/$/, '')}${sharePath.startsWith('/') ? '' : '/'}${sharePath}`;
}

/** The share token of a /present/<token> path; null for any other path. */
export function shareTokenFromPath(path: string): string | null {
  const match = /^\/present\/([^/]+)\/?$/.exec(path);
  return match ? decodeURIComponent(match[1]!) : null;
}

export type TransportChoice = 'live' | 'poll';

/** ?transport=poll forces polling (for rooms that block WebSockets, and for tests); live otherwise. */
export function transportFromSearch(search: string): TransportChoice {
  return new URLSearchParams(search).get('transport') === 'poll' ? 'poll' : 'live';
}

/**
 * The answer to keep when a subscription event and a poll answer cross: the higher version (a presentation
 * only moves forward in versions); an ended presentation stays ended.
 */
export function newerPlace(
  current: PresentedPlace | null,
  incoming: PresentedPlace | null,
): PresentedPlace | null {
  if (!incoming) return current;
  if (!current || current.id !== incoming.id) return incoming;
  if (!current.live) return current;
  return incoming.version >= current.version ? incoming : current;
}

export type FollowStatus = 'connecting' | 'live' | 'polling' | 'ended';

export type FollowEvent =
  | { readonly type: 'connected' }
  /** The socket could not connect, or closed. */
  | { readonly type: 'socket-lost' }
  | { readonly type: 'moved'; readonly place: PresentedPlace | null };

/** How the trainee's page follows: live until the socket is lost, then polling; ended for good. */
export function nextFollowStatus(status: FollowStatus, event: FollowEvent): FollowStatus {
  if (status === 'ended') return 'ended';
  switch (event.type) {
    case 'connected':
      return status === 'polling' ? 'polling' : 'live';
    case 'socket-lost':
      return 'polling';
    case 'moved':
      return !event.place || !event.place.live ? 'ended' : status;
  }
}

export const FOLLOW_STATUS_LABELS: Readonly<Record<FollowStatus, string>> = {
  connecting: 'Connecting…',
  live: 'Following live',
  polling: 'Following (checking every 2 s)',
  ended: 'The presentation has ended',
};
