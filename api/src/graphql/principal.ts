import type { EntityManager } from '@mikro-orm/postgresql';
import { userForSecret } from '../services/auth/credentials';
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
 * link of a live presentation. One statement each; unknown, revoked or ended ones count as absent.
 */
export async function accessFor(
  em: EntityManager,
  credentials: PresentedCredentials,
): Promise<{ loaders: Loaders; access: RequestAccess }> {
  const loaders = createLoaders(em);
  const user = credentials.secret ? await userForSecret(em, credentials.secret) : null;
  const presentation = credentials.shareToken
    ? await presentationForShareToken(em, credentials.shareToken)
    : null;
  const share = presentation
    ? { presentationId: presentation.id, organisationId: presentation.organisation.id }
    : null;
  if (presentation) loaders.presentation.prime(presentation.id, presentation);
  return { loaders, access: new RequestAccess(user, loaders, share) };
}
