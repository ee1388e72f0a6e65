/**
 * The architecture model the editor works on: one organisation's five processes, their activities and the
 * hand-overs between them, normalised by id. Built from what the API returned (the generated fragment
 * types) and replaced wholesale, never mutated: every change returns a new model, so selectors can compare
 * by reference.
 */
import type {
  ActivityFieldsFragment,
  HandoverFieldsFragment,
  OrganisationModelQuery,
  ProcessFieldsFragment,
} from '../gql/graphql';
import { PROCESS_KEYS, type MemberRole, type ProcessKey } from './usm';

/** The organisation as the API sends it (OrganisationModel query). */
export type OrganisationSnapshot = NonNullable<OrganisationModelQuery['organisation']>;
/** One process with its live activities and their hand-overs, as the API sends it. */
export type ProcessSnapshot = ProcessFieldsFragment;
/** A hand-over as the API sends it, with the activity it starts at. */
export type HandoverSnapshot = HandoverFieldsFragment & { from: { id: string } };

export type ProcessEntry = Pick<ProcessFieldsFragment, 'id' | 'key' | 'name' | 'purpose' | 'version'> & {
  /** Live activities in position order. */
  activityIds: readonly string[];
};

export type ActivityEntry = Pick<
  ActivityFieldsFragment,
  'id' | 'name' | 'description' | 'position' | 'version'
> & {
  processId: string;
  processKey: ProcessKey;
};

export type HandoverEntry = Pick<HandoverFieldsFragment, 'id' | 'callType' | 'kind' | 'version'> & {
  fromActivityId: string;
  targetProcessId: string;
  targetKey: ProcessKey;
};

export interface ArchitectureModel {
  organisationId: string;
  organisationName: string;
  /** The organisation's version: saving the canvas arrangement sends it. */
  organisationVersion: number;
  myRole: MemberRole | null;
  /** The saved arrangement of the process containers; null: the default. */
  arrangement: readonly (readonly ProcessKey[])[] | null;
  /** Process ids in USM order. */
  processIds: readonly string[];
  processIdByKey: Readonly<Record<ProcessKey, string>>;
  processes: Readonly<Record<string, ProcessEntry>>;
  activities: Readonly<Record<string, ActivityEntry>>;
  handovers: Readonly<Record<string, HandoverEntry>>;
}

export function modelFromOrganisation(organisation: OrganisationSnapshot): ArchitectureModel {
  const byKey = new Map(organisation.processes.map((process) => [process.key, process]));
  const ordered = PROCESS_KEYS.map((key) => {
    const process = byKey.get(key);
    if (!process) throw new Error(`The organisation has no ${key} process.`);
    return process;
  });
  let model: ArchitectureModel = {
    organisationId: organisation.id,
    organisationName: organisation.name,
    organisationVersion: organisation.version,
    myRole: organisation.myRole,
    arrangement: organisation.canvasArrangement ?? null,
    processIds: ordered.map((process) => process.id),
    processIdByKey: Object.fromEntries(ordered.map((process) => [process.key, process.id])) as Record<
      ProcessKey,
      string
    >,
    processes: {},
    activities: {},
    handovers: {},
  };
  for (const process of ordered) model = withProcess(model, process);
  return model;
}

/**
 * Replaces one process with what the API answered: its version, its live activities (positions and
 * versions shift when one is inserted, moved or deleted) and the hand-overs starting at them.
 */
export function withProcess(model: ArchitectureModel, snapshot: ProcessSnapshot): ArchitectureModel {
  const previous = model.processes[snapshot.id];
  const activities = { ...model.activities };
  const handovers = { ...model.handovers };
  for (const activityId of previous?.activityIds ?? []) delete activities[activityId];
  for (const handover of Object.values(model.handovers)) {
    if (model.activities[handover.fromActivityId]?.processId === snapshot.id) delete handovers[handover.id];
  }
  const ordered = [...snapshot.activities].sort((a, b) => a.position - b.position);
  for (const activity of ordered) {
    activities[activity.id] = {
      id: activity.id,
      name: activity.name,
      description: activity.description,
      position: activity.position,
      version: activity.version,
      processId: snapshot.id,
      processKey: snapshot.key,
    };
    for (const handover of activity.handovers) {
      handovers[handover.id] = handoverEntry(model, { ...handover, from: { id: activity.id } });
    }
  }
  const process: ProcessEntry = {
    id: snapshot.id,
    key: snapshot.key,
    name: snapshot.name,
    purpose: snapshot.purpose,
    version: snapshot.version,
    activityIds: ordered.map((activity) => activity.id),
  };
  return { ...model, processes: { ...model.processes, [snapshot.id]: process }, activities, handovers };
}

export function withHandover(model: ArchitectureModel, snapshot: HandoverSnapshot): ArchitectureModel {
  return { ...model, handovers: { ...model.handovers, [snapshot.id]: handoverEntry(model, snapshot) } };
}

export function withoutHandover(model: ArchitectureModel, handoverId: string): ArchitectureModel {
  if (!model.handovers[handoverId]) return model;
  const handovers = { ...model.handovers };
  delete handovers[handoverId];
  return { ...model, handovers };
}

function handoverEntry(model: ArchitectureModel, snapshot: HandoverSnapshot): HandoverEntry {
  return {
    id: snapshot.id,
    callType: snapshot.callType,
    kind: snapshot.kind,
    version: snapshot.version,
    fromActivityId: snapshot.from.id,
    targetProcessId: model.processIdByKey[snapshot.target.key] ?? snapshot.target.id,
    targetKey: snapshot.target.key,
  };
}

/** A process's live activities in position order. */
export function activitiesOf(model: ArchitectureModel, processId: string): ActivityEntry[] {
  const process = model.processes[processId];
  if (!process) return [];
  return process.activityIds.flatMap((id) => model.activities[id] ?? []);
}

/** Hand-overs starting at an activity, forks first, then by call type. */
export function handoversFrom(model: ArchitectureModel, activityId: string): HandoverEntry[] {
  return Object.values(model.handovers)
    .filter((handover) => handover.fromActivityId === activityId)
    .sort((a, b) => a.kind.localeCompare(b.kind) || a.callType.localeCompare(b.callType));
}

export interface ActivityMatch {
  activity: ActivityEntry;
  processName: string;
}

/**
 * Activities whose name contains the text (ignoring case and accents), best first: names that start with
 * it, then by process order and position.
 */
export function findActivities(model: ArchitectureModel, text: string, limit = 8): ActivityMatch[] {
  const wanted = fold(text.trim());
  if (!wanted) return [];
  const matches: { match: ActivityMatch; rank: number; order: number }[] = [];
  model.processIds.forEach((processId, processIndex) => {
    const process = model.processes[processId]!;
    for (const activity of activitiesOf(model, processId)) {
      const name = fold(activity.name);
      const at = name.indexOf(wanted);
      if (at < 0) continue;
      matches.push({
        match: { activity, processName: process.name },
        rank: at === 0 ? 0 : 1,
        order: processIndex * 10_000 + activity.position,
      });
    }
  });
  return matches
    .sort((a, b) => a.rank - b.rank || a.order - b.order)
    .slice(0, limit)
    .map(({ match }) => match);
}

function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();
}
