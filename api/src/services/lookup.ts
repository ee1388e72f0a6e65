import { LockMode, type EntityClass, type EntityManager } from '@mikro-orm/postgresql';
import { NotFoundError } from '../domain/errors';
import { Activity } from '../persistence/entities';

/**
 * One object by id, or NOT_FOUND (never null) so that every mutation answers unknown ids the same way.
 * `lock` reads it FOR UPDATE: concurrent edits of the same object then take turns, so the version check
 * that follows sees the latest committed version (and a stale client gets CONFLICT, even when its edit
 * would change nothing).
 */
export async function lookupOrFail<T extends object>(
  em: EntityManager,
  entity: EntityClass<T>,
  id: string,
  options: { lock?: boolean } = {},
): Promise<T> {
  const found = await em.findOne(entity, { id } as never, lockOptions(options));
  if (!found) throw new NotFoundError(entity.name, id);
  return found as T;
}

/** A live activity with its process: tombstones are kept for traceability but cannot be edited. */
export async function liveActivityOrFail(
  em: EntityManager,
  id: string,
  options: { lock?: boolean } = {},
): Promise<Activity> {
  const found = await em.findOne(Activity, { id, deletedAt: null }, { ...lockOptions(options) });
  if (!found) throw new NotFoundError('Activity', id);
  await em.populate(found, ['process']);
  return found;
}

function lockOptions(options: { lock?: boolean }) {
  // refresh: the locked read must win over anything the identity map already holds.
  return options.lock ? { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true } : {};
}
