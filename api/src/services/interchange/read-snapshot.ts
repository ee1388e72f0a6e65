/**
 * Reads one organisation's whole model into an OrganisationSnapshot, the plain data every export is written
 * from. A constant number of SQL statements however large the model (each relation is read once for the whole
 * organisation, never per row), and a deterministic order, so the same model always gives the same export.
 */
import type { EntityManager } from '@mikro-orm/postgresql';
import { NotFoundError } from '../../domain/errors';
import type {
  OrganisationSnapshot,
  SnapshotActivity,
  SnapshotCatalogEntry,
  SnapshotHandover,
  SnapshotProcedure,
  SnapshotProcess,
  SnapshotWorkflow,
} from '../../domain/interchange/snapshot';
import { RACI_LETTERS } from '../../domain/derivation/responsibilities';
import {
  CALL_TYPES,
  HANDOVER_KINDS,
  PROCESS_ENTERED_BY,
  PROCESS_KEYS,
  type ProcessKey,
} from '../../domain/usm';
import { expandWorkflow } from '../../domain/workflow-expansion';
import {
  Activity,
  Handover,
  Organisation,
  Procedure,
  Role,
  Tool,
  Workflow,
} from '../../persistence/entities';
import { loadOrganisationModel } from '../organisation-model';
import { instructionIsObsolete, loadProcedureContents } from '../procedure-contents';

/**
 * Statements: the organisation (1), its processes, live activities and forks (3, shared with workflow
 * expansion), all hand-overs (1), workflows (1), roles (1), tools (1), procedures (1), deleted activities (1)
 * and the procedures' contents (at most 4). One after another: inside a transaction they share one connection.
 */
