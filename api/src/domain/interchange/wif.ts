/**
 * USM Workflow Interchange Format (USM-WIF 1.0.0, reference §7): export of a workflow (as a workflow template)
 * or a procedure (as a workflow), and the checks an import needs (parse, then match to the organisation).
 *
 * Members follow the format: `format-version`, `source-system-type`, `process`, `dynamicity`, `context`,
 * `slug`, `name`, `description`, `type`, `profiles` (id, name), `steps` (id, sort-index, name, description,
 * process, activities), activities (id, sort-index, name, description, responsibilities: profile id → list of
 * "R" | "A" | "C" | "I"). Profiles are the organisation's roles, by their id.
 *
 * One WIF step per expanded process segment: a run of consecutive steps in the same process at the same
 * depth (workflow 3 gives Recover, Change, Operate, Change, Recover). What the format has no place for is
 * written as extra members, which readers that do not know them must ignore (the format's must-ignore policy):
 * - document: `x-usm-trigger` (call type), `x-usm-reactive`, `x-usm-workflow-number` (templates),
 *   `x-usm-fork-choices` ({ process: target process }), `x-usm-source` (procedures: { kind, process |
 *   workflow-number });
 * - step: `x-usm-depth` (0 in the starting process, +1 per fork followed), `x-usm-resumes` (true when the
 *   segment continues a process after a called one returned);
 * - activity: `x-usm-position` (1-based over the whole path), `x-usm-forks` (the calls made after it: call
 *   type, process and the id of the WIF step it calls), `x-usm-spawns` (new independent calls it may raise:
 *   call type, process), `x-usm-work-instructions` (HOW, procedures only: profile, tools as { id, name }, text).
 * Call types are written in kebab-case: wish, rfc, incident, service-request, risk.
 *
 * Procedures: obsolete steps are left out (they are no longer part of the work).
 */
import { NotFoundError } from '../errors';
import { CALL_TYPES, PROCESS_KEYS, type CallType, type ProcessKey } from '../usm';
import { CALL_TYPE_LABELS } from './handbook';
import { indexSnapshot, type OrganisationSnapshot, type SnapshotProcedure } from './snapshot';

export const WIF_FORMAT_VERSION = '1.0.0';
export const WIF_SOURCE_SYSTEM_TYPE = 'usm-studio.org:usm-studio';
export const WIF_LETTERS = ['R', 'A', 'C', 'I'] as const;
export type WifLetter = (typeof WIF_LETTERS)[number];

type Json = string | number | boolean | null | Json[] | { [member: string]: Json };
export type WifDocument = { [member: string]: Json };

const wifProcess = (key: ProcessKey) => key.toLowerCase();
const wifCallType = (callType: CallType) => callType.toLowerCase().replace(/_/g, '-');

function withArticle(label: string): string {
  return `${/^[aeiou]/.test(label) ? 'an' : 'a'} ${label}`;
}

/** A WIF slug: lower-case letters, digits and single dashes, no dash at either end. */
export function wifSlug(text: string, fallback: string): string {
  const slug = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80)
    .replace(/-+$/g, '');
  return slug || fallback;
}

interface PathItem {
  /** The WIF activity id: the activity's id (templates) or the procedure step's id (procedures). */
  id: string;
  position: number;
  depth: number;
  process: ProcessKey;
  activityId: string;
  name: string;
  description: string;
  responsibilities: { roleId: string; letters: string }[];
  instructions: { roleId: string; toolIds: string[]; text: string }[];
}

/** Consecutive items in the same process at the same depth: one WIF step each. */
function segments(items: PathItem[]): PathItem[][] {
  const result: PathItem[][] = [];
  for (const item of items) {
    const last = result[result.length - 1];
    const previous = last?.[last.length - 1];
    if (last && previous && previous.process === item.process && previous.depth === item.depth)
      last.push(item);
    else result.push([item]);
  }
  return result;
}

