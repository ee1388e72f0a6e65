import type { EntityManager } from '@mikro-orm/postgresql';
import { assertSingleAccountable, normaliseRaci, type Raci } from '../domain/derivation/responsibilities';
import { BadUserInputError, NotFoundError } from '../domain/errors';
import type { ProcessKey } from '../domain/usm';
import { Procedure, ProcedureStep, Responsibility, Role } from '../persistence/entities';
import { lookupOrFail } from './lookup';
import { assertVersion, inTransaction, touch } from './transaction';

/** WHO: the RACI letters each role holds on each procedure step. */
export interface AssignResponsibilityInput {
  stepId: string;
  roleId: string;
  raci: readonly Raci[];
  /** The step version the client read; optional, as the issue allows drafting without it. */
  version?: number | null;
}

/** Replaces the role's letters on the step; no letters removes the role from the step. */
export function assignResponsibility(
  em: EntityManager,
  input: AssignResponsibilityInput,
): Promise<ProcedureStep> {
  const letters = normaliseRaci(input.raci);
  return inTransaction(em, async (tx) => {
    // Locked: concurrent assignments on one step take turns, so the one-Accountable rule and the
    // version check always see the latest letters.
    const step = await lookupOrFail(tx, ProcedureStep, input.stepId, { lock: true });
    if (input.version != null) assertVersion(step, input.version, 'procedure step');
    const role = await roleOfOrganisation(tx, input.roleId, step.organisation.id);
    const current = await tx.find(Responsibility, { step });
    setLetters(tx, step, role, letters, current);
    return step;
  });
}

export interface AssignRoleToProcessInput {
  procedureId: string;
  roleId: string;
  processKey: ProcessKey;
  raci: readonly Raci[];
}

/** "This role does all steps of process X": the same letters on every live step of that process, at once. */
export function assignRoleToProcess(em: EntityManager, input: AssignRoleToProcessInput): Promise<Procedure> {
  const letters = normaliseRaci(input.raci);
  return inTransaction(em, async (tx) => {
    const procedure = await lookupOrFail(tx, Procedure, input.procedureId, { lock: true });
    const role = await roleOfOrganisation(tx, input.roleId, procedure.organisation.id);
    const steps = await tx.find(
      ProcedureStep,
      { procedure, processKey: input.processKey, obsolete: false },
      { orderBy: { position: 'asc' } },
    );
    if (steps.length === 0) {
      throw new BadUserInputError(
        `This procedure has no live steps of process ${input.processKey}.`,
        'input.processKey',
      );
    }
    const responsibilities = await tx.find(Responsibility, { step: { $in: steps } });
    for (const step of steps) {
      setLetters(
        tx,
        step,
        role,
        letters,
        responsibilities.filter((responsibility) => responsibility.step.id === step.id),
      );
    }
    return procedure;
  });
}

function setLetters(
  em: EntityManager,
  step: ProcedureStep,
  role: Role,
  letters: Raci[],
  current: readonly Responsibility[],
): void {
  const lettersByRole = new Map(
    current.map((responsibility) => [responsibility.role.id, responsibility.raci]),
  );
  assertSingleAccountable(`step ${step.position} "${step.activityName}"`, lettersByRole, role.id, letters);
  const existing = current.find((responsibility) => responsibility.role.id === role.id);
  if (sameLetters(existing?.raci ?? [], letters)) return;
  if (letters.length === 0) em.remove(existing!);
  else if (existing) existing.raci = letters;
  else em.create(Responsibility, { organisation: step.organisation, step, role, raci: letters });
  touch(step);
}

function sameLetters(a: readonly Raci[], b: readonly Raci[]): boolean {
  return a.length === b.length && a.every((letter, index) => letter === b[index]);
}

/** A role of this organisation; another organisation's role is as unknown as a missing one. */
export async function roleOfOrganisation(
  em: EntityManager,
  roleId: string,
  organisationId: string,
): Promise<Role> {
  const role = await em.findOne(Role, { id: roleId, organisation: organisationId });
  if (!role) throw new NotFoundError('Role', roleId);
  return role;
}
