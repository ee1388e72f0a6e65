import { useEffect, useId, useState } from 'react';
import { useEditor, useEditorStore } from '../canvas/editor-context';
import { AssignResponsibility } from '../core/procedures/commands';
import { matrixColumns, matrixRows, rolesToAdd, type MatrixColumn } from '../core/procedures/matrix';
import type { PageMatrix, PageRole, PageStep } from '../core/procedures/page';
import { parseRaciCode, raciCode, RACI_LETTERS, RACI_NAMES } from '../core/procedures/raci';
import { AssignRoleToProcessForm } from './AssignRoleToProcessForm';
import { useProcedureGateway } from './hooks';
import { RaciCellSelect } from './RaciCellSelect';
import { ProcessChip, StepBadges } from './StepBadges';

/** Steps × roles: each cell edits one role's letters on one step (a command each; undo restores the cell). */
export function RaciMatrixEditor({
  procedureId,
  steps,
  matrix,
  roles,
}: {
  procedureId: string;
  steps: readonly PageStep[];
  matrix: PageMatrix;
  roles: readonly PageRole[];
}) {
  const store = useEditorStore();
  const gateway = useProcedureGateway();
  const editable = useEditor((state) => state.editable);
  const [added, setAdded] = useState<string[]>([]);
  // What the user chose, shown until the re-read brings the saved letters (or the edit failed).
  const [chosen, setChosen] = useState<Record<string, string>>({});
  useEffect(() => setChosen({}), [matrix]);

  const columns = matrixColumns(matrix, added, roles);
  const rows = matrixRows(steps, matrix, columns);

  async function change(step: PageStep, column: MatrixColumn, code: string) {
    const key = `${step.id}/${column.roleId}`;
    setChosen((current) => ({ ...current, [key]: code }));
    const target = { stepId: step.id, stepName: step.name, roleId: column.roleId, roleName: column.roleName };
    const saved = await store.getState().run(new AssignResponsibility(gateway, target, parseRaciCode(code)));
    if (!saved) {
      setChosen((current) => {
        const { [key]: _dropped, ...rest } = current;
        return rest;
      });
    }
  }

  return (
    <div className="proc-matrix">
      <p className="proc-legend muted small">
        {RACI_LETTERS.map((letter) => (
          <span key={letter}>
            <strong>{letter}</strong> {RACI_NAMES[letter]}
          </span>
        ))}
        <span>Each step needs exactly one A and at least one R.</span>
      </p>
      {editable && (
        <div className="proc-matrix__tools">
          <AddRoleColumn roles={rolesToAdd(columns, roles)} onAdd={(id) => setAdded((ids) => [...ids, id])} />
          <AssignRoleToProcessForm procedureId={procedureId} steps={steps} roles={roles} />
        </div>
      )}
      <div className="proc-matrix__scroll" role="region" aria-label="RACI matrix" tabIndex={0}>
        <table className="proc-matrix__table">
          <thead>
            <tr>
              <th scope="col">Step</th>
              {columns.map((column) => (
                <th key={column.roleId} scope="col" className={column.added ? 'is-added' : undefined}>
                  {column.roleName}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.step.id} className={row.step.obsolete ? 'is-obsolete' : undefined}>
                <th scope="row">
                  <span className="proc-matrix__step">
                    {row.step.position}. {row.step.name}
                  </span>
                  <span className="proc-matrix__badges">
                    <ProcessChip step={row.step} />
                    <StepBadges step={row.step} gap={row.gap} />
                  </span>
                </th>
                {row.cells.map((cell, index) => {
                  const code = chosen[`${row.step.id}/${cell.roleId}`] ?? raciCode(cell.raci);
                  return (
                    <td key={cell.roleId}>
                      {editable ? (
                        <RaciCellSelect
                          label={`Responsibility of ${cell.roleName} for ${row.step.name}`}
                          value={code}
                          onChange={(next) => void change(row.step, columns[index]!, next)}
                        />
                      ) : (
                        <span aria-label={`Responsibility of ${cell.roleName} for ${row.step.name}`}>
                          {code || '—'}
                        </span>
                      )}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
        {columns.length === 0 && (
          <p className="empty">No role holds a letter yet. {editable ? 'Add a role column to start.' : ''}</p>
        )}
      </div>
    </div>
  );
}

function AddRoleColumn({ roles, onAdd }: { roles: readonly PageRole[]; onAdd: (roleId: string) => void }) {
  const id = useId();
  const [roleId, setRoleId] = useState('');
  return (
    <form
      className="proc-inline-form"
      onSubmit={(event) => {
        event.preventDefault();
        if (!roleId) return;
        onAdd(roleId);
        setRoleId('');
      }}
    >
      <div className="field">
        <label className="field__label" htmlFor={id}>
          Add a role column
        </label>
        <select id={id} className="input" value={roleId} onChange={(event) => setRoleId(event.target.value)}>
          <option value="">{roles.length ? 'Choose a role…' : 'Every role is a column'}</option>
          {roles.map((role) => (
            <option key={role.id} value={role.id}>
              {role.name}
            </option>
          ))}
        </select>
      </div>
      <button type="submit" className="button" disabled={!roleId}>
        Add column
      </button>
    </form>
  );
}
