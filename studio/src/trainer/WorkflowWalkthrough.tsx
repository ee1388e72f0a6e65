import { useCallback, useEffect, useId, useMemo, useState } from 'react';
import { useQuery } from 'urql';
import { replaceSearch, useSearch } from '../app/router';
import { nextStep, previousStep, stepFromSearch } from '../core/trainer/workflow-walk';
import { errorMessage } from '../data/errors';
import { TrainerWorkflowsQuery } from '../data/trainer-operations';
import { ErrorState, LoadingState } from '../ui/states';
import { PresentationFrame } from './PresentationFrame';
import { ShareControls } from './ShareControls';
import { useRereadOnRevision } from './use-reread';
import { WorkflowPicker } from './WalkthroughPicker';
import { WorkflowStage } from './WorkflowStage';
import './trainer.css';

export const SPEEDS = [
  { label: 'Slow', ms: 4000 },
  { label: 'Normal', ms: 2500 },
  { label: 'Fast', ms: 1200 },
] as const;

/**
 * The workflow walkthrough: one of the eight workflows, one step at a time along the API's expansion
 * (next, previous, play/pause at a chosen speed). The step is kept in the address (?step=N), so a reload
 * or a link opens the same place.
 */
export function WorkflowWalkthrough({ organisationId, number }: { organisationId: string; number: number }) {
  const [result, reexecute] = useQuery({ query: TrainerWorkflowsQuery, variables: { id: organisationId } });
  useRereadOnRevision(reexecute);
  const workflows = useMemo(() => result.data?.organisation?.workflows ?? [], [result.data]);
  const workflow = workflows.find((candidate) => candidate.number === number) ?? null;
  const total = workflow?.steps.length ?? 0;
  const step = stepFromSearch(useSearch(), total);
  const [playing, setPlaying] = useState(false);
  const [speed, setSpeed] = useState<number>(SPEEDS[1].ms);
  const [presenting, setPresenting] = useState(false);
  const speedId = useId();

  const go = useCallback((to: number) => replaceSearch(`?step=${to}`), []);
  const next = useCallback(() => go(nextStep(step, total)), [go, step, total]);
  const previous = useCallback(() => go(previousStep(step, total)), [go, step, total]);
  const togglePlay = useCallback(() => setPlaying((now) => !now), []);

  // Playing: one step per tick, stopping at the end.
  useEffect(() => {
    if (!playing) return;
    if (step >= total) {
      setPlaying(false);
      return;
    }
    const timer = window.setTimeout(() => go(step + 1), speed);
    return () => window.clearTimeout(timer);
  }, [playing, step, total, speed, go]);

  if (result.fetching && !result.data) return <LoadingState label="Loading the workflows…" fullPage />;
  if (result.error && !result.data) {
    return (
      <ErrorState
        fullPage
        title="The workflows could not be loaded"
        message={errorMessage(result.error)}
        onRetry={() => reexecute({ requestPolicy: 'network-only' })}
      />
    );
  }
  if (!workflow) {
    return <ErrorState fullPage title="No such workflow" message={`Workflow ${number} does not exist.`} />;
  }

  const label = `Workflow ${workflow.number}: ${workflow.name}`;
  return (
    <PresentationFrame
      presenting={presenting}
      onLeave={() => setPresenting(false)}
      keys={{ next, previous, togglePlay }}
      label={label}
    >
      <div className="trainer-bar" role="group" aria-label="Walkthrough controls">
        {!presenting && (
          <WorkflowPicker organisationId={organisationId} workflows={workflows} current={number} />
        )}
        {presenting && <strong className="trainer-bar__title">{label}</strong>}
        <div className="trainer-bar__group">
          <button
            type="button"
            className="button"
            aria-label="Previous step"
            onClick={previous}
            disabled={step <= 1}
          >
            ← Previous
          </button>
          <button
            type="button"
            className="button"
            aria-pressed={playing}
            onClick={togglePlay}
            disabled={!playing && step >= total}
          >
            {playing ? 'Pause' : 'Play'}
          </button>
          <button
            type="button"
            className="button button--primary"
            aria-label="Next step"
            onClick={next}
            disabled={step >= total}
          >
            Next →
          </button>
          <span className="trainer-field">
            <label htmlFor={speedId}>Speed</label>
            <select id={speedId} value={speed} onChange={(event) => setSpeed(Number(event.target.value))}>
              {SPEEDS.map((option) => (
                <option key={option.ms} value={option.ms}>
                  {option.label}
                </option>
              ))}
            </select>
          </span>
        </div>
        <span className="trainer-bar__spacer" />
        <ShareControls
          organisationId={organisationId}
          target={{ mode: 'WORKFLOW', workflowNumber: workflow.number, step }}
        />
        <button
          type="button"
          className="button"
          onClick={() => setPresenting((now) => !now)}
          aria-keyshortcuts={presenting ? 'Escape' : undefined}
        >
          {presenting ? 'Leave presentation' : 'Present'}
        </button>
      </div>
      <WorkflowStage workflow={workflow} step={step} />
    </PresentationFrame>
  );
}
