/**
 * Failures the editor can meet, as typed values the UI can show. The gateway turns the API's
 * `extensions.code` into a GatewayError; commands turn a stale version into a ConflictError and a broken
 * rule into a RuleViolation.
 */

/** The API's error codes (schema/error-codes.md), plus NETWORK when no answer arrived. */
export type ApiErrorCode =
  | 'BAD_USER_INPUT'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'RATE_LIMITED'
  | 'DATABASE_UNAVAILABLE'
  | 'INTERNAL_SERVER_ERROR'
  | 'NETWORK'
  | (string & {});

export class GatewayError extends Error {
  override readonly name = 'GatewayError';
  constructor(
    readonly code: ApiErrorCode,
    message: string,
    readonly details: { currentVersion?: number | null; field?: string; retryAfterSeconds?: number } = {},
  ) {
    super(message);
  }
}

/** Someone else changed the object since it was read: the edit was not saved. */
export class ConflictError extends Error {
  override readonly name = 'ConflictError';
  readonly code = 'CONFLICT';
  constructor(
    /** What the edit was, e.g. 'Rename “Classify” to “Triage”'. */
    readonly edit: string,
    /** The object's name as the editor knew it. */
    readonly objectName: string,
    readonly sentVersion: number,
    readonly currentVersion: number | null,
  ) {
    super(
      `“${objectName}” was changed by someone else` +
        (currentVersion == null ? '' : ` (you had version ${sentVersion}, it is now ${currentVersion})`) +
        `, so “${edit}” was not saved.`,
    );
  }
}

/** A USM or editor rule refused the edit before anything was sent. */
export class RuleViolation extends Error {
  override readonly name = 'RuleViolation';
  readonly code = 'RULE';
}

/** The object an edit refers to is gone from the model (deleted meanwhile, or never loaded). */
export class MissingObjectError extends Error {
  override readonly name = 'MissingObjectError';
  readonly code = 'NOT_FOUND';
}

export type EditFailureKind = 'conflict' | 'refused' | 'missing' | 'signed-out' | 'error';

/** What the UI shows when an edit (or its undo or redo) fails. */
export interface EditFailure {
  kind: EditFailureKind;
  /** 'Rename “Classify” to “Triage”', or 'Undo …' / 'Redo …'. */
  edit: string;
  message: string;
  /** For conflicts: the version the server holds now. */
  currentVersion?: number | null;
  /** The text the user typed, kept so a reload does not lose it. */
  pendingText?: string;
  /** For conflicts: what changed in the architecture meanwhile (read from the server after the failure). */
  changes?: readonly string[];
}

export function describeFailure(edit: string, error: unknown, pendingText?: string): EditFailure {
  const withText = pendingText === undefined ? {} : { pendingText };
  if (error instanceof ConflictError) {
    return {
      kind: 'conflict',
      edit,
      message: error.message,
      currentVersion: error.currentVersion,
      ...withText,
    };
  }
  if (error instanceof RuleViolation) return { kind: 'refused', edit, message: error.message, ...withText };
  if (error instanceof MissingObjectError) return { kind: 'missing', edit, message: error.message };
  if (error instanceof GatewayError) {
    switch (error.code) {
      case 'CONFLICT':
        return {
          kind: 'conflict',
          edit,
          message: `Someone else changed this meanwhile, so “${edit}” was not saved.`,
          currentVersion: error.details.currentVersion ?? null,
          ...withText,
        };
      case 'BAD_USER_INPUT':
        return { kind: 'refused', edit, message: error.message, ...withText };
      case 'NOT_FOUND':
        return { kind: 'missing', edit, message: 'It no longer exists: someone may have deleted it.' };
      case 'UNAUTHENTICATED':
        return { kind: 'signed-out', edit, message: 'Your session has ended. Sign in again.' };
      case 'FORBIDDEN':
        return { kind: 'refused', edit, message: 'Your role in this organisation does not allow editing.' };
      case 'NETWORK':
        return { kind: 'error', edit, message: 'The server could not be reached. Check your connection.' };
      case 'DATABASE_UNAVAILABLE':
        return { kind: 'error', edit, message: 'The database is briefly unavailable. Try again.' };
      default:
        return { kind: 'error', edit, message: error.message || 'The server could not save this edit.' };
    }
  }
  return { kind: 'error', edit, message: error instanceof Error ? error.message : String(error) };
}
