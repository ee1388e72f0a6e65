import { useEffect, useMemo, useState } from 'react';
import { useQuery } from 'urql';
import { followLink, navigate, organisationPath } from '../app/router';
import { isProcedure, pageMatrix, pageSteps } from '../core/procedures/page';
import { movedProcedures } from '../core/procedures/moved-ids';
import { errorMessage } from '../data/errors';
import { ProcProcedurePageQuery } from '../data/procedure-operations';
import { ErrorState, LoadingState } from '../ui/states';
import { CompletenessFigures } from './CompletenessFigures';
import { useRereadOnChange } from './hooks';
import { ObsoleteSteps } from './ObsoleteSteps';
import { OutOfDateBanner } from './OutOfDateBanner';
import { ProcedureHeading } from './ProcedureHeading';
import { RaciMatrixEditor } from './RaciMatrixEditor';
import { Swimlanes } from './Swimlanes';
import './procedures.css';
import './procedure-grids.css';

type Presentation = 'swimlanes' | 'matrix';

/** One procedure: WHO does each step, as swimlanes or as an editable RACI matrix. */
export function ProcedureView({
  organisationId,
  procedureId,
}: {
  organisationId: string;
  procedureId: string;
}) {
  const [presentation, setPresentation] = useState<Presentation>('swimlanes');
  // Edits that are not commands (re-derive, remove an obsolete step) ask for a re-read through this.
  const [bump, setBump] = useState(0);
  const [{ data, fetching, error }, reexecute] = useQuery({
    query: ProcProcedurePageQuery,
    variables: { id: procedureId, organisationId },
    requestPolicy: 'cache-and-network',
  });
  useRereadOnChange(reexecute, bump);
  const procedure = isProcedure(data?.node) ? data.node : null;
  const movedTo = movedProcedures.resolve(procedureId);
  const steps = useMemo(() => (procedure ? pageSteps(procedure) : []), [procedure]);
  const matrix = useMemo(() => (procedure ? pageMatrix(procedure) : null), [procedure]);

  useEffect(() => {
    // A redo derived this procedure again under a new id: follow it.
    if (data && !procedure && movedTo !== procedureId) {
      navigate(organisationPath(organisationId, { name: 'procedure', procedureId: movedTo }), {
        replace: true,
      });
    }
  }, [data, procedure, movedTo, procedureId, organisationId]);

  if (!data && fetching) return <LoadingState label="Loading the procedure…" />;
  if (!data) {
    return (
      <ErrorState
        title="The procedure could not be loaded"
        message={error ? errorMessage(error) : 'Unknown error.'}
        onRetry={() => reexecute({ requestPolicy: 'network-only' })}
      />
    );
  }
  if (!procedure) {
    return (
      <div className="proc-page">
        <ErrorState
          title="Procedure not found"
          message="It does not exist (any more): it may have been deleted, or its derivation undone."
        />
        <p className="proc-center">
          <a href={organisationPath(organisationId, { name: 'procedures' })} onClick={followLink}>
            Back to all procedures
          </a>
        </p>
      </div>
    );
  }

  const roles = data.organisation?.roles ?? [];
  return (
    <div className="proc-page">
      <ProcedureHeading organisationId={organisationId} procedure={procedure} />
      <CompletenessFigures completeness={procedure.completeness} label="Completeness of this procedure" />
      {procedure.outOfDate && (
        <OutOfDateBanner
          procedureId={procedure.id}
          reasons={procedure.outOfDateReasons}
          onChanged={() => setBump((value) => value + 1)}
        />
      )}
      <ObsoleteSteps steps={steps} onChanged={() => setBump((value) => value + 1)} />
      <fieldset className="segmented proc-switch">
        <legend className="visually-hidden">Presentation</legend>
        {(
          [
            ['swimlanes', 'Swimlanes'],
            ['matrix', 'RACI matrix'],
          ] as const
        ).map(([value, label]) => (
          <label
            key={value}
            className={presentation === value ? 'segmented__option is-on' : 'segmented__option'}
          >
            <input
              type="radio"
              name="proc-presentation"
              value={value}
              checked={presentation === value}
              onChange={() => setPresentation(value)}
            />
            {label}
          </label>
        ))}
      </fieldset>
      {presentation === 'swimlanes' ? (
        <Swimlanes steps={steps} />
      ) : (
        <RaciMatrixEditor procedureId={procedure.id} steps={steps} matrix={matrix!} roles={roles} />
      )}
    </div>
  );
}
