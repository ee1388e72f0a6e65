/**
 * What the work-instruction commands need from the API (HOW: per step and Responsible role, the tools used
 * and a Markdown text). Framework-free: implemented over the GraphQL client in src/data/instruction-gateway.ts
 * and in memory by the tests (fake-gateway.ts).
 */
import type { ProcessKey } from '../usm';

/** One work instruction as the commands see it. */
export interface InstructionSnapshot {
  readonly id: string;
  readonly version: number;
  readonly stepId: string;
  readonly roleId: string;
  readonly text: string;
  readonly toolIds: readonly string[];
  readonly obsolete: boolean;
}

export interface InstructionGateway {
  /** All work instructions of a procedure, in step order. */
  workInstructions(procedureId: string): Promise<InstructionSnapshot[]>;
  /** One work instruction; null when it no longer exists. */
  workInstruction(id: string): Promise<InstructionSnapshot | null>;
  /** Creates the missing work instructions (idempotent); answers all of the procedure's instructions. */
  deriveWorkInstructions(procedureId: string): Promise<InstructionSnapshot[]>;
  /** Uses a tool for every live step of a process (creating missing instructions); answers all of them. */
  assignToolToProcess(input: {
    procedureId: string;
    processKey: ProcessKey;
    toolId: string;
  }): Promise<InstructionSnapshot[]>;
  updateWorkInstruction(input: {
    id: string;
    version: number;
    text: string;
    toolIds: readonly string[];
  }): Promise<InstructionSnapshot>;
  deleteWorkInstruction(input: { id: string; version: number }): Promise<void>;
}
