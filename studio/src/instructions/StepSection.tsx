import { useId, type CSSProperties } from 'react';
import { followLink, organisationPath } from '../app/router';
import { PROCESS_COLOURS } from '../canvas/colours';
import type { StepHow } from '../core/instructions/gaps';
import type { InstructionGateway } from '../core/instructions/gateway';
import { GapBadges } from './GapBadges';
import { InstructionEditor } from './InstructionEditor';
import type { ToolOption } from './types';

/** One procedure step: its process (colour) and fork depth, its HOW gaps and its work instructions. */
export function StepSection({
  how,
  organisationId,
  procedureId,
  tools,
  gateway,
  editable,
}: {
  how: StepHow;
  organisationId: string;
  procedureId: string;
  tools: readonly ToolOption[];
  gateway: InstructionGateway;
  editable: boolean;
}) {
  const headingId = useId();
  const { step, whoFirst, missingRoles, instructions, gaps, complete } = how;
  const colours = PROCESS_COLOURS[step.process.key];
  const style = {
    '--wi-strong': colours.strong,
    '--wi-tint': colours.tint,
    '--wi-border': colours.border,
    '--wi-depth': step.depth,
  } as CSSProperties;
  const stepName = step.derivedName;

  return (
    <li
      className={`wi-step${step.obsolete ? ' wi-step--obsolete' : ''}`}
      style={style}
      data-testid={`wi-step-${step.position}`}
    >
      <section aria-labelledby={headingId}>
        <header className="wi-step__header">
          <span className="wi-step__process">
            {step.process.name}
            {step.depth > 0 && <span className="wi-step__depth"> · fork depth {step.depth}</span>}
          </span>
          <h2 id={headingId} className="wi-step__title">
            {step.position}. {stepName}
          </h2>
          <span className="wi-step__badges">
            {step.obsolete && <span className="badge wi-badge wi-badge--obsolete">Obsolete step</span>}
            {complete && <span className="badge wi-badge wi-badge--done">HOW complete</span>}
            {whoFirst && <span className="badge wi-badge wi-badge--who">WHO first</span>}
            {missingRoles.length > 0 && <span className="badge wi-badge wi-badge--gap">Not derived</span>}
            <GapBadges gaps={gaps} />
          </span>
        </header>
        {whoFirst && (
          <p className="wi-step__note">
            No Responsible role yet: WHO comes before HOW.{' '}
            <a
              href={organisationPath(organisationId, { name: 'procedure', procedureId })}
              onClick={followLink}
            >
              Assign roles on the procedure
            </a>
          </p>
        )}
        {missingRoles.length > 0 && (
          <p className="wi-step__note">
            No work instruction yet for {missingRoles.map((role) => role.name).join(', ')}
            {editable ? ': use “Derive work instructions”.' : '.'}
          </p>
        )}
        {instructions.length > 0 && (
          <ul className="wi-instructions">
            {instructions.map(({ instruction, gaps: own }) => (
              <InstructionEditor
                key={instruction.id}
                instruction={instruction}
                gaps={own}
                stepName={stepName}
                tools={tools}
                gateway={gateway}
                editable={editable && !instruction.obsolete}
              />
            ))}
          </ul>
        )}
      </section>
    </li>
  );
}
