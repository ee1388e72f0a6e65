import { useShallow } from 'zustand/react/shallow';
import { useEditor, useEditorStore } from '../canvas/editor-context';

const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);
export const MOD = isMac ? '⌘' : 'Ctrl';

/**
 * Undo and redo for every view of the organisation: the canvas, procedures, roles and tools and members
 * share one command history, like the pages of one document.
 */
export function HistoryButtons() {
  const store = useEditorStore();
  const { undoLabel, redoLabel, pending } = useEditor(
    useShallow((s) => ({ undoLabel: s.undoLabel, redoLabel: s.redoLabel, pending: s.pending })),
  );
  return (
    <div className="history-buttons">
      <button
        type="button"
        className="button button--icon"
        disabled={!undoLabel}
        onClick={() => void store.getState().undo()}
        title={undoLabel ? `Undo: ${undoLabel} (${MOD}+Z)` : 'Nothing to undo'}
        aria-label={undoLabel ? `Undo: ${undoLabel}` : 'Undo'}
      >
        <span aria-hidden="true">↶</span> Undo
      </button>
      <button
        type="button"
        className="button button--icon"
        disabled={!redoLabel}
        onClick={() => void store.getState().redo()}
        title={redoLabel ? `Redo: ${redoLabel} (${MOD}+Shift+Z)` : 'Nothing to redo'}
        aria-label={redoLabel ? `Redo: ${redoLabel}` : 'Redo'}
      >
        <span aria-hidden="true">↷</span> Redo
      </button>
      <span className="history-buttons__status" role="status" aria-live="polite">
        {pending > 0 ? 'Saving…' : undoLabel ? 'All changes saved' : ''}
      </span>
    </div>
  );
}
