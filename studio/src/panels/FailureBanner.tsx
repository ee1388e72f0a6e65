import { useEffect } from 'react';
import { useEditor, useEditorStore } from '../canvas/editor-context';

/** A refusal (a rule said no) is information, not a problem to resolve: it goes away by itself. */
const REFUSAL_SECONDS = 8;

/** Why the last edit (or undo/redo) was not saved, and what can be done about it. */
export function FailureBanner() {
  const store = useEditorStore();
  const failure = useEditor((state) => state.failure);
  useEffect(() => {
    if (failure?.kind !== 'refused') return;
    const timer = window.setTimeout(() => {
      if (store.getState().failure === failure) store.getState().dismissFailure();
    }, REFUSAL_SECONDS * 1000);
    return () => window.clearTimeout(timer);
  }, [failure, store]);
  if (!failure) return null;
  const conflict = failure.kind === 'conflict';
  return (
    <div className={`banner banner--${failure.kind}`} role="alert">
      <div className="banner__text">
        <strong>
          {conflict
            ? 'Not saved: changed meanwhile'
            : failure.kind === 'refused'
              ? 'Not allowed'
              : 'Not saved'}
        </strong>
        <span>{failure.message}</span>
        {failure.changes && failure.changes.length > 0 && (
          <div className="banner__changes">
            <span>What changed meanwhile:</span>
            <ul>
              {failure.changes.map((change) => (
                <li key={change}>{change}</li>
              ))}
            </ul>
          </div>
        )}
        {failure.pendingText !== undefined && (
          <span className="banner__pending">
            Your text: <q>{failure.pendingText}</q>
          </span>
        )}
      </div>
      <div className="banner__actions">
        {conflict && !failure.edit.startsWith('Undo') && !failure.edit.startsWith('Redo') && (
          <button
            type="button"
            className="button button--primary"
            onClick={() => void store.getState().reloadAfterConflict(true)}
          >
            Reload and apply my edit
          </button>
        )}
        {(conflict || failure.kind === 'missing') && (
          <button
            type="button"
            className="button"
            onClick={() => void store.getState().reloadAfterConflict(false)}
          >
            Reload
          </button>
        )}
        {failure.kind === 'signed-out' && (
          <button type="button" className="button button--primary" onClick={() => window.location.reload()}>
            Sign in again
          </button>
        )}
        <button
          type="button"
          className="button button--quiet"
          onClick={() => store.getState().dismissFailure()}
        >
          Dismiss
        </button>
      </div>
    </div>
  );
}
