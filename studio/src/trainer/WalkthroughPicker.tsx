import { useId } from 'react';
import { navigate, organisationPath } from '../app/router';

/** Switches between walkthroughs: the workflow (1–8) or the procedure, by its select. */
export function WorkflowPicker({
  organisationId,
  workflows,
  current,
}: {
  organisationId: string;
  workflows: readonly { number: number; name: string; steps: readonly unknown[] }[];
  current: number;
}) {
  const id = useId();
  return (
    <span className="trainer-field">
      <label htmlFor={id}>Workflow</label>
      <select
        id={id}
        value={current}
        onChange={(event) =>
          navigate(
            `${organisationPath(organisationId, { name: 'workflow-walkthrough', number: Number(event.target.value) })}?step=1`,
          )
        }
      >
        {workflows.map((workflow) => (
          <option key={workflow.number} value={workflow.number}>
            {workflow.number}. {workflow.name} ({workflow.steps.length} steps)
          </option>
        ))}
      </select>
    </span>
  );
}

export function ProcedurePicker({
  organisationId,
  procedures,
  current,
}: {
  organisationId: string;
  procedures: readonly { id: string; name: string }[];
  current: string;
}) {
  const id = useId();
  return (
    <span className="trainer-field">
      <label htmlFor={id}>Procedure</label>
      <select
        id={id}
        value={current}
        onChange={(event) =>
          navigate(
            `${organisationPath(organisationId, { name: 'derivation-walkthrough', procedureId: event.target.value })}?stage=1`,
          )
        }
      >
        {procedures.map((procedure) => (
          <option key={procedure.id} value={procedure.id}>
            {procedure.name}
          </option>
        ))}
      </select>
    </span>
  );
}
