import { useId, useMemo, useState, type FormEvent } from 'react';
import { followLink, organisationPath } from '../app/router';
import { useEditor, useEditorStore } from '../canvas/editor-context';
import { importSizeProblem, type DocumentProblem } from '../core/interchange/export-choices';
import type { InterchangeGateway } from '../core/interchange/gateway';
import { ImportWif } from '../core/interchange/import-wif';
import { DocumentRefused } from '../data/interchange-gateway';
import { useInterchangeGateway } from './hooks';
import { ProblemList } from './ProblemList';

interface Imported {
  /** The editor's revision right after the import: an undo (or any later edit) hides the result. */
  revision: number;
  procedureId: string;
  name: string;
  skipped: readonly DocumentProblem[];
}

/**
 * "Import a USM-WIF file as a procedure": the file's text goes to `importWif` as a command (undo deletes
 * the procedure); what matched nothing in this organisation is listed, then a link opens the procedure.
 */
export function ImportWifPanel({ organisationId }: { organisationId: string }) {
  const store = useEditorStore();
  const apiGateway = useInterchangeGateway();
  const [refused, setRefused] = useState<readonly DocumentProblem[]>([]);
  // The command's failures reach the shared banner; a refused document's problems are kept for this panel.
  const gateway = useMemo<InterchangeGateway>(
    () => ({
      ...apiGateway,
      async importWif(input) {
        try {
          return await apiGateway.importWif(input);
        } catch (error) {
          if (error instanceof DocumentRefused) setRefused(error.problems);
          throw error;
        }
      },
    }),
    [apiGateway],
  );
  const failure = useEditor((state) => state.failure);
  const revision = useEditor((state) => state.revision);
  const [file, setFile] = useState<File | null>(null);
  const [name, setName] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [imported, setImported] = useState<Imported | null>(null);
  const [inputKey, setInputKey] = useState(0);
  const headingId = useId();

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setProblem(null);
    setImported(null);
    setRefused([]);
    if (!file) {
      setProblem('Choose a USM-WIF file (.workflow.json or .workflow-template.json).');
      return;
    }
    const tooLarge = importSizeProblem(file.size, 'wif');
    if (tooLarge) {
      setProblem(tooLarge);
      return;
    }
    setBusy(true);
    try {
      const command = new ImportWif(gateway, organisationId, await file.text(), file.name, name);
      if (await store.getState().run(command)) {
        const procedureId = command.procedureId!;
        const procedure = await gateway.readProcedure(procedureId);
        setImported({
          revision: store.getState().revision,
          procedureId,
          name: procedure?.name ?? 'the procedure',
          skipped: command.skipped,
        });
        setFile(null);
        setName('');
        setInputKey((key) => key + 1);
      }
    } catch (error) {
      setProblem(error instanceof Error ? error.message : String(error));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="panel interchange-panel" aria-labelledby={headingId}>
      <h2 id={headingId} className="panel__title">
        Import a USM-WIF file as a procedure
      </h2>
      <p className="muted small">
        A workflow or workflow template in the USM Workflow Interchange Format. Its activities are matched to
        this organisation’s activities by process and name, its profiles to roles; what matches nothing is
        left out and listed. Undo deletes the imported procedure.
      </p>
      <form className="stack" onSubmit={submit}>
        <label className="field">
          <span className="field__label">WIF document (.json)</span>
          <input
            key={inputKey}
            className="input"
            type="file"
            accept=".json,application/json"
            onChange={(event) => {
              setProblem(null);
              setFile(event.target.files?.[0] ?? null);
            }}
          />
        </label>
        <label className="field">
          <span className="field__label">Procedure name (optional)</span>
          <input
            className="input"
            maxLength={200}
            value={name}
            placeholder="The file’s name for it"
            onChange={(event) => setName(event.target.value)}
          />
        </label>
        {problem && (
          <p className="form-error" role="alert">
            {problem}
          </p>
        )}
        {refused.length > 0 && failure && (
          <ProblemList problems={refused} title="Problems in the file (nothing was imported)" />
        )}
        <div className="button-row">
          <button type="submit" className="button button--primary" disabled={busy || !file}>
            {busy ? 'Importing…' : 'Import as a procedure'}
          </button>
        </div>
      </form>
      {imported && imported.revision === revision && (
        <div className="interchange-result" role="status">
          <p>
            The procedure <strong>{imported.name}</strong> was imported
            {imported.skipped.length === 0
              ? ': everything in the file matched.'
              : `; ${imported.skipped.length} item${imported.skipped.length === 1 ? ' was' : 's were'} left out:`}
          </p>
          {imported.skipped.length > 0 && <ProblemList problems={imported.skipped} title="Left out" />}
          <a
            className="button"
            href={organisationPath(organisationId, {
              name: 'procedure',
              procedureId: imported.procedureId,
            })}
            onClick={followLink}
          >
            Open the procedure
          </a>
        </div>
      )}
    </section>
  );
}