function buildDocument(
  snapshot: OrganisationSnapshot,
  head: {
    type: 'workflow-template' | 'workflow';
    slug: string;
    name: string;
    description: string;
    process: ProcessKey;
  },
  items: PathItem[],
  forkChoices: Partial<Record<ProcessKey, ProcessKey>>,
  extra: WifDocument,
): WifDocument {
  const index = indexSnapshot(snapshot);
  const parts = segments(items);
  const stepId = (at: number) => String(at + 1);
  const seenProcesses = new Set<string>();

  // Dynamic when a step on the path may fork to several processes and the route does not fix which.
  const dynamic = items.some((item) => {
    const forks = (index.activities.get(item.activityId)?.handovers ?? []).filter((h) => h.kind === 'FORK');
    return forks.length > 1 && forkChoices[item.process] === undefined;
  });

  const usedRoles = new Set(items.flatMap((item) => item.responsibilities.map((r) => r.roleId)));
  for (const item of items) for (const wi of item.instructions) usedRoles.add(wi.roleId);

  const steps = parts.map((part, at) => {
    const first = part[0]!;
    const key = `${first.process}@${first.depth}`;
    const resumes = seenProcesses.has(key);
    seenProcesses.add(key);
    const process = index.processes.get(first.process);
    return {
      id: stepId(at),
      'sort-index': at + 1,
      name: process?.name ?? first.process,
      description: process?.purpose ?? '',
      process: wifProcess(first.process),
      'x-usm-depth': first.depth,
      ...(resumes ? { 'x-usm-resumes': true } : {}),
      activities: part.map((item, position) => {
        const handovers = index.activities.get(item.activityId)?.handovers ?? [];
        // The calls this activity makes: the segments that start right after it, one level deeper.
        const forks: Json[] = [];
        const lastOfPart = position === part.length - 1;
        if (lastOfPart) {
          // A segment one level deeper is a new call unless it resumes the process of the one before it at
          // that level (the called process continuing after a call of its own returned).
          let previousAtLevel: ProcessKey | null = null;
          for (let next = at + 1; next < parts.length && parts[next]![0]!.depth > item.depth; next += 1) {
            const called = parts[next]![0]!;
            if (called.depth !== item.depth + 1) continue;
            const resumed = called.process === previousAtLevel;
            previousAtLevel = called.process;
            if (resumed) continue;
            const callType =
              handovers.find((h) => h.kind === 'FORK' && h.target === called.process)?.callType ?? null;
            forks.push({
              'call-type': callType ? wifCallType(callType) : null,
              process: wifProcess(called.process),
              step: stepId(next),
            });
          }
        }
        const spawns = handovers
          .filter((h) => h.kind === 'SPAWN')
          .map((h) => ({ 'call-type': wifCallType(h.callType), process: wifProcess(h.target) }));
        const responsibilities: { [profile: string]: Json } = {};
        for (const r of item.responsibilities) responsibilities[r.roleId] = r.letters.split('');
        return {
          id: item.id,
          'sort-index': position + 1,
          name: item.name,
          description: item.description,
          responsibilities,
          'x-usm-position': item.position,
          ...(forks.length ? { 'x-usm-forks': forks } : {}),
          ...(spawns.length ? { 'x-usm-spawns': spawns } : {}),
          ...(item.instructions.length
            ? {
                'x-usm-work-instructions': item.instructions.map((wi) => ({
                  profile: wi.roleId,
                  tools: wi.toolIds.map((id) => ({ id, name: index.tools.get(id)?.name ?? '' })),
                  text: wi.text,
                })),
              }
            : {}),
        };
      }),
    };
  });

  const forkChoiceMember: { [process: string]: Json } = {};
  for (const key of PROCESS_KEYS) {
    const target = forkChoices[key];
    if (target) forkChoiceMember[wifProcess(key)] = wifProcess(target);
  }
  return {
    'format-version': WIF_FORMAT_VERSION,
    'source-system-type': WIF_SOURCE_SYSTEM_TYPE,
    process: wifProcess(head.process),
    dynamicity: dynamic ? 'dynamic' : 'static',
    context: snapshot.id,
    slug: head.slug,
    name: head.name,
    description: head.description,
    type: head.type,
    profiles: snapshot.roles
      .filter((role) => usedRoles.has(role.id))
      .map((role) => ({ id: role.id, name: role.name })),
    steps: steps as unknown as Json,
    'x-usm-fork-choices': forkChoiceMember,
    ...extra,
  };
}

