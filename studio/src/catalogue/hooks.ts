/** Hooks the roles-and-tools and members views share: re-reading after edits, running commands. */
import { useCallback, useEffect, useRef } from 'react';
import type { OperationContext } from 'urql';
import { useEditor, useEditorStore } from '../canvas/editor-context';
import type { Command } from '../core/commands/command';

/** Reads again from the server whenever a command ran, was undone or redone (on any view), or a reload. */
export function useRereadOnRevision(reexecute: (context?: Partial<OperationContext>) => void): void {
  const revision = useEditor((state) => state.revision);
  const seen = useRef(revision);
  useEffect(() => {
    if (seen.current === revision) return;
    seen.current = revision;
    reexecute({ requestPolicy: 'network-only' });
  }, [revision, reexecute]);
}

/**
 * Runs a command through the shared history. Answers null when it was saved, else the reason, to show where
 * the user acted; a refusal is shown there only (the banner would repeat it), other failures stay in the
 * banner too, with its "Reload" actions.
 */
export function useRunCommand(): (command: Command) => Promise<string | null> {
  const store = useEditorStore();
  return useCallback(
    async (command: Command) => {
      if (await store.getState().run(command)) return null;
      const failure = store.getState().failure;
      if (failure?.kind === 'refused') store.getState().dismissFailure();
      return failure?.message ?? 'The edit was not saved.';
    },
    [store],
  );
}
