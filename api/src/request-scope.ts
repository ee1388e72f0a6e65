import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';

/** Per-request values that code deep below the resolvers needs without passing them down (the log id). */
interface RequestScope {
  requestId: string;
}

const scope = new AsyncLocalStorage<RequestScope>();

/** A client-supplied id is kept when it is short and plain; otherwise we make one. */
export function requestIdFrom(header: string | string[] | undefined): string {
  const value = Array.isArray(header) ? header[0] : header;
  return value && /^[\w.-]{1,64}$/.test(value) ? value : randomUUID();
}

export function withRequestScope(requestId: string, next: () => void): void {
  scope.run({ requestId }, next);
}

export function currentRequestId(): string | undefined {
  return scope.getStore()?.requestId;
}
