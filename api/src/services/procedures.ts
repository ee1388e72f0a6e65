import type { EntityManager } from '@mikro-orm/postgresql';
import { deriveSteps, type DerivedStep } from '../domain/derivation/derive';
import { planRederivation } from '../domain/derivation/rederive';
import { BadUserInputError } from '../domain/errors';
import { validName } from '../domain/validation';
import type { ProcessKey } from '../domain/usm';
import { Activity, Organisation, Procedure, ProcedureStep, Workflow } from '../persistence/entities';
import { loadOrganisationModel } from './organisation-model';
import { derivationSourceOf, storedStepOf } from './procedure-source';
import { lookupOrFail } from './lookup';
import { assertVersion, inTransaction, touch } from './transaction';

export interface DeriveProcedureInput {
  organisationId: string;
  workflowNumber?: number | null;
  processKey?: ProcessKey | null;
  name?: string | null;
}

/**
 * Derives a new procedure template from one process or one workflow: one unassigned step per activity on
 * the path, in order. The whole procedure is written in one transaction with batched inserts.
 */
export function deriveProcedure(em: EntityManager, input: DeriveProcedureInput): Promise<Procedure> {
  const hasWorkflow = input.workflowNumber != null;
  const hasProcess = input.processKey != null;
  if (hasWorkflow === hasProcess) {
    throw new BadUserInputError(
      'Give exactly one source: either workflowNumber (1–8) or processKey.',
      hasWorkflow ? 'input.processKey' : 'input.workflowNumber',
    );
  }
  if (
    hasWorkflow &&
    !(Number.isInteger(input.workflowNumber) && input.workflowNumber! >= 1 && input.workflowNumber! <= 8)
  ) {
    throw new BadUserInputError(
      `There are eight USM workflows: choose 1 to 8, not ${input.workflowNumber}.`,
      'input.workflowNumber',
    );
  }
  const name = input.name == null ? null : validName(input.name, 'input.name', 'procedure name');

  return inTransaction(em, async (tx) => {
    const organisation = await lookupOrFail(tx, Organisation, input.organisationId);
    const model = await loadOrganisationModel(tx, organisation.id);
    let procedure: Procedure;
    if (hasWorkflow) {
      const workflow = await tx.findOneOrFail(Workflow, { organisation, number: input.workflowNumber! });
      procedure = tx.create(Procedure, {
        organisation,
        name: name ?? workflow.name,
        sourceKind: 'WORKFLOW',
        sourceProcessKey: null,
        sourceWorkflow: workflow,
      });
      createSteps(tx, procedure, deriveSteps(model, derivationSourceOf(procedure, workflow)));
    } else {
      const process = model.processes.get(input.processKey!)!;
      procedure = tx.create(Procedure, {
        organisation,
        name: name ?? process.name,
        sourceKind: 'PROCESS',
        sourceProcessKey: input.processKey!,
        sourceWorkflow: null,
      });
      createSteps(tx, procedure, deriveSteps(model, derivationSourceOf(procedure, null)));
    }
    return procedure;
  });
}

function createSteps(em: EntityManager, procedure: Procedure, steps: readonly DerivedStep[]): void {
  steps.forEach((step, index) => createStep(em, procedure, step, index + 1));
}

function createStep(
  em: EntityManager,
  procedure: Procedure,
  step: DerivedStep,
  position: number,
): ProcedureStep {
  return em.create(ProcedureStep, {
    organisation: procedure.organisation,
    procedure,
    activity: em.getReference(Activity, step.activityId),
    occurrence: step.occurrence,
    position,
    depth: step.depth,
    processKey: step.processKey,
    activityName: step.activityName,
  });
}

/**
 * Brings a procedure in line with its source as it is now, keeping everything the user entered: steps
 * keep their ids (and so their responsibilities and work instructions); steps whose activity left the
 * path stay, marked obsolete. An up-to-date procedure is not written at all.
 */
export function rederiveProcedure(em: EntityManager, input: { procedureId: string }): Promise<Procedure> {
  return inTransaction(em, async (tx) => {
    const procedure = await lookupOrFail(tx, Procedure, input.procedureId, { lock: true });
    const workflow = procedure.sourceWorkflow
      ? await tx.findOneOrFail(Workflow, procedure.sourceWorkflow.id)
      : null;
    const model = await loadOrganisationModel(tx, procedure.organisation.id);
    const stored = await tx.find(ProcedureStep, { procedure }, { orderBy: { position: 'asc' } });
    const plan = planRederivation(
      stored.map(storedStepOf),
      deriveSteps(model, derivationSourceOf(procedure, workflow)),
    );
    if (!plan.changed) return procedure;

    const byId = new Map(stored.map((step) => [step.id, step]));
    for (const planned of plan.steps) {
      if (planned.id === null) {
        createStep(tx, procedure, planned, planned.position);
        continue;
      }
      Object.assign(byId.get(planned.id)!, {
        position: planned.position,
        depth: planned.depth,
        processKey: planned.processKey,
        activityName: planned.activityName,
        obsolete: planned.obsolete,
      });
    }
    touch(procedure);
    return procedure;
  });
}

export function updateProcedure(
  em: EntityManager,
  input: { id: string; version: number; name?: string | null },
): Promise<Procedure> {
  const name = input.name == null ? undefined : validName(input.name, 'input.name', 'procedure name');
  return inTransaction(em, async (tx) => {
    const procedure = await lookupOrFail(tx, Procedure, input.id, { lock: true });
    assertVersion(procedure, input.version, 'procedure');
    if (name !== undefined) procedure.name = name;
    return procedure;
  });
}

/** Deletes a procedure with its steps, responsibilities and work instructions. */
export function deleteProcedure(em: EntityManager, input: { id: string; version: number }): Promise<boolean> {
  return inTransaction(em, async (tx) => {
    const procedure = await lookupOrFail(tx, Procedure, input.id, { lock: true });
    assertVersion(procedure, input.version, 'procedure');
    tx.remove(procedure);
    return true;
  });
}

/**
 * Removes an obsolete step (with its responsibilities and work instructions). Live steps follow their
 * source: to remove one, remove its activity from the process and re-derive.
 */
export function removeObsoleteStep(
  em: EntityManager,
  input: { id: string; version: number },
): Promise<Procedure> {
  return inTransaction(em, async (tx) => {
    const step = await lookupOrFail(tx, ProcedureStep, input.id, { lock: true });
    assertVersion(step, input.version, 'procedure step');
    if (!step.obsolete) {
      throw new BadUserInputError(
        `Step ${step.position} "${step.activityName}" is live: it follows its activity. Only obsolete steps can be removed.`,
        'input.id',
      );
    }
    const procedure = await tx.findOneOrFail(Procedure, step.procedure.id);
    const remaining = await tx.find(
      ProcedureStep,
      { procedure, id: { $ne: step.id } },
      { orderBy: { position: 'asc' } },
    );
    remaining.forEach((other, index) => {
      if (other.position !== index + 1) other.position = index + 1;
    });
    tx.remove(step);
    touch(procedure);
    return procedure;
  });
}
