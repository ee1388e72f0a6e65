import { EntitySchema, OptionalProps } from '@mikro-orm/core';
import { versionedProperties, type GeneratedColumns, type Versioned } from './base';

/** The tenant: every other stored object belongs to exactly one organisation. */
export class Organisation implements Versioned {
  [OptionalProps]?: GeneratedColumns;
  id!: string;
  version!: number;
  createdAt!: Date;
  updatedAt!: Date;
  name!: string;
}

export const OrganisationSchema = new EntitySchema<Organisation>({
  class: Organisation,
  tableName: 'organisation',
  properties: {
    ...versionedProperties,
    name: { type: 'string', length: 200 },
  },
  indexes: [{ properties: ['createdAt', 'id'] }],
});
