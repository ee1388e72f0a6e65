import { useMemo, type CSSProperties } from 'react';
import { useQuery } from 'urql';
import { PROCESS_COLOURS } from '../canvas/colours';
import {
  derivationLayout,
  howIn,
  lettersOn,
  stageInfo,
  type CardPlace,
  type DerivationStage as Stage,
  type DerivationStep,
} from '../core/trainer/derivation-walk';
import { sourceLabel } from '../core/procedures/page';
import { errorMessage } from '../data/errors';
import { TrainerDerivationQuery } from '../data/trainer-operations';
import { ErrorState, LoadingState } from '../ui/states';
import type { TrainerProcedure } from './types';
import { useRereadOnRevision } from './use-reread';

/**
 * One procedure at one stage of its derivation: WHAT (the steps, grouped by process), WHO (the same steps
 * moved into a lane per Responsible role; the roles and letters are what the procedure adds, marked new),
 * HOW (tools and instruction snippets from the work instructions). Cards are keyed by step, so a stage
 * change moves them (CSS transitions) and fades in what is new.
 */
export function DerivationStage({ procedureId, stage }: { procedureId: string; stage: Stage }) {
  const [result, reexecute] = useQuery({ query: TrainerDerivationQuery, variables: { id: procedureId } });
  useRereadOnRevision(reexecute);
  const node = result.data?.node;
  const procedure = node && node.__typename === 'Procedure' ? (node as TrainerProcedure) : null;
  const steps = useMemo(() => (procedure ? derivationSteps(procedure) : []), [procedure]);
  const layout = useMemo(() => derivationLayout(steps, stage), [steps, stage]);

  if (result.fetching && !result.data) return <LoadingState label="Loading the procedure…" />;
  if (result.error && !result.data) {
    return (
      <ErrorState
        title="The procedure could not be loaded"
        message={errorMessage(result.error)}
        onRetry={() => reexecute({ requestPolicy: 'network-only' })}
      />
    );
  }
  if (!procedure) return <ErrorState title="Procedure not found" message="It may have been deleted." />;

  const info = stageInfo(stage);
  return (
    <section className="trainer-derivation" data-stage={stage} aria-labelledby="trainer-stage-title">
      <header className="trainer-derivation__header">
        <p className="trainer-derivation__procedure">
          {procedure.name} · <span className="muted">{sourceLabel(procedure)}</span>
        </p>
        <h2 id="trainer-stage-title" data-testid="trainer-stage-title">
          Stage {stage} · {info.title}
        </h2>
        <p className="trainer-derivation__lead">{info.lead}</p>
        {stage >= 2 && (
          <p className="trainer-derivation__legend">
            <span className="trainer-new-mark">new</span> added by the procedure (WHO)
            {stage === 3 && (
              <>
                {' '}
                · <span className="trainer-new-mark trainer-new-mark--how">new</span> added by the work
                instructions (HOW)
              </>
            )}
          </p>
        )}
      </header>
      {steps.length === 0 ? (
        <p>This procedure has no live steps.</p>
      ) : (
        <div className="trainer-board-scroll">
          <div
            className="trainer-board"
            style={{ width: layout.width, height: layout.height }}
            data-testid="trainer-board"
          >
            {layout.groups.map((group) => (
              <div
                key={group.key}
                className="trainer-group"
                style={
                  {
                    left: group.x,
                    width: group.width,
                    '--strong': PROCESS_COLOURS[group.processKey].strong,
                  } as CSSProperties
                }
                data-testid="trainer-process-group"
              >
                {group.processName}
              </div>
            ))}
            {layout.lanes.map((lane) => (
              <div
                key={lane.key}
                className={lane.roleId ? 'trainer-lane' : 'trainer-lane trainer-lane--unassigned'}
                style={{ top: lane.y, height: lane.height, width: layout.width }}
                data-testid="trainer-lane"
                role="group"
                aria-label={`Lane: ${lane.title}`}
              >
                <span className="trainer-lane__title">
                  {lane.title}
                  {lane.roleId && <span className="trainer-new-mark">new</span>}
                </span>
              </div>
            ))}
            {layout.cards.map((card) => (
              <StepCardView key={card.key} card={card} stage={stage} />
            ))}
          </div>
        </div>
      )}
    </section>
  );
}

function StepCardView({ card, stage }: { card: CardPlace; stage: Stage }) {
  const { step } = card;
  const colours = PROCESS_COLOURS[step.processKey];
  const style = {
    transform: `translate(${card.x}px, ${card.y}px)`,
    width: card.width,
    height: card.height,
    '--strong': colours.strong,
    '--tint': colours.tint,
  } as CSSProperties;
  return (
    <article
      className={card.copy ? 'trainer-card trainer-card--copy' : 'trainer-card'}
      style={style}
      aria-label={`Step ${step.position}: ${step.name}`}
      data-testid="trainer-card"
    >
      <p className="trainer-card__name">
        <span className="trainer-card__position">{step.position}</span> {step.name}
      </p>
      {stage === 1 && step.description && <p className="trainer-card__description">{step.description}</p>}
      {stage >= 2 && <Letters step={step} laneRoleId={card.laneRoleId} />}
      {stage === 3 && <How step={step} laneRoleId={card.laneRoleId} />}
    </article>
  );
}

function Letters({ step, laneRoleId }: { step: DerivationStep; laneRoleId: string | null }) {
  const letters = lettersOn(step);
  if (letters.length === 0) return <p className="trainer-card__gap">No roles yet</p>;
  return (
    <ul
      className="trainer-letters trainer-fade-in"
      aria-label="Roles and letters (new)"
      data-testid="trainer-letters"
    >
      {letters.map((held) => (
        <li
          key={held.roleId}
          className={held.roleId === laneRoleId ? 'trainer-letter is-lane' : 'trainer-letter'}
        >
          <strong>{held.code}</strong> {held.roleName}
        </li>
      ))}
    </ul>
  );
}

function How({ step, laneRoleId }: { step: DerivationStep; laneRoleId: string | null }) {
  const { how, instruction, snippet } = howIn(step, laneRoleId);
  if (!laneRoleId || how.whoFirst) {
    return <p className="trainer-card__gap trainer-fade-in">WHO first: no one is Responsible yet.</p>;
  }
  if (!instruction) {
    return <p className="trainer-card__gap trainer-fade-in">No work instruction yet.</p>;
  }
  return (
    <div className="trainer-how trainer-fade-in" data-testid="trainer-how">
      {instruction.tools.length > 0 ? (
        <ul className="trainer-tools" aria-label="Tools (new)">
          {instruction.tools.map((tool) => (
            <li key={tool.id} className="trainer-tool">
              {tool.name}
            </li>
          ))}
        </ul>
      ) : (
        <p className="trainer-card__gap">No tool yet</p>
      )}
      <p className="trainer-snippet">{snippet || <span className="muted">No instruction text yet.</span>}</p>
    </div>
  );
}

/** The live steps, in the shape the derivation layout works on. */
function derivationSteps(procedure: TrainerProcedure): DerivationStep[] {
  return procedure.steps
    .filter((step) => !step.obsolete)
    .map((step) => ({
      id: step.id,
      position: step.position,
      depth: step.depth,
      name: step.derivedName,
      description: step.activity.description,
      processKey: step.process.key,
      processName: step.process.name,
      responsibilities: step.responsibilities.map((held) => ({
        roleId: held.role.id,
        roleName: held.role.name,
        raci: held.raci,
      })),
      instructions: step.workInstructions,
    }));
}
