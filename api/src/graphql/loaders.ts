import DataLoader from 'dataloader';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { ExpansionModel } from '../domain/workflow-expansion';
import { PROCESS_ENTERED_BY, PROCESS_KEYS, type ProcessKey } from '../domain/usm';
import { Activity, Handover, Organisation, Process, Role, Tool, Workflow } from '../persistence/entities';

/**
 * Per-request batch loaders: every relation level is one SQL statement however many parents ask
 * (no N+1). Created fresh for each request so nothing is cached across requests or users.
 */
export interface OrganisationModel {
  processes: Map<ProcessKey, Process>;
  activitiesById: Map<string, Activity>;
  expansion: ExpansionModel;
}

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

  return {
    organisation: byId(Organisation),
    process: byId(Process),
    /** Includes tombstones: what refers to a deleted activity can still resolve it. */
    activity: byId(Activity),
    handover: byId(Handover),
    workflow: byId(Workflow),
    role: byId(Role),
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
    /** What workflow expansion needs: processes, live activities and forks, three statements in all. */
    organisationModel: new DataLoader<string, OrganisationModel>(async (ids) => {
      const [processes, activities, forks] = await Promise.all([
        em.find(Process, { organisation: { $in: [...ids] } }),
        em.find(Activity, { organisation: { $in: [...ids] }, deletedAt: null }),
        em.find(Handover, {
          organisation: { $in: [...ids] },
          kind: 'FORK',
          fromActivity: { deletedAt: null },
        }),
      ]);
      return ids.map((id) => buildOrganisationModel(id, processes, activities, forks));
    }),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;

function buildOrganisationModel(
  organisationId: string,
  processes: Process[],
  activities: Activity[],
  forks: Handover[],
): OrganisationModel {
  const ownProcesses = processes.filter((process) => process.organisation.id === organisationId);
  const keyOfProcess = new Map(ownProcesses.map((process) => [process.id, process.key]));
  const activitiesByProcess = new Map<ProcessKey, { id: string; position: number }[]>();
  const activitiesById = new Map<string, Activity>();
  for (const activity of activities) {
    const key = keyOfProcess.get(activity.process.id);
    if (!key) continue;
    activitiesById.set(activity.id, activity);
    const list = activitiesByProcess.get(key) ?? [];
    list.push({ id: activity.id, position: activity.position });
    activitiesByProcess.set(key, list);
  }
  const forkTargetsByActivity = new Map<string, ProcessKey[]>();
  for (const fork of forks) {
    if (!activitiesById.has(fork.fromActivity.id)) continue;
    const targets = forkTargetsByActivity.get(fork.fromActivity.id) ?? [];
    targets.push(PROCESS_ENTERED_BY[fork.callType]);
    forkTargetsByActivity.set(fork.fromActivity.id, targets);
  }
  return {
    processes: new Map(ownProcesses.map((process) => [process.key, process])),
    activitiesById,
    expansion: { activitiesByProcess, forkTargetsByActivity },
  };
}
