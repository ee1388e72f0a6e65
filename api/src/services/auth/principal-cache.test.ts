import { describe, expect, it } from 'vitest';
import type { SecretPrincipal } from './credentials';
import { PrincipalCache } from './principal-cache';

const principal = (userId: string): SecretPrincipal => ({
  userId,
  administrator: false,
  userRow: { id: userId },
  roles: new Map(),
});

describe('PrincipalCache', () => {
  it('returns an entry until its lifetime ends', () => {
    const cache = new PrincipalCache(1_000);
    cache.store('a', principal('u1'), cache.currentGeneration(), 10_000);
    expect(cache.get('a', 10_999)?.userId).toBe('u1');
    expect(cache.get('a', 11_000)).toBeNull();
    expect(cache.get('a', 10_500)).toBeNull();
  });

  it('forgets everything on invalidate, and does not store a read that overlapped it', () => {
    const cache = new PrincipalCache(1_000);
    cache.store('a', principal('u1'), cache.currentGeneration(), 0);
    const readStartedIn = cache.currentGeneration();
    cache.invalidate();
    expect(cache.get('a', 1)).toBeNull();
    cache.store('b', principal('u2'), readStartedIn, 2);
    expect(cache.get('b', 3)).toBeNull();
    cache.store('b', principal('u2'), cache.currentGeneration(), 4);
    expect(cache.get('b', 5)?.userId).toBe('u2');
  });

  it('holds at most maxEntries, dropping the oldest', () => {
    const cache = new PrincipalCache(1_000, 2);
    for (const key of ['a', 'b', 'c']) cache.store(key, principal(key), cache.currentGeneration(), 0);
    expect(cache.get('a', 1)).toBeNull();
    expect(cache.get('b', 1)?.userId).toBe('b');
    expect(cache.get('c', 1)?.userId).toBe('c');
  });
});
