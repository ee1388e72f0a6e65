/**
 * Errors the domain raises. Each carries a stable code from schema/error-codes.json; the GraphQL edge
 * translates them into GraphQL errors with `extensions.code`. Anything that is not a DomainError is
 * unexpected: it is logged and masked at the edge.
 */
export type DomainErrorCode =
  | 'BAD_USER_INPUT'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'RATE_LIMITED';

export abstract class DomainError extends Error {
  abstract readonly code: DomainErrorCode;
  /** Extra members for `extensions` (never internals: they reach clients). */
  abstract extensions(): Record<string, unknown>;
}

/** The input breaks a rule. `field` is the offending input path, e.g. `input.position`. */
export class BadUserInputError extends DomainError {
  readonly code = 'BAD_USER_INPUT';
  constructor(
    message: string,
    readonly field: string,
  ) {
    super(message);
    this.name = 'BadUserInputError';
  }
  extensions() {
    return { field: this.field };
  }
}

/**
 * No object with this id exists (in the caller's organisation). `typeName` is the object's type
 * (e.g. `Activity`) and `id` its stored id; the edge rewrites both into the client's global id.
 */
export class NotFoundError extends DomainError {
  readonly code = 'NOT_FOUND';
  constructor(
    readonly typeName: string,
    readonly id: string,
  ) {
    super(`No ${typeName} with id ${id} exists.`);
    this.name = 'NotFoundError';
  }
  extensions() {
    return { type: this.typeName };
  }
}

/** The client edited from a stale version; it should re-read the object and retry. */
export class ConflictError extends DomainError {
  readonly code = 'CONFLICT';
  constructor(
    readonly entity: string,
    readonly currentVersion: number | null,
    message?: string,
  ) {
    super(
      message ??
        `This ${entity} was changed by someone else (now at version ${currentVersion ?? 'unknown'}). Reload it and apply your edit again.`,
    );
    this.name = 'ConflictError';
  }
  extensions() {
    return { currentVersion: this.currentVersion };
  }
}

/** The request carries no valid session or token. */
export class UnauthenticatedError extends DomainError {
  readonly code = 'UNAUTHENTICATED';
  constructor(message = 'Sign in first: send the session cookie or an `Authorization: Bearer` token.') {
    super(message);
    this.name = 'UnauthenticatedError';
  }
  extensions() {
    return {};
  }
}

/** Signed in, but this user's role does not allow it. */
export class ForbiddenError extends DomainError {
  readonly code = 'FORBIDDEN';
  constructor(message: string) {
    super(message);
    this.name = 'ForbiddenError';
  }
  extensions() {
    return {};
  }
}

/** Too many attempts; the client may retry after `retryAfterSeconds`. */
export class RateLimitedError extends DomainError {
  readonly code = 'RATE_LIMITED';
  constructor(
    message: string,
    readonly retryAfterSeconds: number,
  ) {
    super(message);
    this.name = 'RateLimitedError';
  }
  extensions() {
    return { retryAfterSeconds: this.retryAfterSeconds };
  }
}
