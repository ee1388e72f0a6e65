import type { CSSProperties } from 'react';
import { PROCESS_COLOURS } from '../canvas/colours';
import { swimlanes, UNASSIGNED_LANE, type LaneStep } from '../core/procedures/lanes';
import type { PageStep } from '../core/procedures/page';
import { RACI_NAMES } from '../core/procedures/raci';
import { ProcessChip, StepBadges } from './StepBadges';

/**
 * One lane per Responsible role, steps left to right in procedure order (a CSS grid: one column per
 * step), then the lane of steps no one is Responsible for yet.
 */
export function Swimlanes({ steps }: { steps: readonly PageStep[] }) {
  const { columns, lanes } = swimlanes(steps);
  if (columns === 0) return <p className="empty">This procedure has no steps.</p>;
  const grid: CSSProperties = {
    gridTemplateColumns: `minmax(9rem, 12rem) repeat(${columns}, 11.5rem)`,
  };
  return (
    <div className="proc-lanes-scroll" role="region" aria-label="Swimlanes" tabIndex={0}>
      <div className="proc-lanes" style={grid}>
        <div className="proc-lanes__corner" aria-hidden="true">
          Role \ step
        </div>
        {steps.map((step, index) => (
          <div
            key={step.id}
            className="proc-lanes__number"
            style={{ gridColumn: index + 2 }}
            aria-hidden="true"
          >
            {step.position}
          </div>
        ))}
        {lanes.map((lane, laneIndex) => (
          <section
            key={lane.key}
            className="proc-lane"
            aria-label={`Lane: ${lane.title}`}
            data-testid="proc-lane"
            data-lane={lane.key}
          >
            <h3
              className={lane.key === UNASSIGNED_LANE ? 'proc-lane__title is-unassigned' : 'proc-lane__title'}
              style={{ gridRow: laneIndex + 2 }}
            >
              {lane.title}
              <span className="count">{lane.steps.length}</span>
            </h3>
            {lane.steps.map((entry) => (
              <LaneCard key={entry.step.id} entry={entry} row={laneIndex + 2} />
            ))}
            {lane.steps.length === 0 && (
              <p className="proc-lane__empty muted small" style={{ gridRow: laneIndex + 2, gridColumn: 2 }}>
                Every step has a Responsible role.
              </p>
            )}
          </section>
        ))}
      </div>
    </div>
  );
}

function LaneCard({ entry, row }: { entry: LaneStep; row: number }) {
  const { step, chips, gap } = entry;
  const colours = PROCESS_COLOURS[step.processKey];
  const style: CSSProperties = {
    gridRow: row,
    gridColumn: entry.column + 1,
    borderTopColor: colours.strong,
    marginLeft: `${Math.min(step.depth, 3) * 0.35}rem`,
  };
  return (
    <article
      className={step.obsolete ? 'proc-card is-obsolete' : 'proc-card'}
      style={style}
      aria-label={`Step ${step.position}: ${step.name}`}
    >
      <p className="proc-card__top">
        <span className="proc-card__position">{step.position}</span>
        <ProcessChip step={step} />
      </p>
      <p className="proc-card__name">{step.name}</p>
      {chips.length > 0 && (
        <ul className="proc-chips" aria-label="Other roles">
          {chips.map((chip) => (
            <li
              key={`${chip.letter}/${chip.roleId}`}
              className={`proc-chip proc-chip--${chip.letter}`}
              title={`${RACI_NAMES[chip.letter]}: ${chip.roleName}`}
            >
              <abbr title={RACI_NAMES[chip.letter]}>{chip.letter}</abbr> {chip.roleName}
            </li>
          ))}
        </ul>
      )}
      <p className="proc-card__badges">
        <StepBadges step={step} gap={gap} />
      </p>
    </article>
  );
}
