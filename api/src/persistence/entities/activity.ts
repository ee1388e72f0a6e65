import { EntitySchema, type Rel } from '@mikro-orm/core';
import { versionedProperties, VersionedEntity } from './base';
import { Organisation } from './organisation';
import { Process } from './process';

/**
 * An ordered step of a process. A deleted activity stays as a tombstone (`deletedAt` set, no longer
 * listed) so that what was derived from it can still resolve it and say it is gone.
 */
export class Activity extends VersionedEntity<'description' | 'deletedAt'> {
  organisation!: Rel<Organisation>;
  process!: Rel<Process>;
  name!: string;
  description!: string;
  /** 1-based, contiguous among the live activities of the process; a tombstone keeps its last position. */
  position!: number;
  deletedAt: Date | null = null;
}

export const ActivitySchema = new EntitySchema<Activity>({
  class: Activity,
  tableName: 'activity',
  properties: {
    ...versionedProperties,
    organisation: { kind: 'm:1', entity: () => Organisation, deleteRule: 'cascade' },
    process: { kind: 'm:1', entity: () => Process, deleteRule: 'cascade' },
    name: { type: 'string', length: 200 },
    description: { type: 'text', default: '' },
    position: { type: 'integer' },
    deletedAt: { type: 'datetime', nullable: true },
  },
  indexes: [{ properties: ['process', 'position'] }, { properties: ['organisation'] }],
});
