import { useId, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useEditor, useEditorStore } from '../canvas/editor-context';
import { focusNode } from '../canvas/focus';
import { activitiesOf, handoversFrom, type ArchitectureModel } from '../core/model';
import { forkRule, mayConnect } from '../core/rules';
import { CALL_TYPE_LABELS, type HandoverKind } from '../core/usm';

/** Details of the selection, with keyboard-reachable edits (the canvas's mouse gestures have these twins). */
export function Inspector() {
  const { model, selection, editable } = useEditor(
    useShallow((state) => ({ model: state.model, selection: state.selection, editable: state.editable })),
  );
  if (!model) return null;
  const only = selection.length === 1 ? selection[0]! : null;
  return (
    <aside className="inspector" aria-label="Selection">
      {only && model.activities[only] ? (
        <ActivityDetails model={model} activityId={only} editable={editable} />
      ) : only && model.processes[only] ? (
        <ProcessDetails model={model} processId={only} editable={editable} />
      ) : only && model.handovers[only] ? (
        <HandoverDetails model={model} handoverId={only} editable={editable} />
      ) : selection.length > 1 ? (
        <p className="muted">{selection.length} items selected. Press Delete to delete them together.</p>
      ) : (
        <Help editable={editable} />
      )}
    </aside>
  );
}