/** A workflow as a USM-WIF workflow template (no responsibilities: a template says only WHAT). */
export function workflowTemplateWif(snapshot: OrganisationSnapshot, workflowNumber: number): WifDocument {
  const index = indexSnapshot(snapshot);
  const workflow = index.workflows.get(workflowNumber);
  if (!workflow) throw new NotFoundError('Workflow', String(workflowNumber));
  const items: PathItem[] = workflow.steps.map((step) => {
    const activity = index.activities.get(step.activityId);
    return {
      id: step.activityId,
      position: step.position,
      depth: step.depth,
      process: step.process,
      activityId: step.activityId,
      name: activity?.name ?? '',
      description: activity?.description ?? '',
      responsibilities: [],
      instructions: [],
    };
  });
  const choices = Object.fromEntries(workflow.forkChoices.map((choice) => [choice.process, choice.target]));
  const startName = index.processes.get(workflow.startProcess)?.name ?? workflow.startProcess;
  return buildDocument(
    snapshot,
    {
      type: 'workflow-template',
      slug: wifSlug(`workflow-${workflow.number}-${workflow.name}`, `workflow-${workflow.number}`),
      name: workflow.name,
      description: `USM workflow ${workflow.number}: ${withArticle(CALL_TYPE_LABELS[workflow.trigger])} starts it in ${startName} (${
        workflow.reactive ? 'reactive' : 'proactive'
      }).`,
      process: workflow.startProcess,
    },
    items,
    choices,
    {
      'x-usm-workflow-number': workflow.number,
      'x-usm-trigger': wifCallType(workflow.trigger),
      'x-usm-reactive': workflow.reactive,
    },
  );
}

/** A procedure as a USM-WIF workflow: WHAT with WHO (responsibilities) and HOW (work instructions). */
export function procedureWif(snapshot: OrganisationSnapshot, procedureId: string): WifDocument {
  const index = indexSnapshot(snapshot);
  const procedure: SnapshotProcedure | undefined = snapshot.procedures.find((p) => p.id === procedureId);
  if (!procedure) throw new NotFoundError('Procedure', procedureId);
  const workflow =
    procedure.source.kind === 'WORKFLOW' ? index.workflows.get(procedure.source.workflowNumber) : undefined;
  const live = procedure.steps.filter((step) => !step.obsolete);
  const items: PathItem[] = live.map((step, at) => ({
    id: step.id,
    position: at + 1,
    depth: step.depth,
    process: step.process,
    activityId: step.activityId,
    name: step.name,
    description: index.activities.get(step.activityId)?.description ?? '',
    responsibilities: step.responsibilities.filter((r) => r.letters.length > 0),
    instructions: procedure.workInstructions
      .filter((wi) => wi.stepId === step.id && !wi.obsolete)
      .map((wi) => ({ roleId: wi.roleId, toolIds: wi.toolIds, text: wi.text })),
  }));
  const startProcess =
    procedure.source.kind === 'PROCESS'
      ? procedure.source.process
      : (workflow?.startProcess ?? live[0]?.process ?? 'AGREE');
  const choices = Object.fromEntries(
    (workflow?.forkChoices ?? []).map((choice) => [choice.process, choice.target]),
  );
  const startName = index.processes.get(startProcess)?.name ?? startProcess;
  return buildDocument(
    snapshot,
    {
      type: 'workflow',
      slug: wifSlug(procedure.name, `procedure-${wifSlug(procedure.id, 'export')}`),
      name: procedure.name,
      description:
        procedure.source.kind === 'PROCESS'
          ? `Procedure derived from the ${startName} process.`
          : `Procedure derived from workflow ${procedure.source.workflowNumber}${workflow ? ` (${workflow.name})` : ''}.`,
      process: startProcess,
    },
    items,
    procedure.source.kind === 'WORKFLOW' ? choices : {},
    {
      'x-usm-source':
        procedure.source.kind === 'PROCESS'
          ? { kind: 'process', process: wifProcess(procedure.source.process) }
          : { kind: 'workflow', 'workflow-number': procedure.source.workflowNumber },
      ...(workflow
        ? { 'x-usm-trigger': wifCallType(workflow.trigger), 'x-usm-reactive': workflow.reactive }
        : {}),
    },
  );
}

/** The file's bytes: two-space indented JSON with a final newline. Deterministic. */
export function serialiseWif(document: WifDocument): string {
  return `${JSON.stringify(document, null, 2)}\n`;
}

/** The file name the format recommends: `<slug>.workflow-template.json` or `<slug>.workflow.json`. */
export function wifFileName(document: WifDocument): string {
  return `${String(document.slug)}.${document.type === 'workflow-template' ? 'workflow-template' : 'workflow'}.json`;
}

/** Checked by the tests: every call type has a kebab-case WIF form. */
export const WIF_CALL_TYPES: Readonly<Record<CallType, string>> = Object.fromEntries(
  CALL_TYPES.map((callType) => [callType, wifCallType(callType)]),
) as Record<CallType, string>;
