import { PROCESS_COLOURS } from '../canvas/colours';
import { gapLabels, type WhoGap } from '../core/procedures/gaps';
import { depthLabel } from '../core/procedures/lanes';
import type { PageStep } from '../core/procedures/page';

/** The step's process, in its USM colour. */
export function ProcessChip({ step }: { step: PageStep }) {
  const colours = PROCESS_COLOURS[step.processKey];
  return (
    <span
      className="proc-process"
      style={{ color: colours.strong, background: colours.tint, borderColor: colours.border }}
    >
      {step.processName}
    </span>
  );
}

/** Fork depth, WHO gaps and obsolescence, as small badges. */
export function StepBadges({ step, gap }: { step: PageStep; gap: WhoGap | null }) {
  return (
    <>
      {step.depth > 0 && (
        <span className="proc-depth" title="Forks away from the initiating process">
          {'↳'.repeat(Math.min(step.depth, 3))} {depthLabel(step.depth)}
        </span>
      )}
      {step.obsolete && <span className="badge proc-badge--obsolete">Obsolete</span>}
      {gapLabels(gap).map((label) => (
        <span key={label} className="badge proc-badge--gap" data-testid="proc-who-gap">
          {label}
        </span>
      ))}
    </>
  );
}
