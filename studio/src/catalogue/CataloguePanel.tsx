import { useId, useRef, useState } from 'react';
import { filterEntries, FILTER_THRESHOLD } from '../core/catalogue/catalogue';
import { CreateCatalogueEntry, DeleteCatalogueEntry, UpdateCatalogueEntry } from '../core/catalogue';
import type { CatalogueEntry, CatalogueGateway, CatalogueKind } from '../core/catalogue/gateway';
import { DeleteEntryDialog } from './DeleteEntryDialog';
import { EntryForm } from './EntryForm';
import { EntryItem } from './EntryItem';
import { useRunCommand } from './hooks';

export interface PanelItem {
  entry: CatalogueEntry;
  usage: string;
}

/** The roles or the tools: a filterable list with create, edit and delete (for those who may edit). */
export function CataloguePanel({
  kind,
  title,
  intro,
  items,
  editable,
  organisationId,
  gateway,
}: {
  kind: CatalogueKind;
  title: string;
  intro: string;
  items: readonly PanelItem[];
  editable: boolean;
  organisationId: string;
  gateway: CatalogueGateway;
}) {
  const headingId = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  const newButton = useRef<HTMLButtonElement>(null);
  const run = useRunCommand();
  const [query, setQuery] = useState('');
  const [creating, setCreating] = useState(false);
  const [deleting, setDeleting] = useState<CatalogueEntry | null>(null);
  const shown = filterEntries(
    items.map((item) => ({ ...item, name: item.entry.name, description: item.entry.description })),
    query,
  );

  return (
    <section className="panel catalogue-panel" aria-labelledby={headingId} data-testid={`catalogue-${kind}s`}>
      <div className="catalogue-panel__header">
        <h2 id={headingId} ref={heading} tabIndex={-1} className="panel__title">
          {title}
          <span className="count">{items.length}</span>
        </h2>
        {editable && !creating && (
          <button
            type="button"
            ref={newButton}
            className="button button--small"
            onClick={() => setCreating(true)}
          >
            New {kind}
          </button>
        )}
      </div>
      <p className="muted small catalogue-panel__intro">{intro}</p>
      {creating && (
        <EntryForm
          kind={kind}
          mode="create"
          onCancel={() => {
            setCreating(false);
            requestAnimationFrame(() => newButton.current?.focus());
          }}
          onSubmit={async (values) => {
            const problem = await run(
              new CreateCatalogueEntry(kind, gateway, organisationId, values.name, values.description),
            );
            if (!problem) {
              setCreating(false);
              requestAnimationFrame(() => newButton.current?.focus());
            }
            return problem;
          }}
        />
      )}
      {items.length > FILTER_THRESHOLD && (
        <div className="field catalogue-panel__filter">
          <label htmlFor={`${headingId}-filter`} className="field__label">
            Filter {kind}s
          </label>
          <input
            id={`${headingId}-filter`}
            type="search"
            className="input"
            value={query}
            placeholder="Name or description"
            onChange={(event) => setQuery(event.target.value)}
          />
        </div>
      )}
      {items.length === 0 && <p className="empty">No {kind}s yet.</p>}
      {items.length > 0 && shown.length === 0 && (
        <p className="empty" role="status">
          No {kind} matches “{query.trim()}”.
        </p>
      )}
      <ul className="catalogue-list">
        {shown.map(({ entry, usage }) => (
          <EntryItem
            key={entry.id}
            kind={kind}
            entry={entry}
            usage={usage}
            editable={editable}
            onSave={async (values) => {
              const command = new UpdateCatalogueEntry(kind, gateway, entry, values);
              return command.changesSomething ? run(command) : null;
            }}
            onDelete={() => setDeleting(entry)}
          />
        ))}
      </ul>
      {deleting && (
        <DeleteEntryDialog
          kind={kind}
          entry={deleting}
          organisationId={organisationId}
          gateway={gateway}
          onDelete={() => run(new DeleteCatalogueEntry(kind, gateway, organisationId, deleting))}
          onClose={() => {
            setDeleting(null);
            requestAnimationFrame(() => heading.current?.focus());
          }}
        />
      )}
    </section>
  );
}
