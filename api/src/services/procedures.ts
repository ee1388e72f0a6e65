import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { deriveSteps, type DerivedStep } from '../domain/derivation/derive';
import { planRederivation } from '../domain/derivation/rederive';
import { BadUserInputError, ConflictError } from '../domain/errors';
import { validName } from '../domain/validation';
import type { ProcessKey } from '../domain/usm';
import { Organisation, Procedure, ProcedureStep, Workflow } from '../persistence/entities';
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
 * the path, in order. The whole procedure is written in one transaction: the procedure, then all its steps
 * in one statement however long the path is.
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
      await insertSteps(tx, procedure, numbered(deriveSteps(model, derivationSourceOf(procedure, workflow))));
    } else {
      const process = model.processes.get(input.processKey!)!;
      procedure = tx.create(Procedure, {
        organisation,
        name: name ?? process.name,
        sourceKind: 'PROCESS',
        sourceProcessKey: input.processKey!,
        sourceWorkflow: null,
      });
      await insertSteps(tx, procedure, numbered(deriveSteps(model, derivationSourceOf(procedure, null))));
    }
    return procedure;
  });
}

function numbered(steps: readonly DerivedStep[]): (DerivedStep & { position: number })[] {
  return steps.map((step, index) => ({ ...step, position: index + 1 }));
}

/*
 * Steps are written with one statement each for all inserts and all updates (rows sent as one JSON
 * parameter), not through the unit of work: MikroORM batches 300 rows per statement, so a 1,600-step
 * workflow took six inserts. The columns written are those of the ProcedureStep entity with the values
 * the ORM would give them (a new id, version 1, created = updated = now); updates keep optimistic
 * locking: each row is updated only at the version that was read, and a row missing from the result
 * means someone changed that step meanwhile (CONFLICT, the transaction rolls back). The procedure itself
 * stays an entity (its version is bumped and checked at flush).
 */

async function insertSteps(
  tx: EntityManager,
  procedure: Procedure,
  steps: readonly (DerivedStep & { position: number })[],
): Promise<void> {
  if (steps.length === 0) return;
  // The procedure row must exist before its steps refer to it.
  await tx.flush();
  const now = new Date();
  const rows = steps.map((step) => ({
    id: randomUUID(),
    activity_id: step.activityId,
    occurrence: step.occurrence,
    position: step.position,
    depth: step.depth,
    process_key: step.processKey,
    activity_name: step.activityName,
  }));
  await tx.getConnection().execute(
    `insert into procedure_step (id, version, created_at, updated_at, organisation_id, procedure_id,
       activity_id, occurrence, position, depth, process_key, activity_name, obsolete)
     select r.id, 1, ?, ?, ?, ?, r.activity_id, r.occurrence, r.position, r.depth, r.process_key,
       r.activity_name, false
     from json_to_recordset(?::json) as r(id uuid, activity_id uuid, occurrence smallint, position integer,
       depth smallint, process_key text, activity_name text)`,
    [now, now, procedure.organisation.id, procedure.id, JSON.stringify(rows)],
    'run',
    tx.getTransactionContext(),
  );
}

type StepChange = Pick<ProcedureStep, 'position' | 'depth' | 'processKey' | 'activityName' | 'obsolete'>;

async function updateSteps(
  tx: EntityManager,
  changes: readonly { step: ProcedureStep; to: StepChange }[],
): Promise<void> {
  if (changes.length === 0) return;
  const rows = changes.map(({ step, to }) => ({
    id: step.id,
    version: step.version,
    position: to.position,
    depth: to.depth,
    process_key: to.processKey,
    activity_name: to.activityName,
    obsolete: to.obsolete,
  }));
  const result = await tx.getConnection().execute<{ affectedRows: number }>(
    `update procedure_step step
     set position = r.position, depth = r.depth, process_key = r.process_key, activity_name = r.activity_name,
       obsolete = r.obsolete, version = step.version + 1, updated_at = ?
     from json_to_recordset(?::json) as r(id uuid, version integer, position integer, depth smallint,
       process_key text, activity_name text, obsolete boolean)
     where step.id = r.id and step.version = r.version`,
    [new Date(), JSON.stringify(rows)],
    'run',
    tx.getTransactionContext(),
  );
  if (result.affectedRows !== rows.length) {
    throw new ConflictError(
      'procedure step',
      null,
      'A step of this procedure was changed by someone else meanwhile. Reload it and re-derive again.',
    );
  }
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
    const changes: { step: ProcedureStep; to: StepChange }[] = [];
    for (const planned of plan.steps) {
      if (planned.id === null) continue;
      const step = byId.get(planned.id)!;
      const to: StepChange = {
        position: planned.position,
        depth: planned.depth,
        processKey: planned.processKey,
        activityName: planned.activityName,
        obsolete: planned.obsolete,
      };
      const same = (Object.keys(to) as (keyof StepChange)[]).every((key) => step[key] === to[key]);
      if (!same) changes.push({ step, to });
    }
    await insertSteps(
      tx,
      procedure,
      plan.steps.filter((planned) => planned.id === null),
    );
    await updateSteps(tx, changes);
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
