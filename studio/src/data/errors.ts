import type { CombinedError } from '@urql/core';
import { GatewayError } from '../core/errors';

/** Turns urql's CombinedError into the editor's GatewayError, keeping the API's code and extensions. */
export function gatewayErrorFrom(error: CombinedError): GatewayError {
  if (error.networkError && error.graphQLErrors.length === 0) {
    return new GatewayError('NETWORK', error.networkError.message);
  }
  const first = error.graphQLErrors[0];
  const extensions = (first?.extensions ?? {}) as {
    code?: string;
    currentVersion?: number | null;
    field?: string;
    retryAfterSeconds?: number;
  };
  return new GatewayError(extensions.code ?? 'INTERNAL_SERVER_ERROR', first?.message ?? error.message, {
    currentVersion: extensions.currentVersion,
    field: extensions.field,
    retryAfterSeconds: extensions.retryAfterSeconds,
  });
}

/** A sentence for an error met outside the editor (sign-in, lists). */
export function errorMessage(error: CombinedError): string {
  const gatewayError = gatewayErrorFrom(error);
  switch (gatewayError.code) {
    case 'NETWORK':
      return 'The server could not be reached. Check your connection and try again.';
    case 'UNAUTHENTICATED':
      return 'Your session has ended. Sign in again.';
    case 'RATE_LIMITED': {
      const seconds = gatewayError.details.retryAfterSeconds;
      return `Too many attempts. Try again${seconds ? ` in ${Math.ceil(seconds / 60)} min` : ' later'}.`;
    }
    case 'INTERNAL_SERVER_ERROR':
      return 'Something went wrong on the server. Try again.';
    default:
      return gatewayError.message;
  }
}
