import { GAP_LABELS, type InstructionGap } from '../core/instructions/gaps';

/** "No tool" / "No instruction text": what keeps a step or an instruction from passing HOW. */
export function GapBadges({ gaps }: { gaps: readonly InstructionGap[] }) {
  return (
    <>
      {gaps.map((gap) => (
        <span key={gap} className={`badge wi-badge wi-badge--gap wi-badge--${gap}`}>
          {GAP_LABELS[gap]}
        </span>
      ))}
    </>
  );
}
