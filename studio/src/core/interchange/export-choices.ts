/**
 * The export panel's rules: what can be exported (handbook, BPMN, USM-WIF, whole model), which selection
 * each accepts — the same rules as the API's `ExportInput` (a handbook of the whole organisation, one
 * procedure or one role; BPMN of a process, a workflow or a procedure; WIF of a workflow or a procedure;
 * the model JSON of the whole organisation) — and the input to send, or what is still missing.
 */
import type { ExportFormat, ExportInput } from '../../gql/graphql';
import type { ProcessKey } from '../usm';

export type ExportKind = 'handbook' | 'bpmn' | 'wif' | 'model';
export type HandbookFormat = 'HTML' | 'MARKDOWN';
export type ExportScope = 'organisation' | 'procedure' | 'role' | 'process' | 'workflow';

export const EXPORT_KINDS: readonly ExportKind[] = ['handbook', 'bpmn', 'wif', 'model'];

export const EXPORT_KIND_LABELS: Readonly<Record<ExportKind, string>> = {
  handbook: 'Handbook',
  bpmn: 'BPMN 2.0',
  wif: 'USM-WIF',
  model: 'Whole model (JSON)',
};

export const EXPORT_KIND_HINTS: Readonly<Record<ExportKind, string>> = {
  handbook: 'The procedures with their steps, RACI matrix and work instructions, to read or print.',
  bpmn: 'BPMN 2.0 XML with its diagram, for modelling tools such as Camunda Modeler.',
  wif: 'The USM Workflow Interchange Format, for USM tooling.',
  model: 'Everything in this organisation, to import into another organisation or installation.',
};

/** The selections each kind accepts, the first being the default. */
export const SCOPES: Readonly<Record<ExportKind, readonly ExportScope[]>> = {
  handbook: ['organisation', 'procedure', 'role'],
  bpmn: ['workflow', 'process', 'procedure'],
  wif: ['workflow', 'procedure'],
  model: ['organisation'],
};

export const SCOPE_LABELS: Readonly<Record<ExportScope, string>> = {
  organisation: 'The whole organisation',
  procedure: 'One procedure',
  role: 'One role',
  process: 'One process',
  workflow: 'One workflow',
};

export interface ExportChoice {
  kind: ExportKind;
  handbookFormat: HandbookFormat;
  scope: ExportScope;
  procedureId: string | null;
  roleId: string | null;
  processKey: ProcessKey | null;
  workflowNumber: number | null;
}

export const INITIAL_CHOICE: ExportChoice = {
  kind: 'handbook',
  handbookFormat: 'HTML',
  scope: 'organisation',
  procedureId: null,
  roleId: null,
  processKey: null,
  workflowNumber: null,
};

/** Changes the kind, keeping the scope when the new kind accepts it (else its default). */
export function withKind(choice: ExportChoice, kind: ExportKind): ExportChoice {
  return { ...choice, kind, scope: SCOPES[kind].includes(choice.scope) ? choice.scope : SCOPES[kind][0]! };
}

export function formatOf(choice: ExportChoice): ExportFormat {
  switch (choice.kind) {
    case 'handbook':
      return choice.handbookFormat === 'HTML' ? 'HANDBOOK_HTML' : 'HANDBOOK_MARKDOWN';
    case 'bpmn':
      return 'BPMN';
    case 'wif':
      return 'WIF';
    case 'model':
      return 'MODEL_JSON';
  }
}

export type ExportRequestResult = { input: ExportInput } | { problem: string };

/** The API input for the choice, or what the user still has to choose. */
export function exportRequest(organisationId: string, choice: ExportChoice): ExportRequestResult {
  const scope = SCOPES[choice.kind].includes(choice.scope) ? choice.scope : SCOPES[choice.kind][0]!;
  const input: ExportInput = { organisationId, format: formatOf(choice) };
  switch (scope) {
    case 'organisation':
      return { input };
    case 'procedure':
      return choice.procedureId
        ? { input: { ...input, procedureId: choice.procedureId } }
        : { problem: 'Choose a procedure.' };
    case 'role':
      return choice.roleId ? { input: { ...input, roleId: choice.roleId } } : { problem: 'Choose a role.' };
    case 'process':
      return choice.processKey
        ? { input: { ...input, processKey: choice.processKey } }
        : { problem: 'Choose a process.' };
    case 'workflow':
      return choice.workflowNumber != null && choice.workflowNumber >= 1 && choice.workflowNumber <= 8
        ? { input: { ...input, workflowNumber: choice.workflowNumber } }
        : { problem: 'Choose a workflow.' };
  }
}

/** The export of one procedure's handbook (the procedure page's "Download handbook"). */
export function procedureHandbookRequest(organisationId: string, procedureId: string): ExportInput {
  return { organisationId, format: 'HANDBOOK_HTML', procedureId };
}

/** The API accepts requests up to 1 MB: larger files go through the command line. */
export const MAX_IMPORT_BYTES = 1_000_000;

/** Why a file cannot be imported from the browser, or null when it can. */
export function importSizeProblem(bytes: number, kind: 'model' | 'wif'): string | null {
  if (bytes === 0) return 'The file is empty.';
  if (bytes <= MAX_IMPORT_BYTES) return null;
  const size = `${(bytes / 1_000_000).toFixed(1)} MB`;
  return kind === 'model'
    ? `The file is ${size}; the studio sends at most 1 MB. Import it on the server with ` +
        '`pnpm usm import --file <model.json>` instead.'
    : `The file is ${size}; the studio sends at most 1 MB. A USM-WIF file of a single procedure is much ` +
        'smaller: check that this is the right file.';
}

/** A JSON path and message, as the API lists the problems of a refused document. */
export interface DocumentProblem {
  path: string;
  message: string;
}

/** The problems an API error carries in `extensions.problems` (nothing when it carries none). */
export function documentProblems(extensions: unknown): DocumentProblem[] {
  const problems = (extensions as { problems?: unknown } | null | undefined)?.problems;
  if (!Array.isArray(problems)) return [];
  return problems.flatMap((problem: unknown) => {
    const { path, message } = (problem ?? {}) as { path?: unknown; message?: unknown };
    return typeof message === 'string' ? [{ path: typeof path === 'string' ? path : '$', message }] : [];
  });
}
