import type { EntityManager } from '@mikro-orm/postgresql';
import {
  DEMO_PROCEDURES,
  DEMO_ROLES,
  DEMO_TOOLS,
  demoAssignmentsOf,
  demoInstructionOf,
} from '../domain/demo-content';
import { BadUserInputError } from '../domain/errors';
import {
  Activity,
  CoverageMapping,
  Handover,
  Organisation,
  Presentation,
  Procedure,
  ProcedureStep,
  Process,
  Responsibility,
  Role,
  Tool,
  WorkInstruction,
  WorkInstructionTool,
  Workflow,
} from '../persistence/entities';
import { createCatalogEntry } from './catalog';
import { lookupOrFail } from './lookup';
import { applyTemplate } from './organisation-template';
import { deriveProcedure } from './procedures';
import { assignResponsibility } from './responsibilities';
import { assertVersion, inTransaction, touch } from './transaction';
import { deriveWorkInstructions, updateWorkInstruction } from './work-instructions';

/**
 * Demo organisations (issue 6, item 4): the reference model plus the sample content of
 * domain/demo-content.ts, built with the same services a user calls by hand (createRole/createTool,
 * deriveProcedure, assignResponsibility, deriveWorkInstructions, updateWorkInstruction), so a demo is
 * exactly what a user would get. Each service runs as a savepoint inside the caller's transaction.
 *
 * The organisation must already hold the USM_DEMO template (applyTemplate); pending writes are flushed
 * first so that the services, which read the database afresh, see them. The services run on a fork in the
 * same transaction, so the objects they load and merge back stay out of the caller's unit of work (MikroORM
 * can otherwise end up with two dirty copies of one row there, e.g. of the organisation).
 */
export async function addDemoContent(caller: EntityManager, organisation: Organisation): Promise<void> {
  await caller.flush();
  const em = caller.fork({ clear: true, keepTransactionContext: true });
  const organisationId = organisation.id;

  for (const role of DEMO_ROLES) await createCatalogEntry(em, Role, { organisationId, ...role });
  for (const tool of DEMO_TOOLS) await createCatalogEntry(em, Tool, { organisationId, ...tool });
  const roleIds = await idsByName(em, Role, organisationId);
  const toolIds = await idsByName(em, Tool, organisationId);
  const positions = new Map(
    (await em.find(Activity, { organisation: organisationId, deletedAt: null })).map((activity) => [
      activity.id,
      activity.position,
    ]),
  );
  const idOf = (ids: Map<string, string>, what: string, name: string): string => {
    const id = ids.get(name);
    if (!id) throw new Error(`Demo content names a ${what} "${name}" that the demo organisation lacks.`);
    return id;
  };

  for (const sample of DEMO_PROCEDURES) {
    const procedure = await deriveProcedure(em, {
      organisationId,
      name: sample.name,
      ...(sample.source.kind === 'PROCESS'
        ? { processKey: sample.source.processKey }
        : { workflowNumber: sample.source.workflowNumber }),
    });
    const steps = await em.find(
      ProcedureStep,
      { procedure: procedure.id },
      { orderBy: { position: 'asc' }, refresh: true },
    );
    for (const step of steps) {
      const position = positions.get(step.activity.id)!;
      for (const assignment of demoAssignmentsOf(step.processKey, position)) {
        await assignResponsibility(em, {
          stepId: step.id,
          roleId: idOf(roleIds, 'role', assignment.role),
          raci: assignment.raci,
        });
      }
    }
    if (!sample.withWorkInstructions) continue;

    await deriveWorkInstructions(em, { procedureId: procedure.id });
    const instructions = await em.find(
      WorkInstruction,
      { procedure: procedure.id },
      { populate: ['step', 'role'], refresh: true },
    );
    for (const instruction of instructions) {
      const step = instruction.step;
      const text = demoInstructionOf(
        step.processKey,
        positions.get(step.activity.id)!,
        instruction.role.name,
      );
      if (!text) {
        throw new Error(
          `Demo content has no instruction for ${instruction.role.name} on ${step.processKey} "${step.activityName}".`,
        );
      }
      await updateWorkInstruction(em, {
        id: instruction.id,
        version: instruction.version,
        text: text.text,
        toolIds: text.tools.map((tool) => idOf(toolIds, 'tool', tool)),
      });
    }
  }
}

async function idsByName(
  em: EntityManager,
  entity: typeof Role | typeof Tool,
  organisationId: string,
): Promise<Map<string, string>> {
  const entries: Array<Role | Tool> = await em.find(entity as typeof Role, { organisation: organisationId });
  return new Map(entries.map((entry) => [entry.name, entry.id]));
}

/**
 * Puts a demo organisation back to its sample state in one transaction: its whole model goes (procedures,
 * work instructions, responsibilities, roles, tools, hand-overs, activities, workflows, processes, coverage
 * mappings), its live presentations end, and the demo content is built again. The organisation row — id, name, members, canvas arrangement — stays, and its
 * version increases.
 */
export function resetDemoOrganisation(
  em: EntityManager,
  input: { id: string; version: number },
): Promise<DemoReset> {
  return inTransaction(em, async (tx) => {
    const organisation = await lookupOrFail(tx, Organisation, input.id, { lock: true });
    assertVersion(organisation, input.version, 'organisation');
    if (!organisation.demo) {
      throw new BadUserInputError(
        `"${organisation.name}" is not a demo organisation, so it has no sample state to go back to. ` +
          'Only an organisation created from the USM_DEMO template can be reset.',
        'input.id',
      );
    }
    const endedPresentations = await endPresentations(tx, organisation);
    await deleteModel(tx, organisation);
    applyTemplate(tx, organisation, 'USM_DEMO');
    await addDemoContent(tx, organisation);
    touch(organisation);
    return { organisation, endedPresentations };
  });
}

export interface DemoReset {
  organisation: Organisation;
  /** The presentations the reset ended: their followers are to be told once it has committed. */
  endedPresentations: Presentation[];
}

/**
 * Live walkthroughs show the model that is about to go: they end (their share links stop working), as if
 * the trainer had ended them. The rows stay, as ended presentations do; their procedure becomes null.
 */
async function endPresentations(em: EntityManager, organisation: Organisation): Promise<Presentation[]> {
  const live = await em.find(Presentation, { organisation, endedAt: null });
  const now = new Date();
  for (const presentation of live) presentation.endedAt = now;
  await em.flush();
  return live;
}

/**
 * Deletes everything of the organisation's model, keeping the organisation, its memberships and its (ended)
 * presentations. Roles and
 * tools refuse deletion while anything uses them (no cascade on those keys), so their users go first, as in
 * deleteOrganisation.
 */
async function deleteModel(em: EntityManager, organisation: Organisation): Promise<void> {
  await em.nativeDelete(CoverageMapping, { organisation });
  await em.nativeDelete(WorkInstructionTool, { workInstruction: { organisation } });
  await em.nativeDelete(WorkInstruction, { organisation });
  await em.nativeDelete(Responsibility, { organisation });
  await em.nativeDelete(ProcedureStep, { organisation });
  await em.nativeDelete(Procedure, { organisation });
  await em.nativeDelete(Handover, { organisation });
  await em.nativeDelete(Workflow, { organisation });
  await em.nativeDelete(Activity, { organisation });
  await em.nativeDelete(Process, { organisation });
  await em.nativeDelete(Role, { organisation });
  await em.nativeDelete(Tool, { organisation });
}
