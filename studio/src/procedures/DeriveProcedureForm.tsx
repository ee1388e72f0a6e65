import { useId, useState, type FormEvent } from 'react';
import { navigate, organisationPath } from '../app/router';
import { useEditorStore } from '../canvas/editor-context';
import { DeriveProcedure, PROCEDURE_NAME_MAX, type ProcedureSource } from '../core/procedures/commands';
import type { ProcessKey } from '../core/usm';
import { useProcedureGateway } from './hooks';

interface Sources {
  processes: readonly { key: ProcessKey; name: string }[];
  workflows: readonly { number: number; name: string }[];
}

function sourceOf(value: string, sources: Sources): ProcedureSource | null {
  const [kind, id] = value.split(':');
  if (kind === 'process') {
    const process = sources.processes.find((candidate) => candidate.key === id);
    return process ? { kind: 'process', processKey: process.key, name: process.name } : null;
  }
  const workflow = sources.workflows.find((candidate) => String(candidate.number) === id);
  return workflow ? { kind: 'workflow', number: workflow.number, name: workflow.name } : null;
}

/** Derive a procedure from one of the five processes or one of the eight workflows (a command). */
export function DeriveProcedureForm({ organisationId, ...sources }: Sources & { organisationId: string }) {
  const store = useEditorStore();
  const gateway = useProcedureGateway();
  const headingId = useId();
  const [source, setSource] = useState('');
  const [name, setName] = useState('');
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const chosen = sourceOf(source, sources);
    if (!chosen) return;
    setBusy(true);
    const command = new DeriveProcedure(gateway, organisationId, chosen, name);
    const saved = await store.getState().run(command);
    setBusy(false);
    if (saved && command.procedureId) {
      navigate(organisationPath(organisationId, { name: 'procedure', procedureId: command.procedureId }));
    }
  }

  return (
    <section className="panel proc-derive" aria-labelledby={headingId}>
      <h2 id={headingId} className="panel__title">
        Derive a procedure
      </h2>
      <p className="muted small">
        One unassigned step per activity of the source. Then say WHO does each step.
      </p>
      <form className="stack" onSubmit={submit}>
        <label className="field">
          <span className="field__label">Source</span>
          <select
            className="input"
            required
            value={source}
            onChange={(event) => setSource(event.target.value)}
          >
            <option value="">Choose a process or workflow…</option>
            <optgroup label="Processes">
              {sources.processes.map((process) => (
                <option key={process.key} value={`process:${process.key}`}>
                  {process.name}
                </option>
              ))}
            </optgroup>
            <optgroup label="Workflows">
              {sources.workflows.map((workflow) => (
                <option key={workflow.number} value={`workflow:${workflow.number}`}>
                  {`${workflow.number}. ${workflow.name}`}
                </option>
              ))}
            </optgroup>
          </select>
        </label>
        <label className="field">
          <span className="field__label">Name (optional)</span>
          <input
            className="input"
            maxLength={PROCEDURE_NAME_MAX}
            value={name}
            onChange={(event) => setName(event.target.value)}
            placeholder="Defaults to the source's name"
          />
        </label>
        <button type="submit" className="button button--primary" disabled={busy || !source}>
          {busy ? 'Deriving…' : 'Derive procedure'}
        </button>
      </form>
    </section>
  );
}
