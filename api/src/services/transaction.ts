import {
  DeadlockException,
  ForeignKeyConstraintViolationException,
  OptimisticLockError,
  UniqueConstraintViolationException,
  type EntityManager,
} from '@mikro-orm/postgresql';
import { ConflictError } from '../domain/errors';
import type { Versioned } from '../persistence/entities/base';

/**
 * Runs one mutation as one transaction: it commits whole or changes nothing. A concurrent edit that
 * committed first surfaces at flush as OptimisticLockError; it becomes a CONFLICT with the version that won.
 */
export async function inTransaction<T>(
  em: EntityManager,
  work: (em: EntityManager) => Promise<T>,
): Promise<T> {
  try {
    // A fresh identity map: everything the mutation checks is read inside the transaction, never taken
    // from what the request read before (e.g. for its access check).
    return await em.transactional(work, { clear: true });
  } catch (error) {
    if (error instanceof OptimisticLockError) throw await conflictFromLockError(em, error);
    // Our own checks run before writing; a unique index can still catch two requests that passed them
    // at the same moment (e.g. both created the same work instruction). The later one retries on fresh data.
    // Two transactions that waited on each other: PostgreSQL aborted one. Nothing was written; a retry
    // on fresh data will go through.
    if (error instanceof DeadlockException) {
      throw new ConflictError(
        'object',
        null,
        'Someone else was editing the same objects. Reload and try again.',
      );
    }
    // Something this change refers to was removed by a concurrent request.
    if (error instanceof ForeignKeyConstraintViolationException) {
      throw new ConflictError(
        'object',
        null,
        'Something this change refers to was just changed or removed. Reload and try again.',
      );
    }
    if (error instanceof UniqueConstraintViolationException) {
      throw new ConflictError(
        'object',
        null,
        'Someone else made the same change at the same moment. Reload and apply your edit again.',
      );
    }
    throw error;
  }
}

async function conflictFromLockError(em: EntityManager, error: OptimisticLockError): Promise<ConflictError> {
  const entity = error.entity as Partial<Versioned> | undefined;
  const entityName = entity ? describeEntity(entity) : 'object';
  let currentVersion: number | null = null;
  if (entity?.id && entity.constructor) {
    const fresh = await em
      .fork()
      .findOne(entity.constructor as never, { id: entity.id } as never, { fields: ['version'] as never });
    currentVersion = (fresh as Versioned | null)?.version ?? null;
  }
  return new ConflictError(entityName, currentVersion);
}

function describeEntity(entity: object): string {
  return entity.constructor.name.toLowerCase();
}

/** The client's version must be the stored one; otherwise it edited from a stale read. */
export function assertVersion(entity: Versioned, clientVersion: number, what: string): void {
  if (entity.version !== clientVersion) throw new ConflictError(what, entity.version);
}

/** Marks an entity changed so its version is bumped (and checked) at flush, though no column changed. */
export function touch(entity: Versioned): void {
  entity.updatedAt = new Date();
}
