import { randomUUID } from 'node:crypto';
import { OptionalProps, type EntitySchemaProperty } from '@mikro-orm/core';

/**
 * Columns every stored object has. `version` drives optimistic locking: MikroORM adds
 * `WHERE version = ?` to each update and raises OptimisticLockError when another transaction won.
 */
export interface Versioned {
  id: string;
  version: number;
  createdAt: Date;
  updatedAt: Date;
}

export const versionedProperties = {
  id: { type: 'uuid', primary: true, onCreate: () => randomUUID() },
  version: { type: 'integer', version: true },
  createdAt: { type: 'datetime', onCreate: () => new Date() },
  updatedAt: { type: 'datetime', onCreate: () => new Date(), onUpdate: () => new Date() },
} as const satisfies Record<keyof Versioned, EntitySchemaProperty<unknown, Versioned>>;

/** Columns the database or the ORM fills in, so `em.create` does not ask for them. */
export type GeneratedColumns = 'id' | 'version' | 'createdAt' | 'updatedAt';

/**
 * The base of every entity class: the columns of `versionedProperties`, filled in on create.
 * `Defaulted` names further properties that have defaults, so `em.create` does not ask for them either.
 */
export abstract class VersionedEntity<Defaulted extends string = never> implements Versioned {
  [OptionalProps]?: GeneratedColumns | Defaulted;
  id!: string;
  version!: number;
  createdAt!: Date;
  updatedAt!: Date;
}
