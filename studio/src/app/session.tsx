import { createContext, useContext } from 'react';
import type { UserFieldsFragment } from '../gql/graphql';

export interface Session {
  user: UserFieldsFragment;
  signOut(): Promise<void>;
}

export const SessionContext = createContext<Session | null>(null);

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession is used outside a signed-in page.');
  return session;
}
