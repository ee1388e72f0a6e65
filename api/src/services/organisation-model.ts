import type { EntityManager } from '@mikro-orm/postgresql';
import type { DerivationModel, SourceActivity } from '../domain/derivation/derive';
import { PROCESS_ENTERED_BY, type ProcessKey } from '../domain/usm';
import { Activity, Handover, Process } from '../persistence/entities';

/**
 * An organisation's process model as workflow expansion and derivation need it: processes, live
 * activities and forks. Loaded for many organisations at once in three statements.
 */
export interface OrganisationModel extends DerivationModel {
  processes: Map<ProcessKey, Process>;
  activitiesById: Map<string, Activity>;
}

export async function loadOrganisationModels(
  em: EntityManager,
  organisationIds: readonly string[],
): Promise<Map<string, OrganisationModel>> {
  const ids = [...organisationIds];
  // One after another: inside a transaction they share one connection, which must not queue queries.
  const processes = await em.find(Process, { organisation: { $in: ids } });
  const activities = await em.find(Activity, { organisation: { $in: ids }, deletedAt: null });
  const forks = await em.find(Handover, {
    organisation: { $in: ids },
    kind: 'FORK',
    fromActivity: { deletedAt: null },
  });
  return new Map(ids.map((id) => [id, buildOrganisationModel(id, processes, activities, forks)]));
}

export async function loadOrganisationModel(
  em: EntityManager,
  organisationId: string,
): Promise<OrganisationModel> {
  return (await loadOrganisationModels(em, [organisationId])).get(organisationId)!;
}

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
  const sourceActivities = new Map<string, SourceActivity>();
  for (const activity of activities) {
    const processKey = keyOfProcess.get(activity.process.id);
    if (!processKey) continue;
    activitiesById.set(activity.id, activity);
    sourceActivities.set(activity.id, { id: activity.id, name: activity.name, processKey });
    const list = activitiesByProcess.get(processKey) ?? [];
    list.push({ id: activity.id, position: activity.position });
    activitiesByProcess.set(processKey, list);
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
    activities: sourceActivities,
    expansion: { activitiesByProcess, forkTargetsByActivity },
  };
}
