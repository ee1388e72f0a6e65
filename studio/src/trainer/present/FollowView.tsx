import { useEffect, useMemo, useState, type Dispatch } from 'react';
import { useQuery, useSubscription } from 'urql';
import { useEditor, useEditorStore } from '../../canvas/editor-context';
import { clampStage } from '../../core/trainer/derivation-walk';
import {
  FOLLOW_STATUS_LABELS,
  newerPlace,
  POLL_INTERVAL_MS,
  type FollowEvent,
  type FollowStatus,
  type PresentedPlace,
} from '../../core/trainer/presentation';
import { errorMessage, gatewayErrorFrom } from '../../data/errors';
import { placeFrom } from '../../data/presentation-gateway';
import { PresentationMovedSubscription, SharedPresentationQuery } from '../../data/presentation-operations';
import { TrainerWorkflowsQuery } from '../../data/trainer-operations';
import { ErrorState, LoadingState } from '../../ui/states';
import { DerivationStage } from '../DerivationStage';
import { WorkflowStage } from '../WorkflowStage';

/** Follows the presentation and shows the walkthrough where the trainer is, read-only. */
export function FollowView({
  status,
  dispatch,
  live,
}: {
  status: FollowStatus;
  dispatch: Dispatch<FollowEvent>;
  live: boolean;
}) {
  const store = useEditorStore();
  const [shared, reread] = useQuery({ query: SharedPresentationQuery, requestPolicy: 'network-only' });
  const [place, setPlace] = useState<PresentedPlace | null>(null);
  const organisation = shared.data?.sharedPresentation?.organisation ?? null;
  const organisationId = organisation?.id ?? null;

  // The first answer, and every poll.
  const hadPlace = place !== null;
  useEffect(() => {
    if (shared.fetching) return;
    if (shared.data) {
      const presentation = shared.data.sharedPresentation;
      const next = presentation ? placeFrom(presentation) : null;
      if (next) {
        setPlace((current) => newerPlace(current, next));
        dispatch({ type: 'moved', place: next });
      } else if (hadPlace) {
        dispatch({ type: 'moved', place: null });
      }
    } else if (shared.error && hadPlace) {
      // The link stops working once the presentation ends.
      const code = gatewayErrorFrom(shared.error).code;
      if (code === 'UNAUTHENTICATED' || code === 'FORBIDDEN' || code === 'NOT_FOUND') {
        dispatch({ type: 'moved', place: null });
      }
    }
  }, [shared.data, shared.error, shared.fetching, hadPlace, dispatch]);

  // Live: the subscription sends the current state first, then every move.
  const [moved] = useSubscription({
    query: PresentationMovedSubscription,
    variables: { id: place?.id ?? '' },
    pause: !live || !place || status === 'polling' || status === 'ended',
  });
  useEffect(() => {
    const presentation = moved.data?.presentationMoved;
    if (!presentation) return;
    const next = placeFrom(presentation);
    setPlace((current) => newerPlace(current, next));
    dispatch({ type: 'moved', place: next });
  }, [moved.data, dispatch]);
  useEffect(() => {
    if (moved.error) dispatch({ type: 'socket-lost' });
  }, [moved.error, dispatch]);

  // Polling: every 2 s while the socket is not there.
  useEffect(() => {
    if (status !== 'polling') return;
    const timer = window.setInterval(() => reread({ requestPolicy: 'network-only' }), POLL_INTERVAL_MS);
    return () => window.clearInterval(timer);
  }, [status, reread]);

  // The model, read with the share token.
  useEffect(() => {
    if (organisationId) void store.getState().open(organisationId);
  }, [store, organisationId]);

  if (status === 'ended') {
    return (
      <div className="trainer-follow">
        <div className="trainer-follow__ended" role="status">
          <h1>The presentation has ended</h1>
          <p className="muted">Thank you for following. You can close this page.</p>
        </div>
      </div>
    );
  }
  if (!place) {
    if (shared.error) {
      return (
        <ErrorState
          fullPage
          title="This presentation link does not work"
          message={errorMessage(shared.error)}
          onRetry={() => reread({ requestPolicy: 'network-only' })}
        />
      );
    }
    if (shared.data && !shared.data.sharedPresentation) {
      return (
        <ErrorState
          fullPage
          title="This presentation link does not work"
          message="It may have ended already."
        />
      );
    }
    return <LoadingState label="Joining the presentation…" fullPage />;
  }

  return (
    <div className="trainer-follow">
      <header className="trainer-follow__bar">
        <strong>USM Studio</strong>
        <span>{organisation?.name}</span>
        <span className="trainer-follow__status" role="status" data-testid="trainer-follow-status">
          {FOLLOW_STATUS_LABELS[status]}
        </span>
      </header>
      <FollowedWalkthrough place={place} organisationId={organisationId} />
    </div>
  );
}

function FollowedWalkthrough({
  place,
  organisationId,
}: {
  place: PresentedPlace;
  organisationId: string | null;
}) {
  const status = useEditor((state) => state.status);
  const [result] = useQuery({
    query: TrainerWorkflowsQuery,
    variables: { id: organisationId ?? '' },
    pause: !organisationId || place.mode !== 'WORKFLOW',
  });
  const workflow = useMemo(
    () => result.data?.organisation?.workflows.find((candidate) => candidate.number === place.workflowNumber),
    [result.data, place.workflowNumber],
  );

  if (place.mode === 'DERIVATION') {
    if (!place.procedureId)
      return <ErrorState title="The procedure is gone" message="It may have been deleted." />;
    return (
      <main className="trainer-derivation-scroll">
        <DerivationStage procedureId={place.procedureId} stage={clampStage(place.step)} />
      </main>
    );
  }
  if (status !== 'ready' || !workflow)
    return <LoadingState label="Loading the process architecture…" fullPage />;
  return (
    <main className="trainer-stage-wrap">
      <WorkflowStage workflow={workflow} step={place.step} />
    </main>
  );
}
