import type { EntityManager } from '@mikro-orm/postgresql';
import type { Response } from 'express';
import type { Loaders } from './loaders';
import type { RequestAccess } from './request-access';
import type { LoginThrottle } from '../services/auth/login-throttle';

/** What every resolver gets: this request's entity manager, batch loaders and access, and its HTTP edge. */
export interface RequestContext {
  em: EntityManager;
  loaders: Loaders;
  access: RequestAccess;
  /** The HTTP response, to set or clear the session cookie. */
  response: Response;
  /** The client's address, for throttling sign-in attempts. */
  address: string;
  throttle: LoginThrottle;
  /** The secret this request was authenticated with (for logout). */
  secret: string | null;
}