export async function readOrganisationSnapshot(
  em: EntityManager,
  organisationId: string,
): Promise<OrganisationSnapshot> {
  const organisation = await em.findOne(Organisation, { id: organisationId });
  if (!organisation) throw new NotFoundError('Organisation', organisationId);

  const model = await loadOrganisationModel(em, organisationId);
  const handovers = await em.find(Handover, {
    organisation: organisationId,
    fromActivity: { deletedAt: null },
  });
  const workflows = await em.find(Workflow, { organisation: organisationId });
  const roles = await em.find(Role, { organisation: organisationId });
  const tools = await em.find(Tool, { organisation: organisationId });
  const procedures = await em.find(Procedure, { organisation: organisationId });
  // Tombstones only: which procedure steps lost their activity (live ones are in the model above).
  const deletedActivities = new Set(
    (
      await em.find(Activity, { organisation: organisationId, deletedAt: { $ne: null } }, { fields: ['id'] })
    ).map((activity) => activity.id),
  );
  const contents = await loadProcedureContents(
    em,
    procedures.map((procedure) => procedure.id),
  );

  // Processes in USM order, activities by position, hand-overs forks first then by call type.
  const handoversByActivity = new Map<string, SnapshotHandover[]>();
  for (const handover of [...handovers].sort(compareHandovers)) {
    const list = handoversByActivity.get(handover.fromActivity.id) ?? [];
    list.push({
      id: handover.id,
      callType: handover.callType,
      kind: handover.kind,
      target: PROCESS_ENTERED_BY[handover.callType],
    });
    handoversByActivity.set(handover.fromActivity.id, list);
  }
  const keyOfProcess = new Map([...model.processes.values()].map((process) => [process.id, process.key]));
  const activitiesByProcess = new Map<ProcessKey, SnapshotActivity[]>();
  for (const activity of model.activitiesById.values()) {
    const key = keyOfProcess.get(activity.process.id);
    if (!key) continue;
    const list = activitiesByProcess.get(key) ?? [];
    list.push({
      id: activity.id,
      position: activity.position,
      name: activity.name,
      description: activity.description,
      handovers: handoversByActivity.get(activity.id) ?? [],
    });
    activitiesByProcess.set(key, list);
  }
  const processes: SnapshotProcess[] = PROCESS_KEYS.flatMap((key) => {
    const process = model.processes.get(key);
    if (!process) return [];
    return [
      {
        id: process.id,
        key,
        name: process.name,
        purpose: process.purpose,
        activities: (activitiesByProcess.get(key) ?? []).sort(
          (a, b) => a.position - b.position || compareText(a.id, b.id),
        ),
      },
    ];
  });

  // Workflows by number, expanded exactly as the GraphQL Workflow.steps resolver does.
  const workflowNumberById = new Map(workflows.map((workflow) => [workflow.id, workflow.number]));
  const snapshotWorkflows: SnapshotWorkflow[] = [...workflows]
    .sort((a, b) => a.number - b.number)
    .map((workflow) => ({
      id: workflow.id,
      number: workflow.number,
      name: workflow.name,
      trigger: workflow.trigger,
      startProcess: workflow.startProcess,
      // USM: workflows started by a risk are proactive; every other call comes from a customer.
      reactive: workflow.trigger !== 'RISK',
      forkChoices: PROCESS_KEYS.flatMap((process) => {
        const target = workflow.forkChoices[process];
        return target ? [{ process, target }] : [];
      }),
      steps: expandWorkflow(model.expansion, {
        startProcess: workflow.startProcess,
        forkChoices: workflow.forkChoices,
      }).map((step) => ({
        position: step.position,
        depth: step.depth,
        process: step.processKey,
        activityId: step.activityId,
      })),
    }));

  const catalog = (entries: (Role | Tool)[]): SnapshotCatalogEntry[] =>
    entries
      .map((entry) => ({ id: entry.id, name: entry.name, description: entry.description }))
      .sort((a, b) => compareText(a.name, b.name) || compareText(a.id, b.id));
  const snapshotRoles = catalog(roles);
  const roleOrder = new Map(snapshotRoles.map((role, index) => [role.id, index]));
  const roleName = new Map(snapshotRoles.map((role) => [role.id, role.name]));
  const snapshotTools = catalog(tools);
  const toolOrder = new Map(snapshotTools.map((tool, index) => [tool.id, index]));

  const snapshotProcedures: SnapshotProcedure[] = procedures
    .map((procedure) => {
      const of = contents.get(procedure.id)!;
      const steps = [...of.steps].sort((a, b) => a.position - b.position || compareText(a.id, b.id));
      const stepPosition = new Map(steps.map((step) => [step.id, step.position]));
      return {
        id: procedure.id,
        name: procedure.name,
        source:
          procedure.sourceKind === 'PROCESS'
            ? { kind: 'PROCESS' as const, process: procedure.sourceProcessKey! }
            : {
                kind: 'WORKFLOW' as const,
                workflowNumber: workflowNumberById.get(procedure.sourceWorkflow!.id)!,
              },
        steps: steps.map((step) => ({
          id: step.id,
          position: step.position,
          depth: step.depth,
          process: step.processKey,
          activityId: step.activity.id,
          name: step.activityName,
          occurrence: step.occurrence,
          activityDeleted: deletedActivities.has(step.activity.id),
          obsolete: step.obsolete,
          responsibilities: (of.responsibilitiesByStep.get(step.id) ?? [])
            .map((responsibility) => ({
              roleId: responsibility.role.id,
              letters: RACI_LETTERS.filter((letter) => responsibility.raci.includes(letter)).join(''),
            }))
            .filter((responsibility) => responsibility.letters.length > 0)
            .sort((a, b) => byRole(roleOrder, a.roleId, b.roleId)),
        })),
        workInstructions: [...of.instructions]
          .sort(
            (a, b) =>
              (stepPosition.get(a.step.id) ?? 0) - (stepPosition.get(b.step.id) ?? 0) ||
              compareText(roleName.get(a.role.id) ?? '', roleName.get(b.role.id) ?? '') ||
              compareText(a.id, b.id),
          )
          .map((instruction) => ({
            id: instruction.id,
            stepId: instruction.step.id,
            roleId: instruction.role.id,
            toolIds: (of.toolsByInstruction.get(instruction.id) ?? [])
              .map((tool) => tool.id)
              .sort((a, b) => byRole(toolOrder, a, b)),
            text: instruction.text,
            obsolete: instructionIsObsolete(of, instruction),
          })),
      };
    })
    .sort((a, b) => compareText(a.name, b.name) || compareText(a.id, b.id));

  return {
    id: organisation.id,
    name: organisation.name,
    processes,
    workflows: snapshotWorkflows,
    roles: snapshotRoles,
    tools: snapshotTools,
    procedures: snapshotProcedures,
    canvasArrangement: organisation.canvasArrangement
      ? organisation.canvasArrangement.map((column) => [...column])
      : null,
  };
}

/** A fixed collation, so the order does not depend on the server's locale. */
function compareText(a: string, b: string): number {
  return a.localeCompare(b, 'en') || (a < b ? -1 : a > b ? 1 : 0);
}

function compareHandovers(a: Handover, b: Handover): number {
  return (
    HANDOVER_KINDS.indexOf(a.kind) - HANDOVER_KINDS.indexOf(b.kind) ||
    CALL_TYPES.indexOf(a.callType) - CALL_TYPES.indexOf(b.callType) ||
    compareText(a.id, b.id)
  );
}

function byRole(order: ReadonlyMap<string, number>, a: string, b: string): number {
  return (
    (order.get(a) ?? Number.MAX_SAFE_INTEGER) - (order.get(b) ?? Number.MAX_SAFE_INTEGER) || compareText(a, b)
  );
}
