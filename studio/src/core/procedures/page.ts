/**
 * The procedure page's data in the shape the lanes, the matrix and the gap badges work on, mapped from
 * what the API answered (the generated query type), so the logic below needs neither React nor urql.
 */
import type { ProcProcedurePageQuery } from '../../gql/graphql';
import type { ProcessKey } from '../usm';
import type { Raci } from './raci';

export interface PageResponsibility {
  readonly roleId: string;
  readonly roleName: string;
  readonly raci: readonly Raci[];
}

export interface PageStep {
  readonly id: string;
  readonly version: number;
  readonly position: number;
  /** 0 in the initiating process, +1 per fork. */
  readonly depth: number;
  readonly name: string;
  readonly obsolete: boolean;
  readonly processKey: ProcessKey;
  readonly processName: string;
  readonly responsibilities: readonly PageResponsibility[];
}

export interface PageRole {
  readonly id: string;
  readonly name: string;
}

export interface PageMatrix {
  /** The roles holding any letter, by name. */
  readonly roles: readonly PageRole[];
  readonly rows: readonly {
    readonly stepId: string;
    readonly cells: readonly { roleId: string; raci: readonly Raci[] }[];
  }[];
}

export type PageProcedure = Extract<
  NonNullable<ProcProcedurePageQuery['node']>,
  { __typename?: 'Procedure' }
>;

export function isProcedure(node: ProcProcedurePageQuery['node'] | undefined): node is PageProcedure {
  return !!node && node.__typename === 'Procedure';
}

/** The steps in order (obsolete ones included). */
export function pageSteps(procedure: PageProcedure): PageStep[] {
  return [...procedure.steps]
    .sort((a, b) => a.position - b.position)
    .map((step) => ({
      id: step.id,
      version: step.version,
      position: step.position,
      depth: step.depth,
      name: step.derivedName,
      obsolete: step.obsolete,
      processKey: step.process.key,
      processName: step.process.name,
      responsibilities: step.responsibilities.map((held) => ({
        roleId: held.role.id,
        roleName: held.role.name,
        raci: held.raci,
      })),
    }));
}

export function pageMatrix(procedure: PageProcedure): PageMatrix {
  return {
    roles: procedure.raciMatrix.roles.map((role) => ({ id: role.id, name: role.name })),
    rows: procedure.raciMatrix.rows.map((row) => ({
      stepId: row.step.id,
      cells: row.cells.map((cell) => ({ roleId: cell.role.id, raci: cell.raci })),
    })),
  };
}

/** 'Workflow 3 · Incident to change' or 'Process · Recover'. */
export function sourceLabel(procedure: {
  sourceKind: 'PROCESS' | 'WORKFLOW';
  sourceProcess?: { name: string } | null;
  sourceWorkflow?: { number: number; name: string } | null;
}): string {
  if (procedure.sourceKind === 'WORKFLOW' && procedure.sourceWorkflow) {
    return `Workflow ${procedure.sourceWorkflow.number} · ${procedure.sourceWorkflow.name}`;
  }
  if (procedure.sourceKind === 'PROCESS' && procedure.sourceProcess) {
    return `Process · ${procedure.sourceProcess.name}`;
  }
  return procedure.sourceKind === 'WORKFLOW' ? 'Workflow' : 'Process';
}
