/**
 * What the procedure commands need from the API, as a framework-free interface: the studio implements it
 * over the GraphQL client (src/data/procedure-gateway.ts), tests with an in-memory fake
 * (fake-procedure-gateway.ts). Failures are thrown as GatewayError with the API's error code.
 */
import type {
  AssignResponsibilityInput,
  AssignRoleToProcessInput,
  DeleteInput,
  DeriveProcedureInput,
  UpdateProcedureInput,
} from '../../gql/graphql';
import type { ProcessKey } from '../usm';
import type { Raci } from './raci';

/** The letters one role holds on one step. */
export interface RoleLetters {
  readonly roleId: string;
  readonly raci: readonly Raci[];
}

/** One step as the commands need it: its version and who holds which letters. */
export interface StepRecord {
  readonly id: string;
  readonly version: number;
  readonly position: number;
  readonly name: string;
  readonly processKey: ProcessKey;
  readonly obsolete: boolean;
  readonly responsibilities: readonly RoleLetters[];
}

export interface ProcedureRecord {
  readonly id: string;
  readonly name: string;
  readonly version: number;
  /** In order, obsolete steps included. */
  readonly steps: readonly StepRecord[];
}

export interface ProcedureGateway {
  deriveProcedure(input: DeriveProcedureInput): Promise<ProcedureRecord>;
  /** Read from the server (never from a cache); null when it no longer exists. */
  readProcedure(id: string): Promise<ProcedureRecord | null>;
  updateProcedure(input: UpdateProcedureInput): Promise<ProcedureRecord>;
  deleteProcedure(input: DeleteInput): Promise<void>;
  /** Read from the server (never from a cache); null when it no longer exists. */
  readStep(id: string): Promise<StepRecord | null>;
  assignResponsibility(input: AssignResponsibilityInput): Promise<StepRecord>;
  assignRoleToProcess(input: AssignRoleToProcessInput): Promise<ProcedureRecord>;
  /** Not undoable: the view runs it directly, after a confirmation. */
  rederiveProcedure(procedureId: string): Promise<ProcedureRecord>;
  /** Not undoable: the view runs it directly, after a confirmation. */
  removeObsoleteStep(input: DeleteInput): Promise<ProcedureRecord>;
}

/** The letters a role holds on a step ([] when none). */
export function lettersOf(step: StepRecord, roleId: string): readonly Raci[] {
  return step.responsibilities.find((held) => held.roleId === roleId)?.raci ?? [];
}
