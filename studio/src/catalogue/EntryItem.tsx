import { useEffect, useRef, useState } from 'react';
import type { CatalogueEntry, CatalogueKind } from '../core/catalogue/gateway';
import { EntryForm } from './EntryForm';

/** One role or tool: name, description and usage; edit inline and delete when the user may edit. */
export function EntryItem({
  kind,
  entry,
  usage,
  editable,
  onSave,
  onDelete,
}: {
  kind: CatalogueKind;
  entry: CatalogueEntry;
  usage: string;
  editable: boolean;
  onSave: (values: { name: string; description: string }) => Promise<string | null>;
  onDelete: () => void;
}) {
  const [editing, setEditing] = useState(false);
  const editButton = useRef<HTMLButtonElement>(null);
  const wasEditing = useRef(false);
  useEffect(() => {
    // Back from the form: focus returns to the Edit button.
    if (!editing && wasEditing.current) editButton.current?.focus();
    wasEditing.current = editing;
  }, [editing]);

  if (editing) {
    return (
      <li className="catalogue-item catalogue-item--editing" data-testid={`${kind}-item`}>
        <EntryForm
          kind={kind}
          mode="edit"
          initial={entry}
          onCancel={() => setEditing(false)}
          onSubmit={async (values) => {
            const problem = await onSave(values);
            if (!problem) setEditing(false);
            return problem;
          }}
        />
      </li>
    );
  }

  return (
    <li className="catalogue-item" data-testid={`${kind}-item`}>
      <div className="catalogue-item__text">
        <span className="catalogue-item__name">{entry.name}</span>
        {entry.description ? (
          <span className="catalogue-item__description">{entry.description}</span>
        ) : (
          <span className="catalogue-item__description muted">No description</span>
        )}
      </div>
      <span className="catalogue-item__usage small muted">{usage}</span>
      {editable && (
        <div className="catalogue-item__actions">
          <button
            ref={editButton}
            type="button"
            className="button button--small"
            aria-label={`Edit ${kind} “${entry.name}”`}
            onClick={() => setEditing(true)}
          >
            Edit
          </button>
          <button
            type="button"
            className="button button--small button--quiet"
            aria-label={`Delete ${kind} “${entry.name}”`}
            onClick={onDelete}
          >
            Delete
          </button>
        </div>
      )}
    </li>
  );
}
