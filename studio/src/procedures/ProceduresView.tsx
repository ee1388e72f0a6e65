import { useQuery } from 'urql';
import { followLink, organisationPath } from '../app/router';
import { useEditor } from '../canvas/editor-context';
import { sourceLabel } from '../core/procedures/page';
import { errorMessage } from '../data/errors';
import { ProcProceduresPageQuery } from '../data/procedure-operations';
import type { ProcProceduresPageQuery as PageData } from '../gql/graphql';
import { ErrorState, LoadingState } from '../ui/states';
import { CompletenessFigures } from './CompletenessFigures';
import { DeriveProcedureForm } from './DeriveProcedureForm';
import { useRereadOnChange } from './hooks';
import './procedures.css';

type ListedProcedure = NonNullable<PageData['organisation']>['procedures'][number];

/** The organisation's procedures, its completeness, and deriving a new one. */
export function ProceduresView({ organisationId }: { organisationId: string }) {
  const editable = useEditor((state) => state.editable);
  const [{ data, fetching, error }, reexecute] = useQuery({
    query: ProcProceduresPageQuery,
    variables: { id: organisationId },
    requestPolicy: 'cache-and-network',
  });
  useRereadOnChange(reexecute);
  const organisation = data?.organisation;

  if (!organisation && fetching) return <LoadingState label="Loading the procedures…" />;
  if (!organisation) {
    return (
      <ErrorState
        title="The procedures could not be loaded"
        message={error ? errorMessage(error) : 'The organisation was not found.'}
        onRetry={() => reexecute({ requestPolicy: 'network-only' })}
      />
    );
  }
  return (
    <div className="proc-page">
      <div className="proc-page__intro">
        <h2>Procedures</h2>
        <p className="muted">
          WHO does each step: procedures are derived from a process or a workflow and give every step its
          roles (RACI).
        </p>
        <CompletenessFigures
          completeness={organisation.completeness}
          label="Completeness of all procedures"
        />
      </div>
      <div className="proc-page__columns">
        <section className="panel" aria-labelledby="proc-list-heading">
          <h2 id="proc-list-heading" className="panel__title">
            All procedures<span className="count">{organisation.procedures.length}</span>
          </h2>
          {organisation.procedures.length === 0 ? (
            <p className="empty">
              No procedures yet.{' '}
              {editable ? 'Derive one from a process or a workflow.' : 'An architect can derive them.'}
            </p>
          ) : (
            <ProcedureTable organisationId={organisationId} procedures={organisation.procedures} />
          )}
        </section>
        {editable && (
          <DeriveProcedureForm
            organisationId={organisationId}
            processes={organisation.processes}
            workflows={organisation.workflows}
          />
        )}
      </div>
    </div>
  );
}

function ProcedureTable({
  organisationId,
  procedures,
}: {
  organisationId: string;
  procedures: readonly ListedProcedure[];
}) {
  return (
    <table className="proc-table" aria-labelledby="proc-list-heading">
      <thead>
        <tr>
          <th scope="col">Name</th>
          <th scope="col">Source</th>
          <th scope="col">Steps</th>
          <th scope="col">WHO complete</th>
          <th scope="col">Status</th>
        </tr>
      </thead>
      <tbody>
        {procedures.map((procedure) => {
          const { liveSteps, whoGaps } = procedure.completeness;
          const obsolete = procedure.steps.filter((step) => step.obsolete).length;
          return (
            <tr key={procedure.id} data-testid="proc-row">
              <th scope="row">
                <a
                  href={organisationPath(organisationId, { name: 'procedure', procedureId: procedure.id })}
                  onClick={followLink}
                >
                  {procedure.name}
                </a>
              </th>
              <td>{sourceLabel(procedure)}</td>
              <td>
                {procedure.steps.length}
                {obsolete > 0 && <span className="muted small"> ({obsolete} obsolete)</span>}
              </td>
              <td>
                {liveSteps - whoGaps} of {liveSteps}
              </td>
              <td>
                {procedure.outOfDate ? (
                  <span className="badge proc-badge--stale">Out of date</span>
                ) : (
                  <span className="muted small">Up to date</span>
                )}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
