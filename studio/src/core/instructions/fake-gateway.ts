/**
 * An in-memory stand-in for the work-instruction API, for tests: one procedure with steps and their RACI
 * letters, the server's derivation rule (one instruction per live step and Responsible role), versions that
 * increase with every change and CONFLICT on a stale one.
 */
import { GatewayError } from '../errors';
import type { ProcessKey } from '../usm';
import type { InstructionGateway, InstructionSnapshot } from './gateway';

export interface FakeStep {
  id: string;
  processKey: ProcessKey;
  obsolete?: boolean;
  /** Role id → letters. */
  raci: Record<string, string[]>;
}

interface StoredInstruction {
  id: string;
  version: number;
  stepId: string;
  roleId: string;
  text: string;
  toolIds: string[];
}

export class FakeInstructionGateway implements InstructionGateway {
  readonly procedureId = 'procedure-1';
  readonly instructions = new Map<string, StoredInstruction>();
  readonly calls: string[] = [];
  private nextId = 1;

  constructor(readonly steps: FakeStep[]) {}

  /** An instruction of a step and role (throws when there is none). */
  find(stepId: string, roleId: string): StoredInstruction {
    const found = [...this.instructions.values()].find((i) => i.stepId === stepId && i.roleId === roleId);
    if (!found) throw new Error(`No instruction for ${stepId}/${roleId}`);
    return found;
  }

  /** Someone else edits an instruction. */
  edit(id: string, change: Partial<Pick<StoredInstruction, 'text' | 'toolIds'>>): void {
    const stored = this.instructions.get(id)!;
    Object.assign(stored, change, { version: stored.version + 1 });
  }

  async workInstructions(procedureId: string): Promise<InstructionSnapshot[]> {
    this.calls.push('workInstructions');
    this.expectProcedure(procedureId);
    const order = this.steps.map((step) => step.id);
    return [...this.instructions.values()]
      .sort((a, b) => order.indexOf(a.stepId) - order.indexOf(b.stepId))
      .map((stored) => this.snapshot(stored));
  }

  async workInstruction(id: string): Promise<InstructionSnapshot | null> {
    const stored = this.instructions.get(id);
    return stored ? this.snapshot(stored) : null;
  }

  async deriveWorkInstructions(procedureId: string): Promise<InstructionSnapshot[]> {
    this.calls.push('deriveWorkInstructions');
    this.createMissing(this.steps.filter((step) => !step.obsolete));
    return this.workInstructions(procedureId);
  }

  async assignToolToProcess(input: { procedureId: string; processKey: ProcessKey; toolId: string }) {
    this.calls.push('assignToolToProcess');
    const steps = this.steps.filter((step) => !step.obsolete && step.processKey === input.processKey);
    if (steps.length === 0) throw new GatewayError('BAD_USER_INPUT', 'No live steps of this process.');
    this.createMissing(steps);
    for (const stored of this.instructions.values()) {
      const step = steps.find((candidate) => candidate.id === stored.stepId);
      if (!step?.raci[stored.roleId]?.includes('R') || stored.toolIds.includes(input.toolId)) continue;
      stored.toolIds.push(input.toolId);
      stored.version += 1;
    }
    return this.workInstructions(input.procedureId);
  }

  async updateWorkInstruction(input: {
    id: string;
    version: number;
    text: string;
    toolIds: readonly string[];
  }): Promise<InstructionSnapshot> {
    this.calls.push('updateWorkInstruction');
    const stored = this.current(input.id, input.version);
    Object.assign(stored, { text: input.text, toolIds: [...input.toolIds], version: stored.version + 1 });
    return this.snapshot(stored);
  }

  async deleteWorkInstruction(input: { id: string; version: number }): Promise<void> {
    this.calls.push('deleteWorkInstruction');
    this.current(input.id, input.version);
    this.instructions.delete(input.id);
  }

  private createMissing(steps: readonly FakeStep[]): void {
    for (const step of steps) {
      for (const [roleId, letters] of Object.entries(step.raci)) {
        const exists = [...this.instructions.values()].some(
          (i) => i.stepId === step.id && i.roleId === roleId,
        );
        if (!letters.includes('R') || exists) continue;
        const id = `instruction-${this.nextId++}`;
        this.instructions.set(id, { id, version: 1, stepId: step.id, roleId, text: '', toolIds: [] });
      }
    }
  }

  private current(id: string, version: number): StoredInstruction {
    const stored = this.instructions.get(id);
    if (!stored) throw new GatewayError('NOT_FOUND', 'The work instruction does not exist.');
    if (stored.version !== version) {
      throw new GatewayError('CONFLICT', 'Stale work instruction.', { currentVersion: stored.version });
    }
    return stored;
  }

  private expectProcedure(procedureId: string): void {
    if (procedureId !== this.procedureId) throw new GatewayError('NOT_FOUND', 'No such procedure.');
  }

  private snapshot(stored: StoredInstruction): InstructionSnapshot {
    const step = this.steps.find((candidate) => candidate.id === stored.stepId)!;
    const obsolete = !!step.obsolete || !step.raci[stored.roleId]?.includes('R');
    return { ...stored, toolIds: [...stored.toolIds], obsolete };
  }
}
