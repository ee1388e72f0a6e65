import { EntitySchema } from '@mikro-orm/core';
import { versionedProperties, VersionedEntity } from './base';

/** A person who signs in. Emails are stored lower-cased; the password only as a scrypt hash. */
export class User extends VersionedEntity<'name' | 'administrator'> {
  email!: string;
  name: string = '';
  passwordHash!: string;
  administrator: boolean = false;
}

export const UserSchema = new EntitySchema<User>({
  class: User,
  tableName: 'app_user',
  properties: {
    ...versionedProperties,
    email: { type: 'string', length: 254, unique: true },
    name: { type: 'string', length: 200, default: '' },
    passwordHash: { type: 'string', length: 200 },
    administrator: { type: 'boolean', default: false },
  },
});
