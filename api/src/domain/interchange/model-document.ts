/**
 * The whole-model JSON document: one organisation's model (processes, workflows, roles, tools, procedures,
 * work instructions, canvas arrangement) as a versioned, self-contained file that another organisation or
 * installation can import. Its JSON Schema is published as schema/model-document.schema.json.
 *
 * Ids inside the document only link its parts (a step to its activity, a letter to its role …); an import
 * creates new ids. So export → import → export gives the same bytes apart from the ids.
 */
import type { CallType, HandoverKind, ProcessKey } from '../usm';
import type { OrganisationSnapshot } from './snapshot';

export const MODEL_DOCUMENT_FORMAT = 'usm-studio-model';
export const MODEL_DOCUMENT_VERSION = 1;

export interface ModelDocument {
  format: typeof MODEL_DOCUMENT_FORMAT;
  formatVersion: typeof MODEL_DOCUMENT_VERSION;
  organisation: { name: string; canvasArrangement: ProcessKey[][] | null };
  /** The five processes in USM order; activities in position order. */
  processes: {
    key: ProcessKey;
    name: string;
    purpose: string;
    activities: {
      id: string;
      name: string;
      description: string;
      handovers: { callType: CallType; kind: HandoverKind }[];
    }[];
  }[];
  workflows: {
    number: number;
    name: string;
    trigger: CallType;
    startProcess: ProcessKey;
    forkChoices: { process: ProcessKey; target: ProcessKey }[];
  }[];
  roles: DocumentCatalogEntry[];
  tools: DocumentCatalogEntry[];
  procedures: DocumentProcedure[];
}

export interface DocumentCatalogEntry {
  id: string;
  name: string;
  description: string;
}

export interface DocumentProcedure {
  id: string;
  name: string;
  source: { kind: 'PROCESS'; process: ProcessKey } | { kind: 'WORKFLOW'; workflowNumber: number };
  steps: DocumentStep[];
  workInstructions: { stepId: string; roleId: string; toolIds: string[]; text: string }[];
}

export interface DocumentStep {
  id: string;
  /** A live activity of `processes`, or null when the step's activity was deleted (then obsolete). */
  activityId: string | null;
  process: ProcessKey;
  name: string;
  depth: number;
  occurrence: number;
  obsolete: boolean;
  responsibilities: { roleId: string; letters: string }[];
}

/** The document of a snapshot: deterministic (the snapshot's order), pretty-printed by the caller. */
export function toModelDocument(snapshot: OrganisationSnapshot): ModelDocument {
  return {
    format: MODEL_DOCUMENT_FORMAT,
    formatVersion: MODEL_DOCUMENT_VERSION,
    organisation: { name: snapshot.name, canvasArrangement: snapshot.canvasArrangement },
    processes: snapshot.processes.map((process) => ({
      key: process.key,
      name: process.name,
      purpose: process.purpose,
      activities: process.activities.map((activity) => ({
        id: activity.id,
        name: activity.name,
        description: activity.description,
        handovers: activity.handovers.map((handover) => ({
          callType: handover.callType,
          kind: handover.kind,
        })),
      })),
    })),
    workflows: snapshot.workflows.map((workflow) => ({
      number: workflow.number,
      name: workflow.name,
      trigger: workflow.trigger,
      startProcess: workflow.startProcess,
      forkChoices: workflow.forkChoices.map((choice) => ({ process: choice.process, target: choice.target })),
    })),
    roles: snapshot.roles.map(({ id, name, description }) => ({ id, name, description })),
    tools: snapshot.tools.map(({ id, name, description }) => ({ id, name, description })),
    procedures: snapshot.procedures.map((procedure) => ({
      id: procedure.id,
      name: procedure.name,
      source: procedure.source,
      steps: procedure.steps.map((step) => ({
        id: step.id,
        activityId: step.activityDeleted ? null : step.activityId,
        process: step.process,
        name: step.name,
        depth: step.depth,
        occurrence: step.occurrence,
        obsolete: step.obsolete,
        responsibilities: step.responsibilities.map(({ roleId, letters }) => ({ roleId, letters })),
      })),
      workInstructions: procedure.workInstructions.map((instruction) => ({
        stepId: instruction.stepId,
        roleId: instruction.roleId,
        toolIds: [...instruction.toolIds],
        text: instruction.text,
      })),
    })),
  };
}

/** The document with every id replaced by its place ('activity-3-2', 'role-1' …): for comparing exports. */
export function withoutIds(document: ModelDocument): ModelDocument {
  const names = new Map<string, string>();
  document.processes.forEach((process) =>
    process.activities.forEach((activity, index) =>
      names.set(activity.id, `activity-${process.key}-${index + 1}`),
    ),
  );
  document.roles.forEach((role, index) => names.set(role.id, `role-${index + 1}`));
  document.tools.forEach((tool, index) => names.set(tool.id, `tool-${index + 1}`));
  document.procedures.forEach((procedure, p) => {
    names.set(procedure.id, `procedure-${p + 1}`);
    procedure.steps.forEach((step, s) => names.set(step.id, `step-${p + 1}-${s + 1}`));
  });
  // Ids are uuids: no name or text is mistaken for one.
  return JSON.parse(
    JSON.stringify(document, (_key, value) =>
      typeof value === 'string' && names.has(value) ? names.get(value) : value,
    ),
  ) as ModelDocument;
}
