import { useId, useState, type FormEvent } from 'react';
import { useEditorStore } from '../canvas/editor-context';
import { AssignRoleToProcess } from '../core/procedures/commands';
import { processesOfSteps } from '../core/procedures/matrix';
import type { PageRole, PageStep } from '../core/procedures/page';
import { parseRaciCode, RACI_CHOICES, raciCode } from '../core/procedures/raci';
import type { ProcessKey } from '../core/usm';
import { useProcedureGateway } from './hooks';

/** "This role does everything in this process": one role, the same letters on every live step of it. */
export function AssignRoleToProcessForm({
  procedureId,
  steps,
  roles,
}: {
  procedureId: string;
  steps: readonly PageStep[];
  roles: readonly PageRole[];
}) {
  const id = useId();
  const store = useEditorStore();
  const gateway = useProcedureGateway();
  const processes = processesOfSteps(steps);
  const [roleId, setRoleId] = useState('');
  const [processKey, setProcessKey] = useState<ProcessKey | ''>('');
  const [code, setCode] = useState('R');
  const process = processes.find((candidate) => candidate.key === processKey) ?? processes[0];
  const role = roles.find((candidate) => candidate.id === roleId);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!role || !process) return;
    const target = { procedureId, roleId: role.id, roleName: role.name, processKey: process.key };
    await store.getState().run(new AssignRoleToProcess(gateway, target, parseRaciCode(code)));
  }

  if (processes.length === 0) return null;
  return (
    <form className="proc-inline-form" onSubmit={submit} aria-label="Assign a role to a whole process">
      <div className="field">
        <label className="field__label" htmlFor={`${id}-role`}>
          Role
        </label>
        <select
          id={`${id}-role`}
          className="input"
          value={roleId}
          onChange={(event) => setRoleId(event.target.value)}
        >
          <option value="">Choose a role…</option>
          {roles.map((candidate) => (
            <option key={candidate.id} value={candidate.id}>
              {candidate.name}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label className="field__label" htmlFor={`${id}-letters`}>
          Letters
        </label>
        <select
          id={`${id}-letters`}
          className="input"
          value={code}
          onChange={(event) => setCode(event.target.value)}
        >
          {RACI_CHOICES.map((letters) => (
            <option key={raciCode(letters)} value={raciCode(letters)}>
              {raciCode(letters) || '— (take the role off)'}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label className="field__label" htmlFor={`${id}-process`}>
          On every step of
        </label>
        <select
          id={`${id}-process`}
          className="input"
          value={process?.key ?? ''}
          onChange={(event) => setProcessKey(event.target.value as ProcessKey)}
        >
          {processes.map((candidate) => (
            <option key={candidate.key} value={candidate.key}>
              {candidate.name}
            </option>
          ))}
        </select>
      </div>
      <button type="submit" className="button" disabled={!role}>
        Assign to every step
      </button>
    </form>
  );
}
