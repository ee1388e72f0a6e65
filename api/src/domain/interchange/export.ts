/**
 * One export request → one file: which writer, for what selection, under which file name and media type.
 * The selection rules live here so the API, the CLI and the studio ask for exports the same way.
 */
import { BadUserInputError } from '../errors';
import type { ProcessKey } from '../usm';
import { bpmnXml } from './bpmn';
import { type HandbookSelection } from './handbook';
import { handbookHtml } from './handbook-html';
import { handbookMarkdown } from './handbook-markdown';
import { toModelDocument } from './model-document';
import type { OrganisationSnapshot } from './snapshot';
import { procedureWif, serialiseWif, wifFileName, workflowTemplateWif } from './wif';

export const EXPORT_FORMATS = ['HANDBOOK_HTML', 'HANDBOOK_MARKDOWN', 'BPMN', 'WIF', 'MODEL_JSON'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** What to export: nothing (the whole organisation) or exactly one of these, as each format allows. */
export interface ExportRequest {
  format: ExportFormat;
  procedureId?: string | null;
  workflowNumber?: number | null;
  processKey?: ProcessKey | null;
  roleId?: string | null;
}

export interface ExportedFile {
  fileName: string;
  mediaType: string;
  content: string;
}

type Selected = 'procedure' | 'workflow' | 'process' | 'role' | 'organisation';

/** Which selections each format accepts ('organisation' = none given). */
const ACCEPTS: Readonly<Record<ExportFormat, readonly Selected[]>> = {
  HANDBOOK_HTML: ['organisation', 'procedure', 'role'],
  HANDBOOK_MARKDOWN: ['organisation', 'procedure', 'role'],
  BPMN: ['process', 'workflow', 'procedure'],
  WIF: ['workflow', 'procedure'],
  MODEL_JSON: ['organisation'],
};

const FIELDS: Readonly<Record<Exclude<Selected, 'organisation'>, string>> = {
  procedure: 'procedureId',
  workflow: 'workflowNumber',
  process: 'processKey',
  role: 'roleId',
};

export function exportFile(snapshot: OrganisationSnapshot, request: ExportRequest): ExportedFile {
  const selected = selectionOf(request);
  const accepted = ACCEPTS[request.format];
  if (!accepted.includes(selected)) {
    const options = accepted.map((choice) =>
      choice === 'organisation' ? 'nothing (the whole organisation)' : FIELDS[choice],
    );
    throw new BadUserInputError(
      `A ${request.format} export takes ${options.join(' or ')}.`,
      selected === 'organisation' ? 'input' : `input.${FIELDS[selected]}`,
    );
  }
  requireKnown(snapshot, request, selected);
  const base = slug(snapshot.name);
  switch (request.format) {
    case 'HANDBOOK_HTML':
    case 'HANDBOOK_MARKDOWN': {
      const selection: HandbookSelection =
        selected === 'procedure'
          ? { kind: 'PROCEDURE', procedureId: request.procedureId! }
          : selected === 'role'
            ? { kind: 'ROLE', roleId: request.roleId! }
            : { kind: 'ORGANISATION' };
      const html = request.format === 'HANDBOOK_HTML';
      return {
        fileName: `${base}-${suffix(snapshot, request, selected)}handbook.${html ? 'html' : 'md'}`,
        mediaType: html ? 'text/html; charset=utf-8' : 'text/markdown; charset=utf-8',
        content: html ? handbookHtml(snapshot, selection) : handbookMarkdown(snapshot, selection),
      };
    }
    case 'BPMN': {
      const content =
        selected === 'process'
          ? bpmnXml(snapshot, { kind: 'PROCESS', process: request.processKey! })
          : selected === 'workflow'
            ? bpmnXml(snapshot, { kind: 'WORKFLOW', workflowNumber: request.workflowNumber! })
            : bpmnXml(snapshot, { kind: 'PROCEDURE', procedureId: request.procedureId! });
      return {
        fileName: `${base}-${suffix(snapshot, request, selected)}bpmn`.replace(/-bpmn$/, '.bpmn'),
        mediaType: 'application/xml; charset=utf-8',
        content,
      };
    }
    case 'WIF': {
      const document =
        selected === 'workflow'
          ? workflowTemplateWif(snapshot, request.workflowNumber!)
          : procedureWif(snapshot, request.procedureId!);
      return {
        fileName: wifFileName(document),
        mediaType: 'application/json',
        content: serialiseWif(document),
      };
    }
    case 'MODEL_JSON':
      return {
        fileName: `${base}.usm-model.json`,
        mediaType: 'application/json',
        content: `${JSON.stringify(toModelDocument(snapshot), null, 2)}\n`,
      };
  }
}

function selectionOf(request: ExportRequest): Selected {
  const given = (Object.keys(FIELDS) as (keyof typeof FIELDS)[]).filter((choice) => {
    const value = request[FIELDS[choice] as keyof ExportRequest];
    return value !== null && value !== undefined;
  });
  if (given.length > 1) {
    throw new BadUserInputError(
      `Choose one of ${given.map((choice) => FIELDS[choice]).join(' and ')}, not both.`,
      `input.${FIELDS[given[1]!]}`,
    );
  }
  return given[0] ?? 'organisation';
}

function requireKnown(snapshot: OrganisationSnapshot, request: ExportRequest, selected: Selected): void {
  const found =
    selected === 'procedure'
      ? snapshot.procedures.some((procedure) => procedure.id === request.procedureId)
      : selected === 'role'
        ? snapshot.roles.some((role) => role.id === request.roleId)
        : selected === 'workflow'
          ? snapshot.workflows.some((workflow) => workflow.number === request.workflowNumber)
          : true;
  if (!found) {
    throw new BadUserInputError(
      `The organisation has no such ${selected}.`,
      `input.${FIELDS[selected as keyof typeof FIELDS]}`,
    );
  }
}

function suffix(snapshot: OrganisationSnapshot, request: ExportRequest, selected: Selected): string {
  switch (selected) {
    case 'procedure':
      return `${slug(snapshot.procedures.find((procedure) => procedure.id === request.procedureId)!.name)}-`;
    case 'role':
      return `${slug(snapshot.roles.find((role) => role.id === request.roleId)!.name)}-`;
    case 'workflow':
      return `workflow-${request.workflowNumber}-`;
    case 'process':
      return `${request.processKey!.toLowerCase()}-`;
    case 'organisation':
      return '';
  }
}

function slug(text: string): string {
  return (
    text
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '')
      .slice(0, 60) || 'organisation'
  );
}
