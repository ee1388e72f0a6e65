import { useCallback, useState } from 'react';
import { useQuery } from 'urql';
import { replaceSearch, useSearch } from '../app/router';
import { clampStage, DERIVATION_STAGES, stageFromSearch } from '../core/trainer/derivation-walk';
import { errorMessage } from '../data/errors';
import { TrainerProceduresQuery } from '../data/trainer-operations';
import { ErrorState, LoadingState } from '../ui/states';
import { DerivationStage } from './DerivationStage';
import { PresentationFrame } from './PresentationFrame';
import { ShareControls } from './ShareControls';
import { useRereadOnRevision } from './use-reread';
import { ProcedurePicker } from './WalkthroughPicker';
import './trainer.css';

/**
 * The derivation walkthrough: one procedure, forward and back through WHAT → WHO → HOW (?stage=1|2|3 in
 * the address).
 */
export function DerivationWalkthrough({
  organisationId,
  procedureId,
}: {
  organisationId: string;
  procedureId: string;
}) {
  const [result, reexecute] = useQuery({ query: TrainerProceduresQuery, variables: { id: organisationId } });
  useRereadOnRevision(reexecute);
  const procedures = result.data?.organisation?.procedures ?? [];
  const stage = stageFromSearch(useSearch());
  const [presenting, setPresenting] = useState(false);
  const go = useCallback((to: number) => replaceSearch(`?stage=${clampStage(to)}`), []);
  const next = useCallback(() => go(stage + 1), [go, stage]);
  const previous = useCallback(() => go(stage - 1), [go, stage]);

  if (result.fetching && !result.data) return <LoadingState label="Loading the procedures…" />;
  if (result.error && !result.data) {
    return (
      <ErrorState
        title="The procedures could not be loaded"
        message={errorMessage(result.error)}
        onRetry={() => reexecute({ requestPolicy: 'network-only' })}
      />
    );
  }
  const procedure = procedures.find((candidate) => candidate.id === procedureId);
  const label = procedure ? `Derivation of ${procedure.name}` : 'Derivation walkthrough';

  return (
    <PresentationFrame
      presenting={presenting}
      onLeave={() => setPresenting(false)}
      keys={{ next, previous }}
      label={label}
    >
      <div className="trainer-bar" role="group" aria-label="Walkthrough controls">
        {!presenting && (
          <ProcedurePicker organisationId={organisationId} procedures={procedures} current={procedureId} />
        )}
        {presenting && <strong className="trainer-bar__title">{label}</strong>}
        <div className="trainer-bar__group">
          <button type="button" className="button" onClick={previous} disabled={stage <= 1}>
            ← Previous stage
          </button>
          <div className="trainer-stages" role="group" aria-label="Stages">
            {DERIVATION_STAGES.map((entry) => (
              <button
                key={entry.stage}
                type="button"
                className={entry.stage === stage ? 'trainer-stage-button is-current' : 'trainer-stage-button'}
                aria-pressed={entry.stage === stage}
                onClick={() => go(entry.stage)}
              >
                {entry.stage} {entry.key}
              </button>
            ))}
          </div>
          <button type="button" className="button button--primary" onClick={next} disabled={stage >= 3}>
            Next stage →
          </button>
        </div>
        <span className="trainer-bar__spacer" />
        <ShareControls
          organisationId={organisationId}
          target={{ mode: 'DERIVATION', procedureId, step: stage }}
        />
        <button type="button" className="button" onClick={() => setPresenting((now) => !now)}>
          {presenting ? 'Leave presentation' : 'Present'}
        </button>
      </div>
      <div className="trainer-derivation-scroll">
        <DerivationStage procedureId={procedureId} stage={stage} />
      </div>
    </PresentationFrame>
  );
}
