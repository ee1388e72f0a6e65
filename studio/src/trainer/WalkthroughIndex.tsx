import { useQuery } from 'urql';
import { followLink, organisationPath } from '../app/router';
import { sourceLabel } from '../core/procedures/page';
import { CALL_TYPE_LABELS } from '../core/usm';
import { errorMessage } from '../data/errors';
import { TrainerProceduresQuery, TrainerWorkflowsQuery } from '../data/trainer-operations';
import { ErrorState, LoadingState } from '../ui/states';
import { useRereadOnRevision } from './use-reread';
import './trainer.css';

/** Where a trainer starts: walk one of the eight workflows, or show how a procedure is derived. */
export function WalkthroughIndex({ organisationId }: { organisationId: string }) {
  const [workflows, rereadWorkflows] = useQuery({
    query: TrainerWorkflowsQuery,
    variables: { id: organisationId },
  });
  const [procedures, rereadProcedures] = useQuery({
    query: TrainerProceduresQuery,
    variables: { id: organisationId },
  });
  useRereadOnRevision(rereadWorkflows);
  useRereadOnRevision(rereadProcedures);
  const workflowList = workflows.data?.organisation?.workflows ?? [];
  const procedureList = procedures.data?.organisation?.procedures ?? [];

  return (
    <div className="trainer-index">
      <h1>Walkthroughs</h1>
      <p className="muted">
        Show a class how the work flows through the five processes, and how procedures and work instructions
        follow from the process model. Each walkthrough can be presented full screen and shared with the
        class.
      </p>
      <section aria-labelledby="trainer-index-workflows">
        <h2 id="trainer-index-workflows">Workflow walkthrough</h2>
        {workflows.fetching && !workflows.data && <LoadingState label="Loading the workflows…" />}
        {workflows.error && !workflows.data && (
          <ErrorState
            title="The workflows could not be loaded"
            message={errorMessage(workflows.error)}
            onRetry={() => rereadWorkflows({ requestPolicy: 'network-only' })}
          />
        )}
        <ul className="trainer-index__list">
          {workflowList.map((workflow) => (
            <li key={workflow.id}>
              <a
                href={organisationPath(organisationId, {
                  name: 'workflow-walkthrough',
                  number: workflow.number,
                })}
                onClick={followLink}
              >
                Workflow {workflow.number}: {workflow.name}
              </a>
              <span className="small muted">
                {' '}
                · {CALL_TYPE_LABELS[workflow.trigger]} to {workflow.startProcess.name} ·{' '}
                {workflow.steps.length} steps
              </span>
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="trainer-index-derivation">
        <h2 id="trainer-index-derivation">Derivation walkthrough</h2>
        {procedures.fetching && !procedures.data && <LoadingState label="Loading the procedures…" />}
        {procedures.error && !procedures.data && (
          <ErrorState
            title="The procedures could not be loaded"
            message={errorMessage(procedures.error)}
            onRetry={() => rereadProcedures({ requestPolicy: 'network-only' })}
          />
        )}
        {procedures.data && procedureList.length === 0 && (
          <p>
            This organisation has no procedure yet.{' '}
            <a href={organisationPath(organisationId, { name: 'procedures' })} onClick={followLink}>
              Derive one in the Procedures view
            </a>
            , then come back to walk through its derivation.
          </p>
        )}
        <ul className="trainer-index__list">
          {procedureList.map((procedure) => (
            <li key={procedure.id}>
              <a
                href={organisationPath(organisationId, {
                  name: 'derivation-walkthrough',
                  procedureId: procedure.id,
                })}
                onClick={followLink}
              >
                Derivation of {procedure.name}
              </a>
              <span className="small muted"> · {sourceLabel(procedure)}</span>
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
