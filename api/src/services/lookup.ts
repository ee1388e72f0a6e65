import type { EntityClass, EntityManager } from '@mikro-orm/postgresql';
import { NotFoundError } from '../domain/errors';
import { Activity } from '../persistence/entities';

/** One object by id, or NOT_FOUND (never null) so that every mutation answers unknown ids the same way. */
export async function lookupOrFail<T extends object>(
  em: EntityManager,
  entity: EntityClass<T>,
  id: string,
): Promise<T> {
  const found = await em.findOne(entity, { id } as never);
  if (!found) throw new NotFoundError(entity.name, id);
  return found as T;
}

/** A live activity with its process: tombstones are kept for traceability but cannot be edited. */
export async function liveActivityOrFail(em: EntityManager, id: string): Promise<Activity> {
  const found = await em.findOne(Activity, { id, deletedAt: null }, { populate: ['process'] });
  if (!found) throw new NotFoundError('Activity', id);
  return found;
}
