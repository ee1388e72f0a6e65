import type { EntityManager } from '@mikro-orm/postgresql';
import { User } from '../persistence/entities';
import { principalForSecret, type SecretPrincipal } from '../services/auth/credentials';
import { presentationForShareToken } from '../services/presentations';
import { createLoaders, type Loaders } from './loaders';
import { RequestAccess } from './request-access';

/** What a request (HTTP or WebSocket) presents: a session or API token secret, and a share token. */
export interface PresentedCredentials {
  secret: string | null;
  shareToken: string | null;
}

/**
 * Who is asking, from what the request presents: a user (session cookie or bearer token) and/or a share
 * link of a live presentation. One statement each: the user's reads their memberships too, and none is
 * needed while the principal cache holds them (services/auth/principal-cache.ts). Unknown, revoked or
 * ended ones count as absent.
 */
export async function accessFor(
  em: EntityManager,
  credentials: PresentedCredentials,
): Promise<{ loaders: Loaders; access: RequestAccess }> {
  const loaders = createLoaders(em);
  const principal = credentials.secret ? await principalForSecret(em, credentials.secret) : null;
  const presentation = credentials.shareToken
    ? await presentationForShareToken(em, credentials.shareToken)
    : null;
  const share = presentation
    ? { presentationId: presentation.id, organisationId: presentation.organisation.id }
    : null;
  if (presentation) loaders.presentation.prime(presentation.id, presentation);
  return { loaders, access: new RequestAccess(principal, loaders, share, userEntityIn(em)) };
}

/**
 * The signed-in user as an entity of `em`, made from the row the credential's statement read. An entity
 * the request has already loaded is kept (it is at least as fresh).
 */
function userEntityIn(em: EntityManager): (principal: SecretPrincipal) => User {
  return (principal) =>
    em.getUnitOfWork().getById<User>(User.name, principal.userId) ?? em.map(User, { ...principal.userRow });
}
