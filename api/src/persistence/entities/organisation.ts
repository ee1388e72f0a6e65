import { EntitySchema } from '@mikro-orm/core';
import { versionedProperties, VersionedEntity } from './base';

/** The tenant: every other stored object belongs to exactly one organisation. */
export class Organisation extends VersionedEntity {
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
