import { useState } from 'react';
import { useClient, useQuery } from 'urql';
import { useEditor, useEditorStore } from '../canvas/editor-context';
import { describeFailure, GatewayError } from '../core/errors';
import { readDemo, resetDemo } from '../data/interchange-gateway';
import { ConfirmPanel } from '../ui/ConfirmPanel';
import { InterchangeDemoQuery } from '../data/interchange-operations';
import './interchange.css';

const MAY_RESET = new Set(['TRAINER', 'ARCHITECT', 'OWNER']);

/**
 * "Reset demo", for a demo organisation (trainers, architects, owners): after a confirmation that says what
 * it does and that it cannot be undone, the API rebuilds the sample content and the editor reloads.
 */
export function ResetDemoButton({ organisationId }: { organisationId: string }) {
  const client = useClient();
  const store = useEditorStore();
  const role = useEditor((state) => state.model?.myRole);
  const [{ data }] = useQuery({ query: InterchangeDemoQuery, variables: { id: organisationId } });
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [done, setDone] = useState(false);

  if (!data?.organisation?.demo || !role || !MAY_RESET.has(role)) return null;

  async function reset() {
    setBusy(true);
    setProblem(null);
    try {
      const organisation = await readDemo(client, organisationId);
      if (!organisation) throw new GatewayError('NOT_FOUND', 'The organisation no longer exists.');
      await resetDemo(client, { id: organisation.id, version: organisation.version });
      setConfirming(false);
      setDone(true);
      await store.getState().reload();
    } catch (error) {
      setProblem(describeFailure('Reset demo', error).message);
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="interchange-reset">
      <button
        type="button"
        className="button button--small"
        aria-expanded={confirming}
        onClick={() => {
          setDone(false);
          setProblem(null);
          setConfirming((open) => !open);
        }}
      >
        Reset demo
      </button>
      {done && (
        <span className="small muted" role="status">
          Demo reset
        </span>
      )}
      {confirming && (
        <ConfirmPanel
          className="interchange-confirm"
          title="Reset this demo organisation?"
          message={RESET_CONSEQUENCES}
          confirmLabel="Yes, reset the demo"
          busyLabel="Resetting…"
          busy={busy}
          problem={problem}
          onConfirm={() => void reset()}
          onCancel={() => setConfirming(false)}
        />
      )}
    </div>
  );
}

const RESET_CONSEQUENCES =
  'This deletes everything in this organisation’s model — activities, hand-overs, procedures, roles, tools, ' +
  'work instructions and coverage mappings — and builds the demo’s sample content again. Live presentations ' +
  'end; members and the name stay. It cannot be undone.';
