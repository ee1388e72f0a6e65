import { useEffect, useState } from 'react';
import { followLink, organisationPath } from '../app/router';
import { impactSummary, inUse } from '../core/catalogue/catalogue';
import type {
  CatalogueEntry,
  CatalogueGateway,
  CatalogueImpact,
  CatalogueKind,
} from '../core/catalogue/gateway';
import { describeFailure } from '../core/errors';
import { LoadingState } from '../ui/states';
import { ConfirmDialog } from './ConfirmDialog';

/** Asks before deleting a role or a tool, showing first what depends on it (the `impact` query). */
export function DeleteEntryDialog({
  kind,
  entry,
  organisationId,
  gateway,
  onDelete,
  onClose,
}: {
  kind: CatalogueKind;
  entry: CatalogueEntry;
  organisationId: string;
  gateway: CatalogueGateway;
  onDelete: () => Promise<string | null>;
  onClose: () => void;
}) {
  const [impact, setImpact] = useState<CatalogueImpact | null>(null);
  const [loadProblem, setLoadProblem] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    let current = true;
    gateway.impact(entry.id).then(
      (answer) => current && setImpact(answer),
      (error: unknown) => current && setLoadProblem(describeFailure('Check what uses it', error).message),
    );
    return () => {
      current = false;
    };
  }, [gateway, entry.id]);

  async function confirm() {
    setBusy(true);
    setProblem(null);
    const failure = await onDelete();
    setBusy(false);
    if (failure) setProblem(failure);
    else onClose();
  }

  return (
    <ConfirmDialog
      title={`Delete ${kind} “${entry.name}”?`}
      confirmLabel={`Delete ${kind}`}
      busy={busy}
      disabled={!impact && !loadProblem}
      problem={problem}
      onConfirm={() => void confirm()}
      onCancel={onClose}
    >
      {!impact && !loadProblem && <LoadingState label="Checking what uses it…" />}
      {loadProblem && <p className="muted">What uses it could not be checked: {loadProblem}</p>}
      {impact && (
        <div data-testid="catalogue-impact">
          <p>{impactSummary(kind, entry.name, impact)}</p>
          {inUse(impact) && (
            <ul className="catalogue-impact__procedures">
              {impact.procedures.map((procedure) => (
                <li key={procedure.id}>
                  <a
                    href={organisationPath(organisationId, { name: 'procedure', procedureId: procedure.id })}
                    onClick={followLink}
                  >
                    {procedure.name}
                  </a>
                </li>
              ))}
            </ul>
          )}
          {!inUse(impact) && <p className="muted small">You can undo the delete.</p>}
        </div>
      )}
    </ConfirmDialog>
  );
}
