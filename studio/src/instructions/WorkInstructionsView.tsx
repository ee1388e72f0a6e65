import { useEffect, useMemo } from 'react';
import { useClient, useQuery } from 'urql';
import { useEditor } from '../canvas/editor-context';
import { howSummary, procedureHow } from '../core/instructions/gaps';
import { errorMessage } from '../data/errors';
import { createInstructionGateway } from '../data/instruction-gateway';
import { WiProcedureInstructionsQuery } from '../data/instruction-operations';
import { ErrorState, LoadingState } from '../ui/states';
import { InstructionsHeader } from './InstructionsHeader';
import { StepSection } from './StepSection';
import './instructions.css';

/**
 * The work instructions of one procedure (HOW): per step and Responsible role, the tools used and a
 * Markdown text, with the gaps that keep the procedure from being complete.
 */
export function WorkInstructionsView({
  organisationId,
  procedureId,
}: {
  organisationId: string;
  procedureId: string;
}) {
  const client = useClient();
  const gateway = useMemo(() => createInstructionGateway(client), [client]);
  const revision = useEditor((state) => state.revision);
  const editable = useEditor((state) => state.editable);
  const [{ data, fetching, error }, reexecute] = useQuery({
    query: WiProcedureInstructionsQuery,
    variables: { procedureId, organisationId },
    requestPolicy: 'cache-and-network',
  });

  // Every command, undo and redo (in any view) may have changed what this view shows: read again.
  useEffect(() => {
    if (revision > 0) reexecute({ requestPolicy: 'network-only' });
  }, [revision, reexecute]);

  const procedure = data?.node?.__typename === 'Procedure' ? data.node : null;
  const steps = useMemo(() => (procedure ? procedureHow(procedure.steps) : []), [procedure]);

  if (!data && fetching) return <LoadingState label="Loading the work instructions…" />;
  if (!data && error) {
    return (
      <ErrorState
        title="The work instructions could not be loaded"
        message={errorMessage(error)}
        onRetry={() => reexecute({ requestPolicy: 'network-only' })}
      />
    );
  }
  if (!procedure || !data?.organisation) {
    return (
      <ErrorState
        title="Procedure not found"
        message="It does not exist any more, or it belongs to another organisation."
      />
    );
  }

  const tools = data.organisation.tools;
  return (
    <div className="wi-view">
      <InstructionsHeader
        organisationId={organisationId}
        procedure={procedure}
        organisationCompleteness={data.organisation.completeness}
        summary={howSummary(steps)}
        steps={steps}
        tools={tools}
        gateway={gateway}
        editable={editable}
      />
      {steps.length === 0 ? (
        <p className="empty">This procedure has no steps: its source has no activities.</p>
      ) : (
        <ol className="wi-steps" aria-label="Steps">
          {steps.map((how) => (
            <StepSection
              key={how.step.id}
              how={how}
              organisationId={organisationId}
              procedureId={procedureId}
              tools={tools}
              gateway={gateway}
              editable={editable}
            />
          ))}
        </ol>
      )}
    </div>
  );
}
