import { useShallow } from 'zustand/react/shallow';
import { CanvasImageButtons } from '../interchange/CanvasImageButtons';
import { useEditor, useEditorStore } from './editor-context';
import { SearchBox } from './SearchBox';
import { useViewport } from './viewport';

export function Toolbar() {
  const store = useEditorStore();
  const { fitArchitecture } = useViewport();
  const state = useEditor(
    useShallow((s) => ({
      editable: s.editable,
      connectKind: s.connectKind,
      showSpawns: s.showSpawns,
      selection: s.selection,
      model: s.model,
    })),
  );
  const only = state.selection.length === 1 ? state.selection[0]! : null;
  const activity = only ? state.model?.activities[only] : undefined;
  const process = only ? state.model?.processes[only] : undefined;
  const addTarget = activity
    ? { processId: activity.processId, position: activity.position + 1 }
    : process
      ? { processId: process.id, position: undefined }
      : null;
  const deletable = state.selection.some((id) => state.model?.activities[id] || state.model?.handovers[id]);

  return (
    <div className="toolbar" role="toolbar" aria-label="Editing">
      {state.editable && (
        <div className="toolbar__group">
          <button
            type="button"
            className="button"
            disabled={!addTarget}
            title={
              addTarget ? 'Add an activity after the selection (N)' : 'Select a process or an activity first'
            }
            onClick={() => addTarget && store.getState().startDraft(addTarget.processId, addTarget.position)}
          >
            + Activity
          </button>
          <button
            type="button"
            className="button"
            disabled={!deletable}
            title="Delete the selection (Delete)"
            onClick={() => void store.getState().deleteSelection()}
          >
            Delete
          </button>
          <fieldset className="segmented" aria-label="Kind of new hand-overs">
            <legend className="visually-hidden">New hand-overs are</legend>
            {(['FORK', 'SPAWN'] as const).map((kind) => (
              <label
                key={kind}
                className={state.connectKind === kind ? 'segmented__option is-on' : 'segmented__option'}
              >
                <input
                  type="radio"
                  name="connect-kind"
                  value={kind}
                  checked={state.connectKind === kind}
                  onChange={() => store.getState().setConnectKind(kind)}
                />
                {kind === 'FORK' ? 'Fork' : 'Spawn'}
              </label>
            ))}
          </fieldset>
        </div>
      )}
      <div className="toolbar__group">
        <label className="checkbox">
          <input
            type="checkbox"
            checked={state.showSpawns}
            onChange={(event) => store.getState().setShowSpawns(event.target.checked)}
          />
          Show spawns
        </label>
        <button
          type="button"
          className="button"
          onClick={() => fitArchitecture(300)}
          title="Show the whole architecture"
        >
          Fit view
        </button>
        {state.editable && state.model?.arrangement && (
          <button
            type="button"
            className="button"
            title="Put the processes back in their default columns (every fork points right)"
            onClick={() => void store.getState().arrangeProcesses(null, 'Default arrangement')}
          >
            Default arrangement
          </button>
        )}
      </div>
      <CanvasImageButtons />
      <div className="toolbar__spacer" />
      <SearchBox />
    </div>
  );
}