function ActivityDetails({
  model,
  activityId,
  editable,
}: {
  model: ArchitectureModel;
  activityId: string;
  editable: boolean;
}) {
  const store = useEditorStore();
  const activity = model.activities[activityId]!;
  const process = model.processes[activity.processId]!;
  const handovers = handoversFrom(model, activityId);
  const count = process.activityIds.length;
  return (
    <>
      <p className="inspector__kicker">
        {process.name} · step {activity.position} of {count}
      </p>
      <h2 className="inspector__title">{activity.name}</h2>
      {activity.description && <p className="inspector__text">{activity.description}</p>}
      {editable && (
        <div className="button-row">
          <button type="button" className="button" onClick={() => store.getState().startRename(activityId)}>
            Rename
          </button>
          <button
            type="button"
            className="button"
            disabled={activity.position === 1}
            onClick={() => void store.getState().nudgeActivity(activityId, -1)}
            aria-label="Move up"
            title="Move up (Alt+↑)"
          >
            ↑
          </button>
          <button
            type="button"
            className="button"
            disabled={activity.position === count}
            onClick={() => void store.getState().nudgeActivity(activityId, 1)}
            aria-label="Move down"
            title="Move down (Alt+↓)"
          >
            ↓
          </button>
          <button
            type="button"
            className="button button--danger"
            onClick={() => void store.getState().deleteActivity(activityId)}
          >
            Delete
          </button>
        </div>
      )}
      <h3 className="inspector__heading">Hand-overs</h3>
      {handovers.length === 0 ? (
        <p className="muted small">None: this step calls no other process.</p>
      ) : (
        <ul className="handover-list">
          {handovers.map((handover) => (
            <li key={handover.id}>
              <span className={handover.kind === 'FORK' ? 'pill' : 'pill pill--spawn'}>
                {handover.kind === 'FORK' ? 'fork' : 'spawn'}
              </span>
              <span>
                to <strong>{model.processes[handover.targetProcessId]?.name}</strong> by{' '}
                {CALL_TYPE_LABELS[handover.callType]}
              </span>
              {editable && (
                <button
                  type="button"
                  className="button button--quiet button--small"
                  onClick={() => void store.getState().deleteHandover(handover.id)}
                  aria-label={`Remove the ${handover.kind.toLowerCase()} to ${model.processes[handover.targetProcessId]?.name}`}
                >
                  Remove
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      {editable && <AddHandoverForm model={model} activityId={activityId} />}
    </>
  );
}

function AddHandoverForm({ model, activityId }: { model: ArchitectureModel; activityId: string }) {
  const store = useEditorStore();
  const id = useId();
  const [kind, setKind] = useState<HandoverKind>('FORK');
  const options = model.processIds.map((processId) => ({
    processId,
    name: model.processes[processId]!.name,
    verdict: mayConnect(model, activityId, processId, kind),
  }));
  const firstAllowed = options.find((option) => option.verdict.allowed)?.processId ?? '';
  const [target, setTarget] = useState('');
  const chosen =
    options.find((option) => option.processId === target && option.verdict.allowed)?.processId ??
    firstAllowed;
  const fromKey = model.activities[activityId]!.processKey;
  // One sentence for the USM rule, plus any refusal the rule does not explain (a duplicate hand-over).
  const notes = [
    ...new Set([
      ...(kind === 'FORK' ? [forkRule(fromKey)] : []),
      ...options.flatMap((option) =>
        !option.verdict.allowed && !option.verdict.reason.startsWith(forkRule(fromKey).slice(0, -1))
          ? [option.verdict.reason]
          : [],
      ),
    ]),
  ];

  return (
    <form
      className="stack stack--tight"
      onSubmit={(event) => {
        event.preventDefault();
        if (chosen)
          void store
            .getState()
            .connect(activityId, chosen, kind)
            .then(() => focusNode(activityId));
      }}
    >
      <h3 className="inspector__heading">Add a hand-over</h3>
      <div className="stack stack--tight">
        <label className="field">
          <span className="field__label">Kind</span>
          <select
            className="input"
            value={kind}
            onChange={(event) => setKind(event.target.value as HandoverKind)}
          >
            <option value="FORK">Fork (waits)</option>
            <option value="SPAWN">Spawn (does not wait)</option>
          </select>
        </label>
        <label className="field">
          <span className="field__label">To</span>
          <select
            className="input"
            value={chosen}
            onChange={(event) => setTarget(event.target.value)}
            aria-describedby={`${id}-rules`}
          >
            {options.map((option) => (
              <option key={option.processId} value={option.processId} disabled={!option.verdict.allowed}>
                {option.name}
                {option.verdict.allowed
                  ? ` (by ${CALL_TYPE_LABELS[option.verdict.callType]})`
                  : ' — not allowed'}
              </option>
            ))}
          </select>
        </label>
      </div>
      <button type="submit" className="button button--start" disabled={!chosen}>
        Add {kind === 'FORK' ? 'fork' : 'spawn'}
      </button>
      <ul id={`${id}-rules`} className="rule-notes">
        {notes.map((note) => (
          <li key={note}>{note}</li>
        ))}
      </ul>
    </form>
  );
}

function ProcessDetails({
  model,
  processId,
  editable,
}: {
  model: ArchitectureModel;
  processId: string;
  editable: boolean;
}) {
  const store = useEditorStore();
  const process = model.processes[processId]!;
  const activities = activitiesOf(model, processId);
  return (
    <>
      <p className="inspector__kicker">Process</p>
      <h2 className="inspector__title">{process.name}</h2>
      <p className="inspector__text">{process.purpose}</p>
      <h3 className="inspector__heading">{activities.length} activities</h3>
      <ol className="step-list">
        {activities.map((activity) => (
          <li key={activity.id}>
            <button
              type="button"
              className="link-button"
              onClick={() => {
                store.getState().select([activity.id]);
                focusNode(activity.id);
              }}
            >
              {activity.name}
            </button>
          </li>
        ))}
      </ol>
      {editable && (
        <button type="button" className="button" onClick={() => store.getState().startDraft(processId)}>
          + Add activity
        </button>
      )}
    </>
  );
}

function HandoverDetails({
  model,
  handoverId,
  editable,
}: {
  model: ArchitectureModel;
  handoverId: string;
  editable: boolean;
}) {
  const store = useEditorStore();
  const handover = model.handovers[handoverId]!;
  const from = model.activities[handover.fromActivityId];
  const target = model.processes[handover.targetProcessId];
  return (
    <>
      <p className="inspector__kicker">
        {handover.kind === 'FORK' ? 'Fork — the caller waits' : 'Spawn — the caller does not wait'}
      </p>
      <h2 className="inspector__title">
        {from?.name} → {target?.name}
      </h2>
      <p className="inspector__text">
        {model.processes[from?.processId ?? '']?.name} hands over to {target?.name} by{' '}
        {CALL_TYPE_LABELS[handover.callType]}.
      </p>
      {editable && (
        <button
          type="button"
          className="button button--danger"
          onClick={() => void store.getState().deleteHandover(handoverId)}
        >
          Delete hand-over
        </button>
      )}
    </>
  );
}

function Help({ editable }: { editable: boolean }) {
  return (
    <>
      <h2 className="inspector__title">Process architecture</h2>
      <p className="inspector__text">
        The five USM processes with their activities in order. Solid lines are forks (the caller waits for the
        called process), dashed lines spawns (a new, independent call). Each line is labelled with its call
        type.
      </p>
      {editable ? (
        <dl className="shortcuts">
          <dt>Select</dt>
          <dd>click, or Tab to a step and press Enter</dd>
          <dt>Rename</dt>
          <dd>double-click, Enter or F2</dd>
          <dt>Add activity</dt>
          <dd>N, or “+ Add activity” in a process</dd>
          <dt>Reorder</dt>
          <dd>drag, or Alt+↑ / Alt+↓</dd>
          <dt>Arrange</dt>
          <dd>drag a process by its title, or select it and Alt+arrows</dd>
          <dt>Hand over</dt>
          <dd>drag from a step’s dot to a process, or use this panel</dd>
          <dt>Delete</dt>
          <dd>Delete</dd>
          <dt>Undo / redo</dt>
          <dd>Ctrl+Z / Ctrl+Shift+Z</dd>
        </dl>
      ) : (
        <p className="muted">Your role lets you read this model, not edit it.</p>
      )}
    </>
  );
}
