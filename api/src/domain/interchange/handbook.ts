/**
 * The procedure handbook: what staff read. For the whole organisation, one procedure or one role, it gives
 * the process overview (the five processes with their purpose and activities, and the workflows), then per
 * procedure its steps in order (process, fork depth as indentation) with the responsibilities on each, a RACI
 * matrix (steps × roles) and the work instructions (role, tools, text).
 *
 * This file builds the outline; handbook-markdown.ts and handbook-html.ts render it (the HTML self-contained
 * and printable, every text escaped, instruction Markdown through the safe subset in markdown.ts). Pure and
 * deterministic: the same snapshot and selection give the same bytes.
 */
import { NotFoundError } from '../errors';
import type { CallType, ProcessKey } from '../usm';
import { indexSnapshot, type OrganisationSnapshot, type SnapshotProcedure } from './snapshot';

export type HandbookSelection =
  | { kind: 'ORGANISATION' }
  | { kind: 'PROCEDURE'; procedureId: string }
  /** Only the steps the role holds letters on, and only its work instructions. */
  | { kind: 'ROLE'; roleId: string };

export const CALL_TYPE_LABELS: Readonly<Record<CallType, string>> = {
  WISH: 'wish',
  RFC: 'request for change',
  INCIDENT: 'incident',
  SERVICE_REQUEST: 'service request',
  RISK: 'risk',
};

interface OutlineStep {
  position: number;
  processName: string;
  depth: number;
  name: string;
  obsolete: boolean;
  /** In role order; letters in R, A, C, I order. */
  responsibilities: { roleId: string; roleName: string; letters: string }[];
}

interface OutlineInstruction {
  stepPosition: number;
  stepName: string;
  roleName: string;
  tools: string[];
  text: string;
  obsolete: boolean;
}

interface OutlineProcedure {
  id: string;
  name: string;
  source: string;
  steps: OutlineStep[];
  /** The matrix columns: every role holding a letter on a listed step, in role order. */
  roles: { id: string; name: string }[];
  instructions: OutlineInstruction[];
}

export interface HandbookOutline {
  title: string;
  scope: string;
  processes: {
    key: ProcessKey;
    name: string;
    purpose: string;
    activities: { position: number; name: string; description: string }[];
  }[];
  workflows: {
    number: number;
    name: string;
    trigger: string;
    startProcess: string;
    reactive: boolean;
    steps: number;
  }[];
  procedures: OutlineProcedure[];
}

/** What both renderings show, in order. Throws NotFoundError for an unknown procedure or role. */
export function handbookOutline(
  snapshot: OrganisationSnapshot,
  selection: HandbookSelection,
): HandbookOutline {
  const index = indexSnapshot(snapshot);
  const processName = (key: ProcessKey) => index.processes.get(key)?.name ?? key;
  const roleOrder = new Map(snapshot.roles.map((role, position) => [role.id, position]));
  const roleName = (id: string) => index.roles.get(id)?.name ?? 'Unknown role';

  let procedures: SnapshotProcedure[];
  let scope: string;
  let title = `Procedure handbook: ${snapshot.name}`;
  let onlyRole: string | null = null;
  if (selection.kind === 'PROCEDURE') {
    const procedure = snapshot.procedures.find((candidate) => candidate.id === selection.procedureId);
    if (!procedure) throw new NotFoundError('Procedure', selection.procedureId);
    procedures = [procedure];
    title = `Procedure handbook: ${procedure.name}`;
    scope = `The procedure ${procedure.name} of ${snapshot.name}.`;
  } else if (selection.kind === 'ROLE') {
    const role = index.roles.get(selection.roleId);
    if (!role) throw new NotFoundError('Role', selection.roleId);
    onlyRole = role.id;
    procedures = snapshot.procedures.filter((procedure) =>
      procedure.steps.some((step) => step.responsibilities.some((r) => r.roleId === role.id)),
    );
    title = `Procedure handbook for the role ${role.name}`;
    scope = `The steps the role ${role.name} of ${snapshot.name} holds responsibilities on, and its work instructions.`;
  } else {
    procedures = snapshot.procedures;
    scope = `Every procedure of ${snapshot.name}.`;
  }

  const outlineProcedure = (procedure: SnapshotProcedure): OutlineProcedure => {
    const steps = procedure.steps.filter(
      (step) => onlyRole === null || step.responsibilities.some((r) => r.roleId === onlyRole),
    );
    const listed = new Set(steps.map((step) => step.id));
    const roleIds = new Set(steps.flatMap((step) => step.responsibilities.map((r) => r.roleId)));
    const stepById = new Map(procedure.steps.map((step) => [step.id, step]));
    const workflow =
      procedure.source.kind === 'WORKFLOW' ? index.workflows.get(procedure.source.workflowNumber) : undefined;
    return {
      id: procedure.id,
      name: procedure.name,
      source:
        procedure.source.kind === 'PROCESS'
          ? `Derived from the ${processName(procedure.source.process)} process.`
          : `Derived from workflow ${procedure.source.workflowNumber}${workflow ? ` (${workflow.name})` : ''}.`,
      steps: steps.map((step) => ({
        position: step.position,
        processName: processName(step.process),
        depth: step.depth,
        name: step.name,
        obsolete: step.obsolete,
        responsibilities: step.responsibilities.map((r) => ({
          roleId: r.roleId,
          roleName: roleName(r.roleId),
          letters: r.letters,
        })),
      })),
      roles: [...roleIds]
        .sort((a, b) => (roleOrder.get(a) ?? 0) - (roleOrder.get(b) ?? 0))
        .map((id) => ({ id, name: roleName(id) })),
      instructions: procedure.workInstructions
        .filter((wi) => listed.has(wi.stepId) && (onlyRole === null || wi.roleId === onlyRole))
        .map((wi) => ({
          stepPosition: stepById.get(wi.stepId)?.position ?? 0,
          stepName: stepById.get(wi.stepId)?.name ?? '',
          roleName: roleName(wi.roleId),
          tools: wi.toolIds.map((id) => index.tools.get(id)?.name ?? 'Unknown tool'),
          text: wi.text,
          obsolete: wi.obsolete,
        })),
    };
  };

  return {
    title,
    scope,
    processes: snapshot.processes.map((process) => ({
      key: process.key,
      name: process.name,
      purpose: process.purpose,
      activities: process.activities.map((activity) => ({
        position: activity.position,
        name: activity.name,
        description: activity.description,
      })),
    })),
    workflows: snapshot.workflows.map((workflow) => ({
      number: workflow.number,
      name: workflow.name,
      trigger: CALL_TYPE_LABELS[workflow.trigger],
      startProcess: processName(workflow.startProcess),
      reactive: workflow.reactive,
      steps: workflow.steps.length,
    })),
    procedures: procedures.map(outlineProcedure),
  };
}
