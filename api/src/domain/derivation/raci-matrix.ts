import type { Raci } from './responsibilities';

/**
 * Steps × roles: the data behind the RACI matrix and the swimlanes. Columns are the roles that hold any
 * letter in the procedure, by name; every row has one cell per column, empty where the role has nothing
 * to do with the step.
 */
export interface MatrixRole {
  name: string;
}

export interface MatrixAssignment {
  stepId: string;
  roleId: string;
  raci: readonly Raci[];
}

export interface RaciMatrixData<Role extends MatrixRole> {
  roles: Role[];
  rows: { stepId: string; cells: { role: Role; raci: readonly Raci[] }[] }[];
}

export function raciMatrix<Role extends MatrixRole>(
  stepIds: readonly string[],
  assignments: readonly MatrixAssignment[],
  rolesById: ReadonlyMap<string, Role>,
): RaciMatrixData<Role> {
  // Roles are matched by their key in rolesById (the caller's ids), not by any id field of the role.
  const columns = [...new Set(assignments.map((assignment) => assignment.roleId))]
    .map((id) => ({ id, role: rolesById.get(id) }))
    .filter((column): column is { id: string; role: Role } => column.role !== undefined)
    .sort((a, b) => a.role.name.localeCompare(b.role.name));
  const letters = new Map(assignments.map((a) => [`${a.stepId}/${a.roleId}`, a.raci]));
  return {
    roles: columns.map((column) => column.role),
    rows: stepIds.map((stepId) => ({
      stepId,
      cells: columns.map((column) => ({
        role: column.role,
        raci: letters.get(`${stepId}/${column.id}`) ?? [],
      })),
    })),
  };
}
