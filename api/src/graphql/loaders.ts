import DataLoader from 'dataloader';
import type { EntityManager } from '@mikro-orm/postgresql';
import { PROCESS_KEYS } from '../domain/usm';
import {
  Activity,
  Handover,
  Membership,
  Organisation,
  Procedure,
  ProcedureStep,
  Process,
  Responsibility,
  Role,
  Tool,
  User,
  WorkInstruction,
  Presentation,
  CoverageMapping,
  Workflow,
} from '../persistence/entities';
import { loadProcedureContentRows } from '../services/procedure-content-rows';
import type { ProcedureContents } from '../services/procedure-contents';
import { loadOrganisationModels, type OrganisationModel } from '../services/organisation-model';
import { loadAll } from './load-all';

/**
 * Per-request batch loaders: every relation level is one SQL statement however many parents ask
 * (no N+1). Created fresh for each request so nothing is cached across requests or users.
 */

export function createLoaders(em: EntityManager) {
  const byId = <T extends { id: string }>(entity: new () => T, where: object = {}) =>
    new DataLoader<string, T | null>(async (ids) => {
      const rows = (await em.find(entity as never, { id: { $in: [...ids] }, ...where } as never)) as T[];
      const found = new Map(rows.map((row) => [row.id, row]));
      return ids.map((id) => found.get(id) ?? null);
    });

  const groupedBy = <T, K extends string>(
    load: (keys: string[]) => Promise<T[]>,
    keyOf: (row: T) => K | string,
  ) =>
    new DataLoader<string, T[]>(async (keys) => {
      const groups = new Map<string, T[]>(keys.map((key) => [key, []]));
      for (const row of await load([...keys])) groups.get(keyOf(row))?.push(row);
      return keys.map((key) => groups.get(key)!);
    });

  const processOrder = (process: Process) => PROCESS_KEYS.indexOf(process.key);

  const procedureContents = new DataLoader<string, ProcedureContents>(async (ids) => {
    const contents = await loadProcedureContentRows(em, ids);
    return ids.map((id) => contents.get(id)!);
  });
  const role = byId(Role);
  const activity = byId(Activity);

  /**
   * What the contents of many procedures refer to, loaded once for the whole batch: every procedure of
   * the batch gets the same map (keyed by stored id). One `loadMany` of the distinct ids instead of one
   * per procedure (a whole-model read names the same 500 roles from 70,000 responsibilities).
   */
  const referencedBy = <T extends { id: string }>(
    target: DataLoader<string, T | null>,
    idsOf: (contents: ProcedureContents) => Iterable<string>,
  ) =>
    new DataLoader<string, Map<string, T>>(async (procedureIds) => {
      const ids = new Set<string>();
      for (const contents of await loadAll(procedureContents, procedureIds)) {
        for (const id of idsOf(contents)) ids.add(id);
      }
      const rows = await loadAll(target, [...ids]);
      const map = new Map(rows.map((row) => [row.id, row]));
      return procedureIds.map(() => map);
    });

  return {
    organisation: byId(Organisation),
    process: byId(Process),
    /** Includes tombstones: what refers to a deleted activity can still resolve it. */
    activity,
    handover: byId(Handover),
    workflow: byId(Workflow),
    role,
    tool: byId(Tool),

    processesOfOrganisation: groupedBy(
      async (ids) =>
        (await em.find(Process, { organisation: { $in: ids } })).sort(
          (a, b) => processOrder(a) - processOrder(b),
        ),
      (process) => process.organisation.id,
    ),
    liveActivitiesOfProcess: groupedBy(
      (ids) =>
        em.find(Activity, { process: { $in: ids }, deletedAt: null }, { orderBy: { position: 'asc' } }),
      (activity) => activity.process.id,
    ),
    handoversFromActivity: groupedBy(
      (ids) =>
        em.find(Handover, { fromActivity: { $in: ids } }, { orderBy: { kind: 'asc', callType: 'asc' } }),
      (handover) => handover.fromActivity.id,
    ),
    handoversOfProcess: groupedBy(
      (ids) =>
        em.find(
          Handover,
          { fromActivity: { process: { $in: ids }, deletedAt: null } },
          {
            populate: ['fromActivity'],
            orderBy: { fromActivity: { position: 'asc' }, kind: 'asc', callType: 'asc' },
          },
        ),
      (handover) => handover.fromActivity.process.id,
    ),
    workflowsOfOrganisation: groupedBy(
      (ids) => em.find(Workflow, { organisation: { $in: ids } }, { orderBy: { number: 'asc' } }),
      (workflow) => workflow.organisation.id,
    ),
    rolesOfOrganisation: groupedBy(
      (ids) => em.find(Role, { organisation: { $in: ids } }, { orderBy: { name: 'asc' } }),
      (role) => role.organisation.id,
    ),
    toolsOfOrganisation: groupedBy(
      (ids) => em.find(Tool, { organisation: { $in: ids } }, { orderBy: { name: 'asc' } }),
      (tool) => tool.organisation.id,
    ),
    membership: byId(Membership),
    user: byId(User),
    /** The signed-in user's memberships: one statement per request, for every access check. */
    membershipsOfUser: groupedBy(
      (ids) => em.find(Membership, { user: { $in: ids } }),
      (membership) => membership.user.id,
    ),
    membersOfOrganisation: groupedBy(
      (ids) =>
        em.find(
          Membership,
          { organisation: { $in: ids } },
          { populate: ['user'], orderBy: { createdAt: 'asc' } },
        ),
      (membership) => membership.organisation.id,
    ),
    procedure: byId(Procedure),
    presentation: byId(Presentation),
    /** Live presentations (not ended), oldest first. */
    livePresentationsOfOrganisation: groupedBy(
      (ids) =>
        em.find(
          Presentation,
          { organisation: { $in: ids }, endedAt: null },
          { orderBy: { createdAt: 'asc', id: 'asc' } },
        ),
      (presentation) => presentation.organisation.id,
    ),
    procedureStep: byId(ProcedureStep),
    workInstruction: byId(WorkInstruction),
    coverageMapping: byId(CoverageMapping),
    coverageMappingsOfOrganisation: groupedBy(
      (ids) =>
        em.find(
          CoverageMapping,
          { organisation: { $in: ids } },
          { populate: ['activity', 'workflow'], orderBy: { itemKey: 'asc', createdAt: 'asc', id: 'asc' } },
        ),
      (mapping) => mapping.organisation.id,
    ),
    proceduresOfOrganisation: groupedBy(
      (ids) =>
        em.find(Procedure, { organisation: { $in: ids } }, { orderBy: { createdAt: 'asc', id: 'asc' } }),
      (procedure) => procedure.organisation.id,
    ),
    /** Steps only: what the out-of-date check needs (much cheaper than the full contents). */
    stepsOfProcedure: groupedBy(
      (ids) => em.find(ProcedureStep, { procedure: { $in: ids } }, { orderBy: { position: 'asc' } }),
      (step) => step.procedure.id,
    ),
    /**
     * Steps, responsibilities, work instructions and their tools of many procedures, in four statements,
     * read as rows (no ORM entities: the hot path of whole-model reads; see loadProcedureContentRows).
     */
    procedureContents,
    /** The roles named by a procedure's responsibilities and work instructions. */
    rolesOfProcedure: referencedBy(role, function* (contents) {
      for (const list of contents.responsibilitiesByStep.values()) {
        for (const responsibility of list) yield responsibility.role.id;
      }
      for (const instruction of contents.instructions) yield instruction.role.id;
    }),
    /** The activities of a procedure's steps (deleted ones included). */
    activitiesOfProcedure: referencedBy(activity, function* (contents) {
      for (const step of contents.steps) yield step.activity.id;
    }),
    responsibilitiesOfRole: groupedBy(
      (ids) =>
        em.find(
          Responsibility,
          { role: { $in: ids } },
          { populate: ['step'], orderBy: { step: { procedure: 'asc', position: 'asc' } } },
        ),
      (responsibility) => responsibility.role.id,
    ),
    /**
     * GraphQL objects already built for entities this request loaded (keyed by the entity object, so
     * exactly as fresh as the loaders' own caches): whole-model reads name the same few hundred roles and
     * activities from tens of thousands of steps. See procedure-nodes.ts.
     */
    nodes: new WeakMap<object, object>(),
    /** What workflow expansion and derivation need: processes, live activities and forks. */
    organisationModel: new DataLoader<string, OrganisationModel>(async (ids) => {
      const models = await loadOrganisationModels(em, ids);
      return ids.map((id) => models.get(id)!);
    }),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
