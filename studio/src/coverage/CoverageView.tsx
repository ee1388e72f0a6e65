import { useState } from 'react';
import { useQuery } from 'urql';
import { useEditor } from '../canvas/editor-context';
import {
  coveredPercent,
  FRAMEWORK_LABELS,
  FRAMEWORKS,
  filterLines,
  groupLines,
} from '../core/coverage/coverage';
import type { Framework } from '../core/coverage/gateway';
import { CoverageReportQuery } from '../data/coverage-operations';
import { errorMessage } from '../data/errors';
import { useRereadOnRevision } from '../trainer/use-reread';
import { ErrorState, LoadingState } from '../ui/states';
import { AddMappingForm } from './AddMappingForm';
import { CoverageGroup } from './CoverageGroup';
import './coverage.css';

/**
 * "Coverage": how the organisation's activities and workflows cover the ITIL 4 practices or the
 * ISO/IEC 20000-1 clauses, by the mappings its users made (user data, not USM content).
 */
export function CoverageView({ organisationId }: { organisationId: string }) {
  const editable = useEditor((state) => state.editable);
  const [framework, setFramework] = useState<Framework>('ITIL4');
  const [onlyUncovered, setOnlyUncovered] = useState(false);
  const [{ data, fetching, error }, reread] = useQuery({
    query: CoverageReportQuery,
    variables: { id: organisationId, framework },
  });
  useRereadOnRevision(reread);
  const organisation = data?.organisation;
  const report = organisation?.coverage.framework === framework ? organisation.coverage : null;

  return (
    <div className="coverage">
      <header className="coverage__intro">
        <h1>Coverage</h1>
        <p className="coverage-note" role="note">
          <strong>Mappings are your organisation’s own statements, not official USM content.</strong>{' '}
          {report?.note ??
            'USM publishes no mapping to ITIL 4 or ISO/IEC 20000-1: each mapping here records what someone in this organisation claims, with its source or rationale.'}
        </p>
      </header>
      <fieldset className="coverage-frameworks">
        <legend className="field__label">Framework</legend>
        {FRAMEWORKS.map((choice) => (
          <label key={choice} className={framework === choice ? 'coverage-tab is-on' : 'coverage-tab'}>
            <input
              type="radio"
              name="coverage-framework"
              value={choice}
              checked={framework === choice}
              onChange={() => setFramework(choice)}
            />
            {FRAMEWORK_LABELS[choice]}
          </label>
        ))}
      </fieldset>
      {!report && fetching && <LoadingState label="Loading the coverage report…" />}
      {!report && error && (
        <ErrorState
          title="The coverage report could not be loaded"
          message={errorMessage(error)}
          onRetry={() => reread({ requestPolicy: 'network-only' })}
        />
      )}
      {report && organisation && (
        <>
          <p className="coverage-summary" data-testid="coverage-summary">
            <strong>
              {report.coveredCount} of {report.totalCount}
            </strong>{' '}
            {framework === 'ITIL4' ? 'practices' : 'clauses'} covered (
            {coveredPercent(report.coveredCount, report.totalCount)}%)
          </p>
          {editable && (
            <AddMappingForm
              organisationId={organisationId}
              framework={framework}
              lines={report.lines}
              workflows={organisation.workflows}
            />
          )}
          <label className="checkbox coverage-filter">
            <input
              type="checkbox"
              checked={onlyUncovered}
              onChange={(event) => setOnlyUncovered(event.target.checked)}
            />
            Only items not covered
          </label>
          {groupLines(framework, filterLines(report.lines, onlyUncovered)).map((group) => (
            <CoverageGroup
              key={group.title}
              group={group}
              framework={framework}
              organisationId={organisationId}
            />
          ))}
        </>
      )}
    </div>
  );
}
