import { useState } from 'react';
import { ConfirmPanel } from '../ui/ConfirmPanel';
import { useProcedureGateway } from './hooks';
import { useDirectEdit } from './use-direct-edit';

/** The source changed since the last derivation: what changed, and re-deriving (not undoable). */
export function OutOfDateBanner({
  procedureId,
  reasons,
  onChanged,
}: {
  procedureId: string;
  reasons: readonly string[];
  onChanged: () => void;
}) {
  const gateway = useProcedureGateway();
  const { editable, busy, problem, run } = useDirectEdit(onChanged);
  const [confirming, setConfirming] = useState(false);

  async function rederive() {
    if (await run('Re-derive the procedure', () => gateway.rederiveProcedure(procedureId)))
      setConfirming(false);
  }

  return (
    <section className="proc-stale" aria-labelledby="proc-stale-heading" data-testid="proc-out-of-date">
      <div className="proc-stale__text">
        <h3 id="proc-stale-heading">Out of date</h3>
        <p>Its source changed since it was derived:</p>
        <ul>
          {reasons.map((reason) => (
            <li key={reason}>{reason}</li>
          ))}
        </ul>
      </div>
      {editable && !confirming && (
        <button type="button" className="button button--primary" onClick={() => setConfirming(true)}>
          Re-derive
        </button>
      )}
      {confirming && (
        <ConfirmPanel
          title="Re-derive from the source?"
          message={
            'Steps keep their roles and work instructions; new activities become unassigned steps and steps ' +
            'whose activity is gone are marked obsolete. This cannot be undone.'
          }
          confirmLabel="Yes, re-derive"
          busy={busy}
          onConfirm={() => void rederive()}
          onCancel={() => setConfirming(false)}
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
