import { createHash, randomBytes } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { MemberRole } from '../../domain/access';
import { NotFoundError } from '../../domain/errors';
import { validName } from '../../domain/validation';
import { Credential, User, type CredentialKind } from '../../persistence/entities';
import { inTransaction } from '../transaction';
import { invalidatePrincipals, principalCacheOf } from './principal-cache';

/**
 * Bearer secrets: `usm_` + 32 random bytes. Only their SHA-256 is stored (a fast hash is right here:
 * the secret has 256 bits of entropy, unlike a password), so a leaked table grants nothing.
 */
export const SESSION_LIFETIME_DAYS = 14;

export function newSecret(): string {
  return `usm_${randomBytes(32).toString('base64url')}`;
}

export function secretHash(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}

export async function issueCredential(
  em: EntityManager,
  user: User,
  kind: CredentialKind,
  name = '',
): Promise<{ credential: Credential; secret: string }> {
  const secret = newSecret();
  const expiresAt = kind === 'SESSION' ? new Date(Date.now() + SESSION_LIFETIME_DAYS * 86_400_000) : null;
  const credential = await inTransaction(em, async (tx) =>
    tx.create(Credential, {
      user: tx.getReference(User, user.id),
      kind,
      name,
      secretHash: secretHash(secret),
      expiresAt,
    }),
  );
  return { credential, secret };
}

/**
 * Who a secret stands for, as read when a request starts: plain values, so that reading them costs no
 * entity hydration (a request that needs the user as an entity maps `userRow`, see RequestAccess).
 */
export interface SecretPrincipal {
  userId: string;
  administrator: boolean;
  /** The user's row (column names), as `em.map(User, …)` takes it. */
  userRow: Readonly<Record<string, unknown>>;
  /** The user's memberships: organisation id → role. */
  roles: ReadonlyMap<string, MemberRole>;
}

/**
 * One statement: the live credential (not revoked, not expired), its user's row and the user's
 * memberships. Every request that carries a secret runs it, so it bypasses the ORM's query builder.
 */
const PRINCIPAL_SQL = `
  select u.id, u.version, u.created_at, u.updated_at, u.email, u.name, u.password_hash, u.administrator,
    coalesce(
      (select json_agg(json_build_array(m.organisation_id, m.role)) from membership m where m.user_id = u.id),
      '[]'::json
    ) as roles
  from credential c join app_user u on u.id = c.user_id
  where c.secret_hash = ? and c.revoked_at is null and (c.expires_at is null or c.expires_at >= ?)`;

interface PrincipalRow extends Record<string, unknown> {
  id: string;
  administrator: boolean;
  roles: Array<[string, MemberRole]>;
}

/**
 * The user a secret stands for, or null when it is unknown, revoked or expired. From the principal cache
 * when the server turned it on and holds a fresh entry (principal-cache.ts), otherwise one statement.
 */
export async function principalForSecret(em: EntityManager, secret: string): Promise<SecretPrincipal | null> {
  if (!secret.startsWith('usm_') || secret.length > 100) return null;
  const hash = secretHash(secret);
  const cache = principalCacheOf(em);
  const cached = cache?.get(hash, Date.now());
  if (cached) return cached;
  const generation = cache?.currentGeneration() ?? 0;
  const [row] = await em.execute<PrincipalRow[]>(PRINCIPAL_SQL, [hash, new Date()]);
  if (!row) return null;
  const { roles, ...userRow } = row;
  const principal: SecretPrincipal = {
    userId: row.id,
    administrator: row.administrator,
    userRow,
    roles: new Map(roles),
  };
  cache?.store(hash, principal, generation, Date.now());
  return principal;
}

export async function revokeSecret(em: EntityManager, secret: string): Promise<boolean> {
  const updated = await em.nativeUpdate(
    Credential,
    { secretHash: secretHash(secret), revokedAt: null },
    { revokedAt: new Date() },
  );
  // Not an ORM transaction: the principal cache must hear of it here.
  invalidatePrincipals(em);
  return updated > 0;
}

export function createApiToken(em: EntityManager, user: User, name: string) {
  return issueCredential(em, user, 'API_TOKEN', validName(name, 'input.name', 'token name'));
}

export function listApiTokens(em: EntityManager, user: User): Promise<Credential[]> {
  return em.find(
    Credential,
    { user: user.id, kind: 'API_TOKEN', revokedAt: null },
    { orderBy: { createdAt: 'asc', id: 'asc' } },
  );
}

export async function revokeApiToken(em: EntityManager, user: User, tokenId: string): Promise<boolean> {
  const updated = await em.nativeUpdate(
    Credential,
    { id: tokenId, user: user.id, kind: 'API_TOKEN', revokedAt: null },
    { revokedAt: new Date() },
  );
  invalidatePrincipals(em);
  if (updated === 0) throw new NotFoundError('ApiToken', tokenId);
  return true;
}
