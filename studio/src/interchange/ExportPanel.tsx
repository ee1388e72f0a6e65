import { useId, useState, type FormEvent } from 'react';
import {
  EXPORT_KIND_HINTS,
  EXPORT_KIND_LABELS,
  EXPORT_KINDS,
  exportRequest,
  INITIAL_CHOICE,
  SCOPE_LABELS,
  SCOPES,
  withKind,
  type ExportChoice,
  type ExportScope,
} from '../core/interchange/export-choices';
import type { ProcessKey } from '../core/usm';
import type { InterchangeChoicesQuery } from '../gql/graphql';
import { useDownload } from './hooks';

type Choices = NonNullable<InterchangeChoicesQuery['organisation']>;

/** "Export": what (handbook, BPMN, WIF, whole model), in which format, of what; then the download. */
export function ExportPanel({ organisationId, choices }: { organisationId: string; choices: Choices }) {
  const [choice, setChoice] = useState<ExportChoice>(INITIAL_CHOICE);
  const [problem, setProblem] = useState<string | null>(null);
  const { download, busy, problem: failure, saved } = useDownload();
  const headingId = useId();
  const scopes = SCOPES[choice.kind];

  function change(values: Partial<ExportChoice>) {
    setProblem(null);
    setChoice((current) => ({ ...current, ...values }));
  }

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const request = exportRequest(organisationId, choice);
    if ('problem' in request) {
      setProblem(request.problem);
      return;
    }
    await download(request.input);
  }

  return (
    <section className="panel interchange-panel" aria-labelledby={headingId}>
      <h2 id={headingId} className="panel__title">
        Export
      </h2>
      <form className="stack" onSubmit={submit}>
        <fieldset className="choice-group">
          <legend className="field__label">What to export</legend>
          {EXPORT_KINDS.map((kind) => (
            <label key={kind} className="choice">
              <input
                type="radio"
                name="export-kind"
                value={kind}
                checked={choice.kind === kind}
                onChange={() => {
                  setProblem(null);
                  setChoice((current) => withKind(current, kind));
                }}
              />
              <span>
                <strong>{EXPORT_KIND_LABELS[kind]}</strong>
                <span className="muted small block">{EXPORT_KIND_HINTS[kind]}</span>
              </span>
            </label>
          ))}
        </fieldset>
        {choice.kind === 'handbook' && (
          <fieldset className="interchange-inline-choices">
            <legend className="field__label">Format</legend>
            <label className="checkbox">
              <input
                type="radio"
                name="handbook-format"
                checked={choice.handbookFormat === 'HTML'}
                onChange={() => change({ handbookFormat: 'HTML' })}
              />
              HTML (printable)
            </label>
            <label className="checkbox">
              <input
                type="radio"
                name="handbook-format"
                checked={choice.handbookFormat === 'MARKDOWN'}
                onChange={() => change({ handbookFormat: 'MARKDOWN' })}
              />
              Markdown
            </label>
          </fieldset>
        )}
        {scopes.length > 1 && (
          <fieldset className="interchange-inline-choices">
            <legend className="field__label">Of</legend>
            {scopes.map((scope) => (
              <label key={scope} className="checkbox">
                <input
                  type="radio"
                  name="export-scope"
                  checked={choice.scope === scope}
                  onChange={() => change({ scope })}
                />
                {SCOPE_LABELS[scope]}
              </label>
            ))}
          </fieldset>
        )}
        <ScopeSelect scope={choice.scope} choice={choice} choices={choices} onChange={change} />
        {(problem || failure) && (
          <p className="form-error" role="alert">
            {problem ?? failure}
          </p>
        )}
        <div className="button-row interchange-actions">
          <button type="submit" className="button button--primary" disabled={busy}>
            {busy ? 'Preparing…' : 'Download'}
          </button>
          {saved && !busy && (
            <span className="muted small" role="status">
              Saved as {saved}
            </span>
          )}
        </div>
      </form>
    </section>
  );
}

function ScopeSelect({
  scope,
  choice,
  choices,
  onChange,
}: {
  scope: ExportScope;
  choice: ExportChoice;
  choices: Choices;
  onChange: (values: Partial<ExportChoice>) => void;
}) {
  switch (scope) {
    case 'organisation':
      return null;
    case 'procedure':
      return choices.procedures.length === 0 ? (
        <p className="muted">This organisation has no procedure yet: derive one in the Procedures view.</p>
      ) : (
        <Picker
          label="Procedure to export"
          value={choice.procedureId ?? ''}
          options={choices.procedures.map((procedure) => ({ value: procedure.id, label: procedure.name }))}
          onChange={(value) => onChange({ procedureId: value || null })}
        />
      );
    case 'role':
      return (
        <Picker
          label="Role to export"
          value={choice.roleId ?? ''}
          options={choices.roles.map((role) => ({ value: role.id, label: role.name }))}
          onChange={(value) => onChange({ roleId: value || null })}
        />
      );
    case 'process':
      return (
        <Picker
          label="Process to export"
          value={choice.processKey ?? ''}
          options={choices.processes.map((process) => ({ value: process.key, label: process.name }))}
          onChange={(value) => onChange({ processKey: (value || null) as ProcessKey | null })}
        />
      );
    case 'workflow':
      return (
        <Picker
          label="Workflow to export"
          value={choice.workflowNumber == null ? '' : String(choice.workflowNumber)}
          options={choices.workflows.map((workflow) => ({
            value: String(workflow.number),
            label: `Workflow ${workflow.number}: ${workflow.name}`,
          }))}
          onChange={(value) => onChange({ workflowNumber: value ? Number(value) : null })}
        />
      );
  }
}

function Picker({
  label,
  value,
  options,
  onChange,
}: {
  label: string;
  value: string;
  options: readonly { value: string; label: string }[];
  onChange: (value: string) => void;
}) {
  return (
    <label className="field">
      <span className="field__label">{label}</span>
      <select className="input" value={value} onChange={(event) => onChange(event.target.value)}>
        <option value="">Choose…</option>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </label>
  );
}
