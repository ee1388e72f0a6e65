import type { EntityManager, EventSubscriber, MikroORM } from '@mikro-orm/postgresql';
import type { SecretPrincipal } from './credentials';

/**
 * A short-lived, in-process cache of who a secret stands for (the user's row and memberships), keyed by
 * the secret's SHA-256, so that a signed-in request does not have to read them with its own statement.
 *
 * Staleness, and what bounds it (docs/security.md, "Session cache"):
 * - In this process: none that a client can observe. Logout and token revocation clear the cache
 *   (`invalidatePrincipals`), and so does every committed ORM transaction (any change of a user, a
 *   membership or a credential goes through one), before the next request starts. A look-up that was
 *   reading while the cache was cleared does not store what it read.
 * - In other API processes on the same database: up to `ttlMs` (default 5 s). A revoked token or a
 *   removed membership still counts there until its entry expires. Mutations never use cached
 *   memberships (RequestAccess.beforeMutation reads them again), only the cached user.
 * Unknown, revoked or expired secrets are never cached: each of their requests asks the database.
 * Writes that bypass the ORM's transactions (`nativeUpdate`/`nativeDelete` outside `inTransaction`, raw
 * SQL) on users, memberships or credentials must call `invalidatePrincipals` themselves.
 */
export class PrincipalCache {
  private readonly entries = new Map<string, { principal: SecretPrincipal; expiresAt: number }>();
  /** Bumped by every invalidation: a look-up stores its result only if none happened meanwhile. */
  private generation = 0;

  constructor(
    readonly ttlMs: number,
    private readonly maxEntries = 10_000,
  ) {}

  get(hash: string, now: number): SecretPrincipal | null {
    const entry = this.entries.get(hash);
    if (!entry) return null;
    if (entry.expiresAt > now) return entry.principal;
    this.entries.delete(hash);
    return null;
  }

  /** Call before reading from the database; pass the result to `store`. */
  currentGeneration(): number {
    return this.generation;
  }

  store(hash: string, principal: SecretPrincipal, readInGeneration: number, now: number): void {
    if (readInGeneration !== this.generation) return;
    if (this.entries.size >= this.maxEntries) {
      // The oldest entry first (a Map iterates in insertion order).
      const oldest = this.entries.keys().next();
      if (!oldest.done) this.entries.delete(oldest.value);
    }
    this.entries.set(hash, { principal, expiresAt: now + this.ttlMs });
  }

  invalidate(): void {
    this.generation += 1;
    this.entries.clear();
  }

  /** Clears the cache after each committed transaction of the ORM it is subscribed to. */
  readonly subscriber: EventSubscriber = {
    afterTransactionCommit: () => this.invalidate(),
  };
}

/** How long an API process reuses a principal by default (ServerSettings.principalCacheMs). */
export const DEFAULT_PRINCIPAL_CACHE_MS = 5_000;

/** One cache per ORM (per database): tests run several APIs, on several databases, in one process. */
const caches = new WeakMap<object, PrincipalCache>();

/**
 * Turns the cache on for this ORM (the API server does; tools and the WebSocket share it). A TTL of 0
 * leaves it off.
 */
export function enablePrincipalCache(orm: MikroORM, ttlMs: number): void {
  if (ttlMs <= 0 || caches.has(orm.config)) return;
  const cache = new PrincipalCache(ttlMs);
  orm.em.getEventManager().registerSubscriber(cache.subscriber);
  caches.set(orm.config, cache);
}

export function principalCacheOf(em: EntityManager): PrincipalCache | undefined {
  return caches.get(em.config);
}

/** Forgets every cached principal of this database in this process (after a revocation). */
export function invalidatePrincipals(em: EntityManager): void {
  principalCacheOf(em)?.invalidate();
}
