import { useState } from 'react';
import type { PageStep } from '../core/procedures/page';
import { ConfirmPanel } from '../ui/ConfirmPanel';
import { useProcedureGateway } from './hooks';
import { useDirectEdit } from './use-direct-edit';

/** Steps whose activity was deleted or left the path: kept until removed (not undoable). */
export function ObsoleteSteps({ steps, onChanged }: { steps: readonly PageStep[]; onChanged: () => void }) {
  const gateway = useProcedureGateway();
  const { editable, busy, problem, run } = useDirectEdit(onChanged);
  const [confirming, setConfirming] = useState<PageStep | null>(null);
  const obsolete = steps.filter((step) => step.obsolete);
  if (obsolete.length === 0) return null;

  async function remove(step: PageStep) {
    const edit = `Remove obsolete step “${step.name}”`;
    if (await run(edit, () => gateway.removeObsoleteStep({ id: step.id, version: step.version }))) {
      setConfirming(null);
    }
  }

  return (
    <section className="proc-obsolete" aria-labelledby="proc-obsolete-heading">
      <h3 id="proc-obsolete-heading">Obsolete steps</h3>
      <p className="muted small">
        Their activity was deleted or left the path. They keep their roles and work instructions until
        removed.
      </p>
      <ul className="proc-obsolete__list">
        {obsolete.map((step) => (
          <li key={step.id}>
            <span>
              {step.position}. {step.name}
            </span>
            {editable && (
              <button
                type="button"
                className="button button--small"
                aria-label={`Remove obsolete step “${step.name}”`}
                onClick={() => setConfirming(step)}
              >
                Remove obsolete step
              </button>
            )}
          </li>
        ))}
      </ul>
      {confirming && (
        <ConfirmPanel
          title={`Remove “${confirming.name}”?`}
          message="This removes the step with its responsibilities and work instructions. It cannot be undone."
          confirmLabel="Yes, remove it"
          busy={busy}
          onConfirm={() => void remove(confirming)}
          onCancel={() => setConfirming(null)}
        />
      )}
      {problem && (
        <p className="form-error" role="alert">
          {problem}
        </p>
      )}
    </section>
  );
}
