import { EntitySchema, type Rel } from '@mikro-orm/core';
import { PROCESS_KEYS, type ProcessKey } from '../../domain/usm';
import { versionedProperties, VersionedEntity } from './base';
import { Organisation } from './organisation';

/** One of an organisation's five USM processes. Its version also guards the order of its activities. */
export class Process extends VersionedEntity {
  organisation!: Rel<Organisation>;
  key!: ProcessKey;
  name!: string;
  purpose!: string;
}

export const ProcessSchema = new EntitySchema<Process>({
  class: Process,
  tableName: 'process',
  properties: {
    ...versionedProperties,
    organisation: { kind: 'm:1', entity: () => Organisation, deleteRule: 'cascade' },
    key: { enum: true, items: () => [...PROCESS_KEYS], type: 'string' },
    name: { type: 'string', length: 200 },
    purpose: { type: 'text' },
  },
  uniques: [{ properties: ['organisation', 'key'] }],
});
