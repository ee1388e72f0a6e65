import { useId, useState } from 'react';
import { followLink, organisationPath } from '../app/router';
import { useEditorStore } from '../canvas/editor-context';
import { DeriveWorkInstructions } from '../core/instructions/derive-instructions';
import type { HowSummary, StepHow } from '../core/instructions/gaps';
import type { InstructionGateway } from '../core/instructions/gateway';
import { ToolForProcessForm } from './ToolForProcessForm';
import type { CompletenessData, ProcedureData, ToolOption } from './types';

/** The procedure's name, the way back to it, how complete HOW is, and the actions on all its steps. */
export function InstructionsHeader({
  organisationId,
  procedure,
  organisationCompleteness,
  summary,
  steps,
  tools,
  gateway,
  editable,
}: {
  organisationId: string;
  procedure: ProcedureData;
  organisationCompleteness: CompletenessData;
  summary: HowSummary;
  steps: readonly StepHow[];
  tools: readonly ToolOption[];
  gateway: InstructionGateway;
  editable: boolean;
}) {
  const store = useEditorStore();
  const [busy, setBusy] = useState(false);
  const noteId = useId();
  const missing = summary.missingInstructions;

  async function derive() {
    setBusy(true);
    await store.getState().run(new DeriveWorkInstructions(gateway, procedure.id, procedure.name));
    setBusy(false);
  }

  return (
    <header className="panel wi-header">
      <p className="wi-header__kicker">
        <a
          href={organisationPath(organisationId, { name: 'procedure', procedureId: procedure.id })}
          onClick={followLink}
        >
          ← Back to the procedure
        </a>
      </p>
      <h1 className="wi-header__title">Work instructions: {procedure.name}</h1>
      <p className="muted small">
        HOW a step is carried out: per step and Responsible role, the tools used and the instruction text.
      </p>
      <dl className="wi-figures">
        <Figures
          title="This procedure"
          completeness={procedure.completeness}
          detail={`${summary.completeInstructions} of ${summary.instructions} work instructions have tools and text${
            missing > 0 ? `; ${missing} not derived yet` : ''
          }.`}
        />
        <Figures title="The whole organisation" completeness={organisationCompleteness} />
      </dl>
      {editable && (
        <div className="wi-header__actions">
          <div className="wi-derive">
            <button
              type="button"
              className="button button--primary"
              disabled={busy || missing === 0}
              onClick={() => void derive()}
              aria-describedby={noteId}
            >
              Derive work instructions
            </button>
            <span id={noteId} className="muted small">
              {missing > 0
                ? `${missing} Responsible ${missing === 1 ? 'role has' : 'roles have'} no work instruction yet.`
                : 'Every Responsible role on a live step has its work instruction.'}
            </span>
          </div>
          <ToolForProcessForm procedureId={procedure.id} steps={steps} tools={tools} gateway={gateway} />
        </div>
      )}
    </header>
  );
}

function Figures({
  title,
  completeness,
  detail,
}: {
  title: string;
  completeness: CompletenessData;
  detail?: string;
}) {
  const { liveSteps, howGaps, percentComplete } = completeness;
  return (
    <div className="wi-figures__group">
      <dt>{title}</dt>
      <dd>
        <strong>
          HOW: {liveSteps - howGaps} of {liveSteps} {liveSteps === 1 ? 'step' : 'steps'} complete
        </strong>
        {howGaps > 0 && <span className="badge wi-badge wi-badge--gap">{howGaps} missing</span>}
      </dd>
      <dd className="muted small">
        {detail ? `${detail} ` : ''}WHO and HOW together: {percentComplete}% complete.
      </dd>
    </div>
  );
}
