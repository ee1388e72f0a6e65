import { useCallback, useMemo, useState } from 'react';
import { useClient } from 'urql';
import { describeFailure } from '../core/errors';
import type { InterchangeGateway } from '../core/interchange/gateway';
import type { ExportInput } from '../gql/graphql';
import { createInterchangeGateway, exportFile } from '../data/interchange-gateway';
import { downloadFile } from './download';

/** The WIF import command's gateway over the page's GraphQL client. */
export function useInterchangeGateway(): InterchangeGateway {
  const client = useClient();
  return useMemo(() => createInterchangeGateway(client), [client]);
}

/**
 * Asks the API for an export and saves it under its file name: `busy` while it runs, `problem` when it
 * failed (an export changes nothing, so it is not a command).
 */
export function useDownload() {
  const client = useClient();
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const download = useCallback(
    async (input: ExportInput) => {
      setBusy(true);
      setProblem(null);
      setSaved(null);
      try {
        const file = await exportFile(client, input);
        downloadFile(file);
        setSaved(file.fileName);
      } catch (error) {
        setProblem(describeFailure('Export', error).message);
      } finally {
        setBusy(false);
      }
    },
    [client],
  );
  return { download, busy, problem, saved };
}
