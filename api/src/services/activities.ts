import { LockMode, type EntityManager } from '@mikro-orm/postgresql';
import { planInsert, planMove, planRemove, type Positioned } from '../domain/positions';
import { validDescription, validName } from '../domain/validation';
import { Activity, Handover, Process } from '../persistence/entities';
import { liveActivityOrFail, lookupOrFail } from './lookup';
import { assertVersion, inTransaction, touch } from './transaction';

/**
 * Activities are kept 1-based and contiguous per process. Every change of order (insert, move, delete)
 * bumps the process's version, so two concurrent reorders of one process cannot both commit: the
 * second fails its optimistic check and answers CONFLICT instead of leaving a gap or a duplicate.
 * Siblings whose position shifts get a new version too: a client holding their old position is stale.
 */
export interface CreateActivityInput {
  processId: string;
  name: string;
  description?: string | null;
  /** 1..n+1; absent appends. */
  position?: number | null;
}

export function createActivity(em: EntityManager, input: CreateActivityInput): Promise<Activity> {
  const name = validName(input.name, 'input.name', 'activity name');
  const description = validDescription(input.description, 'input.description');
  return inTransaction(em, async (tx) => {
    const process = await lookupOrFail(tx, Process, input.processId, { lock: true });
    const siblings = await liveActivitiesOf(tx, process);
    const position = input.position ?? siblings.length + 1;
    applyPositions(siblings, planInsert(siblings, position, process.name));
    touch(process);
    return tx.create(Activity, { organisation: process.organisation, process, name, description, position });
  });
}

export interface UpdateActivityInput {
  id: string;
  version: number;
  name?: string | null;
  description?: string | null;
  position?: number | null;
}

export function updateActivity(em: EntityManager, input: UpdateActivityInput): Promise<Activity> {
  const name = input.name == null ? undefined : validName(input.name, 'input.name', 'activity name');
  const description =
    input.description == null ? undefined : validDescription(input.description, 'input.description');
  const moving = input.position != null;
  return inTransaction(em, async (tx) => {
    // A move shifts siblings: lock the process first (as every reorder does), then the activity, so
    // concurrent reorders of one process queue up instead of deadlocking on each other's rows.
    if (moving) await lockProcessOf(tx, input.id);
    const activity = await liveActivityOrFail(tx, input.id, { lock: true });
    assertVersion(activity, input.version, 'activity');
    if (name !== undefined) activity.name = name;
    if (description !== undefined) activity.description = description;
    if (moving && input.position !== activity.position) {
      const process = activity.process;
      const siblings = await liveActivitiesOf(tx, process);
      applyPositions(siblings, planMove(siblings, activity.id, input.position!, process.name));
      touch(process);
    }
    return activity;
  });
}

/**
 * Deleting keeps the activity as a tombstone (what was derived from it can still resolve it), closes the
 * gap in the order and removes the hand-overs that started at it.
 */
export function deleteActivity(em: EntityManager, input: { id: string; version: number }): Promise<boolean> {
  return inTransaction(em, async (tx) => {
    await lockProcessOf(tx, input.id);
    const activity = await liveActivityOrFail(tx, input.id, { lock: true });
    assertVersion(activity, input.version, 'activity');
    const process = activity.process;
    const siblings = await liveActivitiesOf(tx, process);
    applyPositions(siblings, planRemove(siblings, activity.id));
    activity.deletedAt = new Date();
    touch(process);
    await tx.nativeDelete(Handover, { fromActivity: activity });
    return true;
  });
}

/** Locks the process of an activity (when both exist); NOT_FOUND is left to the activity's own lookup. */
async function lockProcessOf(em: EntityManager, activityId: string): Promise<void> {
  // A plain row read: loading a partial Activity entity here would shadow the locked read that follows.
  const row = await em.qb(Activity).select(['process']).where({ id: activityId }).execute('get');
  const processId = (row as unknown as { process?: string } | undefined)?.process;
  if (processId) await em.findOne(Process, { id: processId }, { lockMode: LockMode.PESSIMISTIC_WRITE });
}

function liveActivitiesOf(em: EntityManager, process: Process): Promise<Activity[]> {
  return em.find(Activity, { process, deletedAt: null }, { orderBy: { position: 'asc' } });
}

function applyPositions(activities: Activity[], plan: Positioned[]): void {
  const byId = new Map(activities.map((activity) => [activity.id, activity]));
  for (const { id, position } of plan) byId.get(id)!.position = position;
}
