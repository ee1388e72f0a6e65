import { useState, type FormEvent } from 'react';
import { followLink, navigate, organisationPath } from '../app/router';
import { useEditor, useEditorStore } from '../canvas/editor-context';
import { describeFailure } from '../core/errors';
import { DownloadHandbookButton } from '../interchange/DownloadHandbookButton';
import { PROCEDURE_NAME_MAX, RenameProcedure } from '../core/procedures/commands';
import { sourceLabel, type PageProcedure } from '../core/procedures/page';
import { ConfirmPanel } from '../ui/ConfirmPanel';
import { useProcedureGateway } from './hooks';

/** Name, source and link to the work instructions; rename (a command) and delete (not undoable). */
export function ProcedureHeading({
  organisationId,
  procedure,
}: {
  organisationId: string;
  procedure: PageProcedure;
}) {
  const store = useEditorStore();
  const gateway = useProcedureGateway();
  const editable = useEditor((state) => state.editable);
  const [renaming, setRenaming] = useState(false);
  const [name, setName] = useState(procedure.name);
  const [deleting, setDeleting] = useState(false);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  async function rename(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (name.trim() === procedure.name) {
      setRenaming(false);
      return;
    }
    if (await store.getState().run(new RenameProcedure(gateway, procedure.id, name))) setRenaming(false);
  }

  async function remove() {
    setBusy(true);
    setProblem(null);
    try {
      await gateway.deleteProcedure({ id: procedure.id, version: procedure.version });
      navigate(organisationPath(organisationId, { name: 'procedures' }));
    } catch (error) {
      setProblem(describeFailure(`Delete procedure “${procedure.name}”`, error).message);
      setBusy(false);
      setDeleting(false);
    }
  }

  return (
    <header className="proc-heading">
      <p className="proc-heading__kicker">
        <a href={organisationPath(organisationId, { name: 'procedures' })} onClick={followLink}>
          Procedures
        </a>{' '}
        · <span data-testid="proc-source">{sourceLabel(procedure)}</span>
      </p>
      {renaming ? (
        <form className="proc-heading__rename" onSubmit={rename}>
          <label className="field field--inline">
            <span className="field__label">Procedure name</span>
            <input
              className="input"
              required
              autoFocus
              maxLength={PROCEDURE_NAME_MAX}
              value={name}
              onChange={(event) => setName(event.target.value)}
              onKeyDown={(event) => event.key === 'Escape' && setRenaming(false)}
            />
          </label>
          <button type="submit" className="button button--primary" disabled={!name.trim()}>
            Save name
          </button>
          <button type="button" className="button" onClick={() => setRenaming(false)}>
            Cancel
          </button>
        </form>
      ) : (
        <h2 className="proc-heading__title">{procedure.name}</h2>
      )}
      <div className="button-row">
        <a
          className="button"
          href={organisationPath(organisationId, { name: 'work-instructions', procedureId: procedure.id })}
          onClick={followLink}
        >
          Work instructions
        </a>
        <DownloadHandbookButton organisationId={organisationId} procedureId={procedure.id} />
        {editable && !renaming && (
          <button
            type="button"
            className="button"
            onClick={() => {
              setName(procedure.name);
              setRenaming(true);
            }}
          >
            Rename
          </button>
        )}
        {editable && (
          <button type="button" className="button button--danger" onClick={() => setDeleting(true)}>
            Delete procedure
          </button>
        )}
      </div>
      {deleting && (
        <ConfirmPanel
          title={`Delete “${procedure.name}”?`}
          message="This deletes the procedure with its steps, responsibilities and work instructions. It cannot be undone."
          confirmLabel="Yes, delete it"
          busy={busy}
          onConfirm={() => void remove()}
          onCancel={() => setDeleting(false)}
        />
      )}
      {problem && (
        <p className="form-error" role="alert">
          {problem}
        </p>
      )}
    </header>
  );
}
