import type { EntityManager } from '@mikro-orm/postgresql';
import type { Loaders } from './loaders';

/** What every resolver gets: this request's own entity manager and batch loaders. */
export interface RequestContext {
  em: EntityManager;
  loaders: Loaders;
}
