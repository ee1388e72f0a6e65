import { useState } from 'react';
import { useEditor } from '../canvas/editor-context';
import { describeFailure } from '../core/errors';

/**
 * An edit that is not a command (it cannot be undone): run it through the gateway after a confirmation,
 * keep its failure to show beside it, and ask for a re-read when it is done.
 */
export function useDirectEdit(onChanged: () => void) {
  const editable = useEditor((state) => state.editable);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  async function run(edit: string, call: () => Promise<unknown>): Promise<boolean> {
    if (!editable) return false;
    setBusy(true);
    setProblem(null);
    try {
      await call();
      onChanged();
      return true;
    } catch (error) {
      setProblem(describeFailure(edit, error).message);
      return false;
    } finally {
      setBusy(false);
    }
  }

  return { editable, busy, problem, run };
}
