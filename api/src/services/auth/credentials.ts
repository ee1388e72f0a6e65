import { createHash, randomBytes } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { NotFoundError } from '../../domain/errors';
import { validName } from '../../domain/validation';
import { Credential, User, type CredentialKind } from '../../persistence/entities';
import { inTransaction } from '../transaction';

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

/** The user a secret stands for, or null when it is unknown, revoked or expired. */
export async function userForSecret(em: EntityManager, secret: string): Promise<User | null> {
  if (!secret.startsWith('usm_') || secret.length > 100) return null;
  const credential = await em.findOne(Credential, { secretHash: secretHash(secret) }, { populate: ['user'] });
  if (!credential || credential.revokedAt) return null;
  if (credential.expiresAt && credential.expiresAt.getTime() < Date.now()) return null;
  return credential.user as User;
}

export async function revokeSecret(em: EntityManager, secret: string): Promise<boolean> {
  const updated = await em.nativeUpdate(
    Credential,
    { secretHash: secretHash(secret), revokedAt: null },
    { revokedAt: new Date() },
  );
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
  if (updated === 0) throw new NotFoundError('ApiToken', tokenId);
  return true;
}
