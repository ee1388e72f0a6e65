import type { EntityManager } from '@mikro-orm/postgresql';
import type { Response } from 'express';
import type { Loaders } from './loaders';
import type { RequestAccess } from './request-access';
import type { LoginThrottle } from '../services/auth/login-throttle';
import type { PresentationEvents } from '../services/presentation-events';

/** What every resolver gets: this request's entity manager, batch loaders and access, and its HTTP edge. */
export interface RequestContext {
  em: EntityManager;
  loaders: Loaders;
  access: RequestAccess;
  /** The HTTP response, to set or clear the session cookie (null on the WebSocket). */
  response: Response | null;
  /** The client's address, for throttling sign-in attempts. */
  address: string;
  throttle: LoginThrottle;
  /** The secret this request was authenticated with (for logout). */
  secret: string | null;
  /** Where presentation moves are published and followed. */
  events: PresentationEvents;
  /**
   * A long-lived operation (a subscription) calls this before each event it delivers: a fresh entity
   * manager and loaders (nothing cached from earlier events) and the principal checked again (a share
   * link of an ended presentation no longer counts). Absent for HTTP requests, which are short.
   */
  renew?: () => Promise<void>;
}
