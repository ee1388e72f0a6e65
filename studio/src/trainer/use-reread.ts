import { useEffect } from 'react';
import { useEditor } from '../canvas/editor-context';

/** Reads again from the network after every command, undo and redo (so an undo shows here too). */
export function useRereadOnRevision(reexecute: (options: { requestPolicy: 'network-only' }) => void): void {
  const revision = useEditor((state) => state.revision);
  useEffect(() => {
    if (revision > 0) reexecute({ requestPolicy: 'network-only' });
  }, [revision, reexecute]);
}
