import { useEffect, useMemo, useRef } from 'react';
import { useClient } from 'urql';
import { useEditor } from '../canvas/editor-context';
import type { ProcedureGateway } from '../core/procedures/gateway';
import { createProcedureGateway } from '../data/procedure-gateway';

/** The procedure commands' gateway over the page's GraphQL client. */
export function useProcedureGateway(): ProcedureGateway {
  const client = useClient();
  return useMemo(() => createProcedureGateway(client), [client]);
}

/**
 * Reads again from the network when a command ran, was undone or redone anywhere (the editor's revision),
 * or when `localBump` changes (after an edit that is not a command).
 */
export function useRereadOnChange(
  reexecute: (options: { requestPolicy: 'network-only' }) => void,
  localBump = 0,
) {
  const revision = useEditor((state) => state.revision);
  const seen = useRef({ revision, localBump });
  useEffect(() => {
    if (seen.current.revision === revision && seen.current.localBump === localBump) return;
    seen.current = { revision, localBump };
    reexecute({ requestPolicy: 'network-only' });
  }, [revision, localBump, reexecute]);
}
