import { useId, useState, type FormEvent } from 'react';
import { useClient } from 'urql';
import { navigate, organisationPath } from '../app/router';
import { describeFailure } from '../core/errors';
import { importSizeProblem, type DocumentProblem } from '../core/interchange/export-choices';
import { DocumentRefused, importModel } from '../data/interchange-gateway';
import { ProblemList } from './ProblemList';
import './interchange.css';

/**
 * "Import a model file" on the organisations list: a whole-model JSON document becomes a new organisation
 * (you its owner), then it opens. A refused document is listed problem by problem, each with its JSON path.
 */
export function ImportModelPanel() {
  const client = useClient();
  const [file, setFile] = useState<File | null>(null);
  const [title, setTitle] = useState('');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [problems, setProblems] = useState<readonly DocumentProblem[]>([]);
  const headingId = useId();

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setProblem(null);
    setProblems([]);
    if (!file) {
      setProblem('Choose a model file (.usm-model.json).');
      return;
    }
    const tooLarge = importSizeProblem(file.size, 'model');
    if (tooLarge) {
      setProblem(tooLarge);
      return;
    }
    setBusy(true);
    try {
      const organisation = await importModel(client, {
        document: await file.text(),
        name: title.trim() || null,
      });
      navigate(organisationPath(organisation.id));
    } catch (error) {
      if (error instanceof DocumentRefused) {
        setProblem('The file was refused and nothing was imported:');
        setProblems(error.problems);
      } else {
        setProblem(describeFailure('Import the model', error).message);
      }
      setBusy(false);
    }
  }

  return (
    <section className="panel" aria-labelledby={headingId}>
      <h2 id={headingId} className="panel__title">
        Import a model file
      </h2>
      <form onSubmit={submit} className="stack">
        <p className="muted small">
          A whole-model JSON file exported from USM Studio becomes a new organisation, with you as its owner.
          Files over 1 MB: run <code>pnpm usm import --file &lt;model.json&gt;</code> on the server instead.
        </p>
        <label className="field">
          <span className="field__label">Model document (.json)</span>
          <input
            className="input"
            type="file"
            accept=".json,application/json"
            onChange={(event) => {
              setProblem(null);
              setProblems([]);
              setFile(event.target.files?.[0] ?? null);
            }}
          />
        </label>
        <label className="field">
          <span className="field__label">Title of the new organisation (optional)</span>
          <input
            className="input"
            maxLength={200}
            value={title}
            placeholder="The file’s by default"
            onChange={(event) => setTitle(event.target.value)}
          />
        </label>
        {problem && (
          <p className="form-error" role="alert">
            {problem}
          </p>
        )}
        {problems.length > 0 && <ProblemList problems={problems} />}
        <button type="submit" className="button" disabled={busy || !file}>
          {busy ? 'Importing…' : 'Import model'}
        </button>
      </form>
    </section>
  );
}
