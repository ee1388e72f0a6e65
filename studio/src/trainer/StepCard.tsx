import type { CSSProperties } from 'react';
import { PROCESS_COLOURS } from '../canvas/colours';
import {
  describeTransition,
  forkLabel,
  type SpawnNote,
  type StepTransition,
  type WalkStep,
} from '../core/trainer/workflow-walk';

/**
 * What the class reads at one step: where the walk stands, the activity and what it is about, what its
 * process is for, how the flow got here (a call going out, a return to the caller), what comes next, and
 * the spawns that leave this activity as side notes.
 */
export function StepCard({
  step,
  total,
  workflowLabel,
  into,
  after,
  spawns,
}: {
  step: WalkStep;
  total: number;
  workflowLabel: string;
  into: StepTransition | null;
  after: StepTransition | null;
  spawns: readonly SpawnNote[];
}) {
  const colours = PROCESS_COLOURS[step.process.key];
  const arrived = describeTransition(into);
  return (
    <section
      className="trainer-step"
      aria-label="Current step"
      style={{ '--strong': colours.strong, '--tint': colours.tint } as CSSProperties}
    >
      <p className="trainer-step__where">
        {workflowLabel} · Step <span data-testid="trainer-step-position">{step.position}</span> of{' '}
        <span data-testid="trainer-step-total">{total}</span>
      </p>
      {arrived && (
        <p
          key={step.position}
          className={
            into?.fork
              ? 'trainer-transition trainer-transition--fork'
              : 'trainer-transition trainer-transition--return'
          }
          data-testid="trainer-transition"
        >
          <span aria-hidden="true">{into?.fork ? '↘ ' : '↖ '}</span>
          {arrived}
        </p>
      )}
      <p className="trainer-step__process">
        <span className="trainer-step__process-name">{step.process.name}</span>
        <span className="badge">{step.depth > 0 ? `Fork depth ${step.depth}` : 'Initiating process'}</span>
      </p>
      <h2 className="trainer-step__activity" data-testid="trainer-step-activity" aria-live="polite">
        {step.activity.name}
      </h2>
      <p className="trainer-step__description">
        {step.activity.description || 'The reference model says nothing more about this activity.'}
      </p>
      <h3 className="trainer-step__label">What {step.process.name} is for</h3>
      <p className="trainer-step__purpose">{step.process.purpose}</p>
      {spawns.length > 0 && (
        <ul className="trainer-spawns" aria-label="Side notes: spawns">
          {spawns.map((spawn) => (
            <li key={spawn.handoverId} className="trainer-spawn" data-testid="trainer-spawn">
              <span aria-hidden="true">⤳ </span>
              {spawn.text}
            </li>
          ))}
        </ul>
      )}
      <p className="trainer-step__next" data-testid="trainer-next">
        {nextText(step, total, after)}
      </p>
    </section>
  );
}

function nextText(step: WalkStep, total: number, after: StepTransition | null): string {
  if (step.position >= total) return 'This is the last step: the workflow is complete.';
  if (after?.fork && after.completed.length === 0)
    return `Next: the call goes out — ${forkLabel(after.fork)}.`;
  if (after?.returnTo) return `Next: ${describeTransition(after)}.`;
  if (after?.fork) return `Next: ${describeTransition(after)}.`;
  return `Next: the next step of ${step.process.name}.`;
}
