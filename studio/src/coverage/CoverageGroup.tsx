import { useId } from 'react';
import { useEditor, useEditorStore } from '../canvas/editor-context';
import { UnmapCoverage } from '../core/coverage/commands';
import { targetLabel, type LineGroup, type ReportLine, type ReportMapping } from '../core/coverage/coverage';
import type { Framework } from '../core/coverage/gateway';
import { useCoverageGateway } from './hooks';

/** One group of practices or clauses: each item covered or not, with its mappings. */
export function CoverageGroup({
  group,
  framework,
  organisationId,
}: {
  group: LineGroup;
  framework: Framework;
  organisationId: string;
}) {
  const headingId = useId();
  return (
    <section className="coverage-group" aria-labelledby={headingId}>
      <h2 id={headingId} className="coverage-group__title">
        {group.title}
        <span className="count">
          {group.coveredCount} / {group.lines.length} covered
        </span>
      </h2>
      <ul className="coverage-lines">
        {group.lines.map((line) => (
          <CoverageLineItem
            key={line.item.key}
            line={line}
            framework={framework}
            organisationId={organisationId}
          />
        ))}
      </ul>
    </section>
  );
}

function CoverageLineItem({
  line,
  framework,
  organisationId,
}: {
  line: ReportLine;
  framework: Framework;
  organisationId: string;
}) {
  return (
    <li className={line.covered ? 'coverage-line is-covered' : 'coverage-line'} data-testid="coverage-line">
      <div className="coverage-line__head">
        <span className="coverage-line__key">{framework === 'ISO20000' ? line.item.key : null}</span>
        <span className="coverage-line__title">{line.item.title}</span>
        <span className={line.covered ? 'badge coverage-badge is-covered' : 'badge coverage-badge'}>
          {line.covered ? 'Covered' : 'Not covered'}
        </span>
      </div>
      {line.mappings.length > 0 && (
        <ul className="coverage-mappings" aria-label={`Mappings of ${line.item.title}`}>
          {line.mappings.map((mapping) => (
            <MappingItem key={mapping.id} mapping={mapping} line={line} organisationId={organisationId} />
          ))}
        </ul>
      )}
    </li>
  );
}

function MappingItem({
  mapping,
  line,
  organisationId,
}: {
  mapping: ReportMapping;
  line: ReportLine;
  organisationId: string;
}) {
  const store = useEditorStore();
  const gateway = useCoverageGateway();
  const editable = useEditor((state) => state.editable);
  const target = targetLabel(mapping);
  const targetName = mapping.activity
    ? `activity “${mapping.activity.name}”`
    : mapping.workflow
      ? `workflow ${mapping.workflow.number}`
      : 'nothing';
  return (
    <li className="coverage-mapping">
      <div>
        <span className="coverage-mapping__target">{target}</span>
        <p className="coverage-mapping__rationale">{mapping.rationale}</p>
      </div>
      {editable && (
        <button
          type="button"
          className="button button--small button--quiet"
          aria-label={`Remove the mapping of ${line.item.title} to ${target}`}
          onClick={() =>
            void store
              .getState()
              .run(new UnmapCoverage(gateway, organisationId, mapping.id, line.item, targetName))
          }
        >
          Remove
        </button>
      )}
    </li>
  );
}
