import { useEffect, useMemo, useState, useSyncExternalStore } from 'react';
import type { Client } from '@urql/core';
import { useClient } from 'urql';
import { useEditor } from '../canvas/editor-context';
import { shareLink, type WalkthroughTarget } from '../core/trainer/presentation';
import { PresentationSession } from '../core/trainer/presentation-session';
import { createPresentationGateway } from '../data/presentation-gateway';

/**
 * One session per client and organisation, kept while the page lives: switching from one walkthrough to
 * another (a workflow to a derivation) moves the same presentation, and the class keeps following.
 */
const sessions = new WeakMap<Client, Map<string, PresentationSession>>();

function sessionFor(client: Client, organisationId: string): PresentationSession {
  const byOrganisation = sessions.get(client) ?? new Map<string, PresentationSession>();
  sessions.set(client, byOrganisation);
  let session = byOrganisation.get(organisationId);
  if (!session) {
    session = new PresentationSession(createPresentationGateway(client));
    byOrganisation.set(organisationId, session);
  }
  return session;
}

/** Roles that may present (the API's PRESENT permission). */
const PRESENTERS = new Set(['OWNER', 'ARCHITECT', 'TRAINER']);

/**
 * "Share with the class": starts a presentation and shows its link; every step or stage change then moves
 * it (trainees follow); "End" stops it and the link stops working.
 */
export function ShareControls({
  organisationId,
  target,
}: {
  organisationId: string;
  target: WalkthroughTarget;
}) {
  const client = useClient();
  const role = useEditor((state) => state.model?.myRole ?? null);
  const session = useMemo(() => sessionFor(client, organisationId), [client, organisationId]);
  const state = useSyncExternalStore(
    (listener) => session.subscribe(listener),
    () => session.current,
  );
  const [copied, setCopied] = useState(false);
  const key = JSON.stringify(target);

  useEffect(() => {
    void session.moveTo(JSON.parse(key) as WalkthroughTarget);
  }, [session, key]);

  if (!role || !PRESENTERS.has(role)) return null;
  const link = state.sharePath ? shareLink(window.location.origin, state.sharePath) : null;

  return (
    <div className="trainer-share" role="group" aria-label="Share with the class">
      {!link && (
        <button
          type="button"
          className="button"
          disabled={state.busy}
          onClick={() => void session.start(organisationId, JSON.parse(key) as WalkthroughTarget)}
        >
          Share with the class
        </button>
      )}
      {link && (
        <>
          <label className="trainer-field">
            <span>Share link</span>
            <input
              className="trainer-share__link"
              readOnly
              value={link}
              data-testid="trainer-share-link"
              onFocus={(event) => event.currentTarget.select()}
            />
          </label>
          <button
            type="button"
            className="button"
            onClick={() => {
              void navigator.clipboard?.writeText(link).then(
                () => setCopied(true),
                () => setCopied(false),
              );
            }}
          >
            {copied ? 'Copied' : 'Copy link'}
          </button>
          <button type="button" className="button" disabled={state.busy} onClick={() => void session.end()}>
            End
          </button>
        </>
      )}
      {state.error && (
        <span className="trainer-share__error" role="alert">
          {state.error}
        </span>
      )}
    </div>
  );
}
