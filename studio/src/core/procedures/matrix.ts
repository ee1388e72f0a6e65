/**
 * The RACI matrix editor's grid: one row per step, one column per role. The columns are the roles the API
 * lists (those holding any letter, by name), then the roles the user added to fill in, in that order.
 */
import { whoGapOf, type WhoGap } from './gaps';
import type { PageMatrix, PageRole, PageStep } from './page';
import type { Raci } from './raci';

export interface MatrixColumn {
  readonly roleId: string;
  readonly roleName: string;
  /** Added by the user: no letters yet. */
  readonly added: boolean;
}

export interface MatrixCell {
  readonly roleId: string;
  readonly roleName: string;
  readonly raci: readonly Raci[];
}

export interface MatrixRow {
  readonly step: PageStep;
  readonly cells: readonly MatrixCell[];
  readonly gap: WhoGap | null;
}

export function matrixColumns(
  matrix: PageMatrix,
  addedRoleIds: readonly string[],
  organisationRoles: readonly PageRole[],
): MatrixColumn[] {
  const columns: MatrixColumn[] = matrix.roles.map((role) => ({
    roleId: role.id,
    roleName: role.name,
    added: false,
  }));
  for (const roleId of addedRoleIds) {
    const role = organisationRoles.find((candidate) => candidate.id === roleId);
    if (role && !columns.some((column) => column.roleId === roleId)) {
      columns.push({ roleId, roleName: role.name, added: true });
    }
  }
  return columns;
}

/** The organisation's roles that are not a column yet (to add one). */
export function rolesToAdd(
  columns: readonly MatrixColumn[],
  organisationRoles: readonly PageRole[],
): PageRole[] {
  return organisationRoles.filter((role) => !columns.some((column) => column.roleId === role.id));
}

/** The rows in step order, a cell per column (empty when the role holds nothing there). */
export function matrixRows(
  steps: readonly PageStep[],
  matrix: PageMatrix,
  columns: readonly MatrixColumn[],
): MatrixRow[] {
  const letters = new Map<string, readonly Raci[]>();
  for (const row of matrix.rows) {
    for (const cell of row.cells) letters.set(`${row.stepId}/${cell.roleId}`, cell.raci);
  }
  return [...steps]
    .sort((a, b) => a.position - b.position)
    .map((step) => ({
      step,
      gap: whoGapOf(step),
      cells: columns.map((column) => ({
        roleId: column.roleId,
        roleName: column.roleName,
        raci: letters.get(`${step.id}/${column.roleId}`) ?? [],
      })),
    }));
}

/** The processes of the live steps, in the order they first occur (for "this role does all of …"). */
export function processesOfSteps(
  steps: readonly PageStep[],
): { key: PageStep['processKey']; name: string }[] {
  const seen = new Map<string, { key: PageStep['processKey']; name: string }>();
  for (const step of [...steps].sort((a, b) => a.position - b.position)) {
    if (!step.obsolete && !seen.has(step.processKey)) {
      seen.set(step.processKey, { key: step.processKey, name: step.processName });
    }
  }
  return [...seen.values()];
}
