import { EntitySchema, type Rel } from '@mikro-orm/core';
import { versionedProperties, VersionedEntity } from './base';
import { User } from './user';

export const CREDENTIAL_KINDS = ['SESSION', 'API_TOKEN'] as const;
export type CredentialKind = (typeof CREDENTIAL_KINDS)[number];

/**
 * A bearer secret that stands for a user: a sign-in session (also sent as a cookie) or a personal API
 * token. Only the SHA-256 of the secret is stored; the secret itself is shown once.
 */
export class Credential extends VersionedEntity<'name' | 'revokedAt' | 'expiresAt'> {
  user!: Rel<User>;
  kind!: CredentialKind;
  name: string = '';
  secretHash!: string;
  expiresAt: Date | null = null;
  revokedAt: Date | null = null;
}

export const CredentialSchema = new EntitySchema<Credential>({
  class: Credential,
  tableName: 'credential',
  properties: {
    ...versionedProperties,
    user: { kind: 'm:1', entity: () => User, deleteRule: 'cascade' },
    kind: { enum: true, items: () => [...CREDENTIAL_KINDS], type: 'string' },
    name: { type: 'string', length: 200, default: '' },
    secretHash: { type: 'string', length: 64, unique: true },
    expiresAt: { type: 'datetime', nullable: true },
    revokedAt: { type: 'datetime', nullable: true },
  },
  indexes: [{ properties: ['user', 'kind'] }],
});
