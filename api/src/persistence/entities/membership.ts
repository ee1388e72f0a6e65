import { EntitySchema, type Rel } from '@mikro-orm/core';
import { MEMBER_ROLES, type MemberRole } from '../../domain/access';
import { versionedProperties, VersionedEntity } from './base';
import { Organisation } from './organisation';
import { User } from './user';

/** A user's role in one organisation. A user sees only the organisations they are a member of. */
export class Membership extends VersionedEntity {
  organisation!: Rel<Organisation>;
  user!: Rel<User>;
  role!: MemberRole;
}

export const MembershipSchema = new EntitySchema<Membership>({
  class: Membership,
  tableName: 'membership',
  properties: {
    ...versionedProperties,
    organisation: { kind: 'm:1', entity: () => Organisation, deleteRule: 'cascade' },
    user: { kind: 'm:1', entity: () => User, deleteRule: 'cascade' },
    role: { enum: true, items: () => [...MEMBER_ROLES], type: 'string' },
  },
  uniques: [{ properties: ['organisation', 'user'] }],
  indexes: [{ properties: ['user'] }],
});
