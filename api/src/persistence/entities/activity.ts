import { EntitySchema, OptionalProps, type Rel } from '@mikro-orm/core';
import { versionedProperties, type GeneratedColumns, type Versioned } from './base';
import { Organisation } from './organisation';
import { Process } from './process';

/**
 * An ordered step of a process. A deleted activity stays as a tombstone (`deletedAt` set, no longer
 * listed) so that what was derived from it can still resolve it and say it is gone.
 */
export class Activity implements Versioned {
  [OptionalProps]?: GeneratedColumns | 'description' | 'deletedAt';
  id!: string;
  version!: number;
  createdAt!: Date;
  updatedAt!: Date;
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
