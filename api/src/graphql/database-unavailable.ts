import { ConnectionException, DriverException } from '@mikro-orm/core';

/**
 * Recognises an error caused by losing the database connection (a restart, a failover, an administrator
 * ending sessions) anywhere in an error's chain of causes. Such a request failed through no fault of
 * its own: the client may retry, and the connection pool replaces the broken connections by itself.
 */
const CONNECTION_LOST = [
  /terminating connection/i,
  /Connection terminated/i,
  /Connection ended unexpectedly/i,
  /connection error and is not queryable/i,
  /ECONNRESET|ECONNREFUSED|EPIPE/,
  /the database system is (starting up|shutting down)/i,
  // knex's answer to a query in a transaction whose connection has just died (and so was rolled back).
  /Transaction query already complete/i,
];

export function isDatabaseUnavailable(error: unknown): boolean {
  for (let current = error, depth = 0; current && depth < 5; depth += 1) {
    if (current instanceof ConnectionException) return true;
    if (current instanceof Error) {
      const code = (current as DriverException).code;
      // 08P01 (protocol violation) is a bad request, not a lost connection.
      if (typeof code === 'string' && code !== '08P01' && (code.startsWith('08') || code.startsWith('57P')))
        return true;
      if (CONNECTION_LOST.some((pattern) => pattern.test(current instanceof Error ? current.message : '')))
        return true;
    }
    current =
      (current as { originalError?: unknown; cause?: unknown }).originalError ??
      (current as { cause?: unknown }).cause;
  }
  return false;
}
