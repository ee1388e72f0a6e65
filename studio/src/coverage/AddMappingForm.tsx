import { useId, useMemo, useState, type FormEvent } from 'react';
import { useEditor, useEditorStore } from '../canvas/editor-context';
import { MapCoverage } from '../core/coverage/commands';
import {
  decodeTarget,
  encodeTarget,
  groupLines,
  mappingProblem,
  RATIONALE_MAX,
  type ReportLine,
} from '../core/coverage/coverage';
import type { Framework } from '../core/coverage/gateway';
import { useCoverageGateway } from './hooks';

/** An architect's new mapping: the item, the activity or workflow that covers it, and why (required). */
export function AddMappingForm({
  organisationId,
  framework,
  lines,
  workflows,
}: {
  organisationId: string;
  framework: Framework;
  lines: readonly ReportLine[];
  workflows: readonly { id: string; number: number; name: string }[];
}) {
  const store = useEditorStore();
  const gateway = useCoverageGateway();
  const model = useEditor((state) => state.model);
  const [itemKey, setItemKey] = useState('');
  const [target, setTarget] = useState('');
  const [rationale, setRationale] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const headingId = useId();
  const groups = useMemo(() => groupLines(framework, lines), [framework, lines]);
  const item = lines.find((line) => line.item.key === itemKey)?.item;

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const invalid = mappingProblem({ itemKey, target, rationale });
    if (invalid || !item) {
      setProblem(invalid ?? 'Choose the practice or clause.');
      return;
    }
    setProblem(null);
    const decoded = decodeTarget(target)!;
    const targetName =
      decoded.kind === 'activity'
        ? `activity “${model?.activities[decoded.id]?.name ?? '?'}”`
        : `workflow ${workflows.find((workflow) => workflow.id === decoded.id)?.number ?? '?'}`;
    setBusy(true);
    const saved = await store
      .getState()
      .run(new MapCoverage(gateway, organisationId, framework, item, target, targetName, rationale));
    setBusy(false);
    if (saved) {
      setTarget('');
      setRationale('');
    }
  }

  return (
    <section className="panel coverage-add" aria-labelledby={headingId}>
      <h2 id={headingId} className="panel__title">
        Add a mapping
      </h2>
      <form className="coverage-add__form" onSubmit={submit}>
        <label className="field">
          <span className="field__label">Practice or clause</span>
          <select
            className="input"
            value={itemKey}
            onChange={(event) => {
              setProblem(null);
              setItemKey(event.target.value);
            }}
          >
            <option value="">Choose…</option>
            {groups.map((group) => (
              <optgroup key={group.title} label={group.title}>
                {group.lines.map((line) => (
                  <option key={line.item.key} value={line.item.key}>
                    {framework === 'ISO20000' ? `${line.item.key} ${line.item.title}` : line.item.title}
                  </option>
                ))}
              </optgroup>
            ))}
          </select>
        </label>
        <label className="field">
          <span className="field__label">Covered by</span>
          <select
            className="input"
            value={target}
            onChange={(event) => {
              setProblem(null);
              setTarget(event.target.value);
            }}
          >
            <option value="">Choose an activity or a workflow…</option>
            <optgroup label="Workflows">
              {workflows.map((workflow) => (
                <option key={workflow.id} value={encodeTarget({ kind: 'workflow', id: workflow.id })}>
                  Workflow {workflow.number}: {workflow.name}
                </option>
              ))}
            </optgroup>
            {model?.processIds.map((processId) => {
              const process = model.processes[processId]!;
              return (
                <optgroup key={processId} label={`${process.name} activities`}>
                  {process.activityIds.map((activityId) => (
                    <option key={activityId} value={encodeTarget({ kind: 'activity', id: activityId })}>
                      {model.activities[activityId]!.name}
                    </option>
                  ))}
                </optgroup>
              );
            })}
          </select>
        </label>
        <label className="field coverage-add__rationale">
          <span className="field__label">Source or rationale (required)</span>
          <textarea
            className="input"
            rows={2}
            maxLength={RATIONALE_MAX}
            value={rationale}
            placeholder="Where the mapping comes from, or why it holds"
            onChange={(event) => {
              setProblem(null);
              setRationale(event.target.value);
            }}
          />
        </label>
        {problem && (
          <p className="form-error coverage-add__problem" role="alert">
            {problem}
          </p>
        )}
        <div className="button-row">
          <button type="submit" className="button button--primary" disabled={busy}>
            {busy ? 'Saving…' : 'Add mapping'}
          </button>
        </div>
      </form>
    </section>
  );
}
