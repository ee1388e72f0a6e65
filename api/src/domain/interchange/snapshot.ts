/**
 * One organisation's whole model as plain data: what every export (handbook, BPMN, USM-WIF, model JSON) is
 * written from, and what an import is checked against. Read once by the service layer
 * (services/interchange/read-snapshot.ts); no ORM types, so the writers are pure functions, tested alone.
 *
 * Ids are the stored ids (uuids); writers that publish ids use them as they are or map them.
 */
import type { CallType, HandoverKind, ProcessKey } from '../usm';

export interface SnapshotHandover {
  id: string;
  callType: CallType;
  kind: HandoverKind;
  /** The process the call enters (follows from the call type). */
  target: ProcessKey;
}

export interface SnapshotActivity {
  id: string;
  /** 1-based, contiguous within the process. */
  position: number;
  name: string;
  description: string;
  handovers: SnapshotHandover[];
}

export interface SnapshotProcess {
  id: string;
  key: ProcessKey;
  name: string;
  purpose: string;
  activities: SnapshotActivity[];
}

export interface SnapshotWorkflowStep {
  /** 1-based over the whole expanded path. */
  position: number;
  /** 0 in the initiating process, +1 for each fork followed. */
  depth: number;
  process: ProcessKey;
  activityId: string;
}

export interface SnapshotWorkflow {
  id: string;
  number: number;
  name: string;
  trigger: CallType;
  startProcess: ProcessKey;
  reactive: boolean;
  /** Which process each forking process calls on this workflow's path (as stored). */
  forkChoices: { process: ProcessKey; target: ProcessKey }[];
  /** The expansion (computed, never stored). */
  steps: SnapshotWorkflowStep[];
}

export interface SnapshotCatalogEntry {
  id: string;
  name: string;
  description: string;
}

export interface SnapshotResponsibility {
  roleId: string;
  /** Some of 'R', 'A', 'C', 'I', in that order. */
  letters: string;
}

export interface SnapshotProcedureStep {
  id: string;
  position: number;
  depth: number;
  process: ProcessKey;
  activityId: string;
  /** The step's name as derived (the activity's name when derived). */
  name: string;
  /** Which visit of its activity on the path this step is (1 unless a workflow passes the activity twice). */
  occurrence: number;
  /** The step's activity was deleted since (the step is then obsolete; `name` keeps what it was called). */
  activityDeleted: boolean;
  obsolete: boolean;
  responsibilities: SnapshotResponsibility[];
}

export interface SnapshotWorkInstruction {
  id: string;
  stepId: string;
  roleId: string;
  toolIds: string[];
  /** Markdown. */
  text: string;
  obsolete: boolean;
}

export interface SnapshotProcedure {
  id: string;
  name: string;
  source: { kind: 'PROCESS'; process: ProcessKey } | { kind: 'WORKFLOW'; workflowNumber: number };
  steps: SnapshotProcedureStep[];
  workInstructions: SnapshotWorkInstruction[];
}

export interface OrganisationSnapshot {
  id: string;
  name: string;
  /** Processes in USM order (Agree, Change, Recover, Operate, Improve). */
  processes: SnapshotProcess[];
  /** By number. */
  workflows: SnapshotWorkflow[];
  roles: SnapshotCatalogEntry[];
  tools: SnapshotCatalogEntry[];
  procedures: SnapshotProcedure[];
  /** The studio's arrangement of the process containers; null: the default. */
  canvasArrangement: ProcessKey[][] | null;
}

/** Lookups every writer needs. */
/** Lookups by id and key over a snapshot. */
export type SnapshotIndex = ReturnType<typeof indexSnapshot>;

export function indexSnapshot(snapshot: OrganisationSnapshot) {
  const activities = new Map<string, SnapshotActivity & { process: ProcessKey }>();
  for (const process of snapshot.processes) {
    for (const activity of process.activities)
      activities.set(activity.id, { ...activity, process: process.key });
  }
  return {
    activities,
    processes: new Map(snapshot.processes.map((process) => [process.key, process])),
    roles: new Map(snapshot.roles.map((role) => [role.id, role])),
    tools: new Map(snapshot.tools.map((tool) => [tool.id, tool])),
    workflows: new Map(snapshot.workflows.map((workflow) => [workflow.number, workflow])),
  };
}
