import { useMemo } from 'react';
import { useClient } from 'urql';
import type { CoverageGateway } from '../core/coverage/gateway';
import { createCoverageGateway } from '../data/coverage-gateway';

/** The coverage commands' gateway over the page's GraphQL client. */
export function useCoverageGateway(): CoverageGateway {
  const client = useClient();
  return useMemo(() => createCoverageGateway(client), [client]);
}
