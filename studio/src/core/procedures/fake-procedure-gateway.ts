/**
 * An in-memory ProcedureGateway for tests: procedures derived from fixed sources, versions that increase
 * with every change (a stale one is CONFLICT, as in the API), and the one-Accountable rule.
 */
import { GatewayError } from '../errors';
import type { ProcessKey } from '../usm';
import type { ProcedureGateway, ProcedureRecord, StepRecord } from './gateway';
import { normaliseRaci, type Raci } from './raci';

type SourceStep = { name: string; processKey: ProcessKey };

const SOURCES: Record<string, SourceStep[]> = {
  'process:CHANGE': [
    { name: 'Accept RFC', processKey: 'CHANGE' },
    { name: 'Classify', processKey: 'CHANGE' },
    { name: 'Deploy', processKey: 'CHANGE' },
  ],
  'workflow:2': [
    { name: 'Register incident', processKey: 'RECOVER' },
    { name: 'Accept RFC', processKey: 'CHANGE' },
    { name: 'Deploy', processKey: 'CHANGE' },
    { name: 'Close incident', processKey: 'RECOVER' },
  ],
};

interface Stored {
  id: string;
  name: string;
  version: number;
  stepIds: string[];
}

export class FakeProcedureGateway implements ProcedureGateway {
  readonly procedures = new Map<string, Stored>();
  readonly steps = new Map<string, StepRecord>();
  readonly calls: { method: string; input: unknown }[] = [];
  private nextId = 1;

  async deriveProcedure(input: Parameters<ProcedureGateway['deriveProcedure']>[0]) {
    this.calls.push({ method: 'deriveProcedure', input });
    const key = input.processKey ? `process:${input.processKey}` : `workflow:${input.workflowNumber}`;
    const source = SOURCES[key];
    if (!source) throw new GatewayError('BAD_USER_INPUT', `No source ${key}.`);
    const id = `procedure-${this.nextId++}`;
    const stepIds = source.map((step, index) => {
      const stepId = `step-${this.nextId++}`;
      this.steps.set(stepId, {
        id: stepId,
        version: 1,
        position: index + 1,
        name: step.name,
        processKey: step.processKey,
        obsolete: false,
        responsibilities: [],
      });
      return stepId;
    });
    this.procedures.set(id, { id, name: input.name || key, version: 1, stepIds });
    return this.record(id);
  }

  async readProcedure(id: string) {
    return this.procedures.has(id) ? this.record(id) : null;
  }

  async updateProcedure(input: Parameters<ProcedureGateway['updateProcedure']>[0]) {
    this.calls.push({ method: 'updateProcedure', input });
    const stored = this.checked(String(input.id), input.version);
    stored.name = input.name ?? stored.name;
    stored.version += 1;
    return this.record(stored.id);
  }

  async deleteProcedure(input: Parameters<ProcedureGateway['deleteProcedure']>[0]) {
    this.calls.push({ method: 'deleteProcedure', input });
    const stored = this.checked(String(input.id), input.version);
    for (const stepId of stored.stepIds) this.steps.delete(stepId);
    this.procedures.delete(stored.id);
  }

  async readStep(id: string) {
    return this.steps.get(id) ?? null;
  }

  async assignResponsibility(input: Parameters<ProcedureGateway['assignResponsibility']>[0]) {
    this.calls.push({ method: 'assignResponsibility', input });
    const step = this.steps.get(String(input.stepId));
    if (!step) throw new GatewayError('NOT_FOUND', 'No such step.');
    if (input.version != null && input.version !== step.version) {
      throw new GatewayError('CONFLICT', 'Stale step.', { currentVersion: step.version });
    }
    return this.setLetters(step, String(input.roleId), input.raci);
  }

  async assignRoleToProcess(input: Parameters<ProcedureGateway['assignRoleToProcess']>[0]) {
    this.calls.push({ method: 'assignRoleToProcess', input });
    const stored = this.procedures.get(String(input.procedureId));
    if (!stored) throw new GatewayError('NOT_FOUND', 'No such procedure.');
    const steps = stored.stepIds
      .map((id) => this.steps.get(id)!)
      .filter((step) => !step.obsolete && step.processKey === input.processKey);
    if (steps.length === 0) throw new GatewayError('BAD_USER_INPUT', 'No live steps of that process.');
    for (const step of steps) this.assertOneAccountable(step, String(input.roleId), input.raci);
    for (const step of steps) this.setLetters(step, String(input.roleId), input.raci);
    return this.record(stored.id);
  }

  async rederiveProcedure(procedureId: string) {
    this.calls.push({ method: 'rederiveProcedure', input: procedureId });
    return this.record(procedureId);
  }

  async removeObsoleteStep(input: Parameters<ProcedureGateway['removeObsoleteStep']>[0]) {
    this.calls.push({ method: 'removeObsoleteStep', input });
    const owner = [...this.procedures.values()].find((stored) => stored.stepIds.includes(String(input.id)));
    if (!owner) throw new GatewayError('NOT_FOUND', 'No such step.');
    owner.stepIds = owner.stepIds.filter((id) => id !== String(input.id));
    this.steps.delete(String(input.id));
    return this.record(owner.id);
  }

  /** The letters of a role on the step at this position of a procedure. */
  lettersAt(procedureId: string, position: number, roleId: string): string {
    const stepId = this.procedures.get(procedureId)!.stepIds[position - 1]!;
    return (this.steps.get(stepId)!.responsibilities.find((held) => held.roleId === roleId)?.raci ?? []).join(
      '',
    );
  }

  private setLetters(step: StepRecord, roleId: string, raci: readonly Raci[]) {
    this.assertOneAccountable(step, roleId, raci);
    const letters = normaliseRaci(raci);
    const others = step.responsibilities.filter((held) => held.roleId !== roleId);
    const existing = step.responsibilities.find((held) => held.roleId === roleId);
    const responsibilities =
      letters.length === 0
        ? others
        : existing
          ? step.responsibilities.map((held) => (held.roleId === roleId ? { roleId, raci: letters } : held))
          : [...others, { roleId, raci: letters }];
    const next = { ...step, version: step.version + 1, responsibilities };
    this.steps.set(step.id, next);
    return next;
  }

  private assertOneAccountable(step: StepRecord, roleId: string, raci: readonly string[]) {
    if (
      raci.includes('A') &&
      step.responsibilities.some((held) => held.roleId !== roleId && held.raci.includes('A'))
    ) {
      throw new GatewayError('BAD_USER_INPUT', `Another role is already Accountable (A) for “${step.name}”.`);
    }
  }

  private checked(id: string, version: number): Stored {
    const stored = this.procedures.get(id);
    if (!stored) throw new GatewayError('NOT_FOUND', 'No such procedure.');
    if (stored.version !== version) {
      throw new GatewayError('CONFLICT', 'Stale procedure.', { currentVersion: stored.version });
    }
    return stored;
  }

  private record(id: string): ProcedureRecord {
    const stored = this.procedures.get(id);
    if (!stored) throw new GatewayError('NOT_FOUND', 'No such procedure.');
    return {
      id: stored.id,
      name: stored.name,
      version: stored.version,
      steps: stored.stepIds.map((stepId) => this.steps.get(stepId)!),
    };
  }
}
