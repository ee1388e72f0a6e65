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

// ---------------------------------------------------------------------------------------------- import

export interface WifProblem {
  /** Where, as a JSON path: `$`, `$.steps[2].activities[0].name`. */
  path: string;
  message: string;
}

export interface ParsedWifActivity {
  path: string;
  id: string | null;
  name: string;
  description: string;
  /** Profile id → letters in R, A, C, I order (e.g. "RA"). */
  responsibilities: { profile: string; letters: string }[];
  workInstructions: { profile: string; tools: { id: string | null; name: string }[]; text: string }[];
}

export interface ParsedWifStep {
  path: string;
  id: string | null;
  name: string | null;
  process: ProcessKey;
  /** `x-usm-depth` when given, else 0. */
  depth: number;
  activities: ParsedWifActivity[];
}

export interface ParsedWif {
  formatVersion: string;
  type: 'workflow-template' | 'workflow';
  sourceSystemType: string | null;
  process: ProcessKey | null;
  dynamicity: 'static' | 'dynamic' | null;
  slug: string | null;
  name: string | null;
  description: string;
  profiles: { id: string; name: string }[];
  /** In sort-index order (document order where equal or absent). */
  steps: ParsedWifStep[];
}

export type WifParseResult = { ok: true; wif: ParsedWif } | { ok: false; problems: WifProblem[] };

/** Limits that keep a hostile file from costing more than a large real one. */
export const WIF_LIMITS = { steps: 1000, activities: 10_000, name: 200, text: 100_000, profiles: 1000 };

/** Parses the text of a file: a syntax error (a truncated file) is a problem at `$`. */
export function parseWifText(text: string): WifParseResult {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return {
      ok: false,
      problems: [
        {
          path: '$',
          message: `Not valid JSON (${error instanceof Error ? error.message : 'syntax error'}); is the file complete?`,
        },
      ],
    };
  }
  return parseWif(json);
}

/**
 * Checks a USM-WIF document and returns it in a validated form, or every problem found, each with its JSON
 * path. Members this reader does not know are ignored, as the format requires.
 */
export function parseWif(json: unknown): WifParseResult {
  const problems: WifProblem[] = [];
  const problem = (path: string, message: string) => problems.push({ path, message });
  const isObject = (value: unknown): value is Record<string, unknown> =>
    typeof value === 'object' && value !== null && !Array.isArray(value);

  if (!isObject(json)) {
    return { ok: false, problems: [{ path: '$', message: 'A USM-WIF document is a JSON object.' }] };
  }
  const member = (object: Record<string, unknown>, name: string) =>
    Object.prototype.hasOwnProperty.call(object, name) ? object[name] : undefined;
  const text = (
    object: Record<string, unknown>,
    name: string,
    path: string,
    options: { required?: boolean; max?: number } = {},
  ) => {
    const value = member(object, name);
    const at = `${path}${memberPath(name)}`;
    if (value === undefined || value === null) {
      if (options.required) problem(at, `The member "${name}" is missing.`);
      return null;
    }
    if (typeof value !== 'string') {
      problem(at, `"${name}" must be a string.`);
      return null;
    }
    const max = options.max ?? WIF_LIMITS.name;
    if (value.length > max) {
      problem(at, `"${name}" is ${value.length} characters long; at most ${max} are allowed.`);
      return null;
    }
    if (options.required && value.trim() === '') {
      problem(at, `"${name}" must not be empty.`);
      return null;
    }
    return value;
  };
  const sortIndex = (object: Record<string, unknown>, path: string): number | null => {
    const value = member(object, 'sort-index');
    if (value === undefined || value === null) return null;
    // The format asks for a non-negative integer; its own examples write digits as strings.
    if (typeof value === 'number' && Number.isInteger(value) && value >= 0) return value;
    if (typeof value === 'string' && /^\d{1,9}$/.test(value)) return Number(value);
    problem(`${path}["sort-index"]`, '"sort-index" must be a non-negative integer.');
    return null;
  };
  const processKey = (value: unknown, path: string, required: boolean): ProcessKey | null => {
    if (value === undefined || value === null) {
      if (required) problem(path, 'The member "process" is missing.');
      return null;
    }
    const key = typeof value === 'string' ? value.toUpperCase() : '';
    if ((PROCESS_KEYS as readonly string[]).includes(key)) return key as ProcessKey;
    problem(path, `"process" must be one of ${PROCESS_KEYS.map((k) => `"${k.toLowerCase()}"`).join(', ')}.`);
    return null;
  };

  const version = member(json, 'format-version');
  if (version === undefined) problem('$["format-version"]', 'The member "format-version" is missing.');
  else if (typeof version !== 'string' || !/^1\.\d+\.\d+$/.test(version)) {
    problem(
      '$["format-version"]',
      `Unsupported format version ${JSON.stringify(version)}; this reader reads 1.x.y (${WIF_FORMAT_VERSION}).`,
    );
  }
  const type = member(json, 'type');
  if (type === undefined) problem('$.type', 'The member "type" is missing.');
  else if (type !== 'workflow-template' && type !== 'workflow') {
    problem('$.type', '"type" must be "workflow-template" or "workflow".');
  }
  const isWorkflow = type === 'workflow';
  const sourceSystemType = text(json, 'source-system-type', '$');
  const process = processKey(member(json, 'process'), '$.process', false);
  const dynamicity = member(json, 'dynamicity');
  if (dynamicity !== undefined && dynamicity !== 'static' && dynamicity !== 'dynamic') {
    problem('$.dynamicity', '"dynamicity" must be "static" or "dynamic".');
  }
  // A workflow must have a slug and a name; a template need not.
  const slug = text(json, 'slug', '$', { required: isWorkflow });
  if (slug !== null && !/^[A-Za-z0-9]+(-[A-Za-z0-9]+)*$/.test(slug)) {
    problem('$.slug', '"slug" may contain only letters, digits and single dashes, not at either end.');
  }
  const name = text(json, 'name', '$', { required: isWorkflow });
  const description = text(json, 'description', '$', { max: WIF_LIMITS.text }) ?? '';

  const profiles: { id: string; name: string }[] = [];
  const rawProfiles = member(json, 'profiles');
  if (rawProfiles !== undefined) {
    if (!Array.isArray(rawProfiles)) problem('$.profiles', '"profiles" must be a list.');
    else if (rawProfiles.length > WIF_LIMITS.profiles)
      problem('$.profiles', `At most ${WIF_LIMITS.profiles} profiles are allowed.`);
    else
      rawProfiles.forEach((raw, at) => {
        const path = `$.profiles[${at}]`;
        if (!isObject(raw)) return problem(path, 'A profile is an object with an "id" and a "name".');
        const id = text(raw, 'id', path, { required: true });
        const profileName = text(raw, 'name', path) ?? '';
        if (id !== null) profiles.push({ id, name: profileName });
      });
  }

  const steps: (ParsedWifStep & { order: number | null })[] = [];
  const rawSteps = member(json, 'steps');
  let activityCount = 0;
  if (rawSteps === undefined) problem('$.steps', 'The member "steps" is missing.');
  else if (!Array.isArray(rawSteps)) problem('$.steps', '"steps" must be a list.');
  else if (rawSteps.length === 0) problem('$.steps', '"steps" must not be empty.');
  else if (rawSteps.length > WIF_LIMITS.steps)
    problem('$.steps', `At most ${WIF_LIMITS.steps} steps are allowed.`);
  else {
    rawSteps.forEach((raw, at) => {
      const path = `$.steps[${at}]`;
      if (!isObject(raw)) return problem(path, 'A step is an object.');
      const order = sortIndex(raw, path);
      const stepProcess = processKey(member(raw, 'process'), `${path}.process`, true);
      const depthValue = member(raw, 'x-usm-depth');
      const depth =
        typeof depthValue === 'number' && Number.isInteger(depthValue) && depthValue >= 0 ? depthValue : 0;
      const rawActivities = member(raw, 'activities');
      const activities: (ParsedWifActivity & { order: number | null })[] = [];
      if (rawActivities === undefined) problem(`${path}.activities`, 'The member "activities" is missing.');
      else if (!Array.isArray(rawActivities)) problem(`${path}.activities`, '"activities" must be a list.');
      else if ((activityCount += rawActivities.length) > WIF_LIMITS.activities) {
        problem(`${path}.activities`, `At most ${WIF_LIMITS.activities} activities are allowed in all.`);
      } else {
        rawActivities.forEach((rawActivity, position) => {
          const activityPath = `${path}.activities[${position}]`;
          if (!isObject(rawActivity)) return problem(activityPath, 'An activity is an object.');
          const activityOrder = sortIndex(rawActivity, activityPath);
          const activityName = text(rawActivity, 'name', activityPath, { required: true });
          const responsibilities = parseResponsibilities(
            member(rawActivity, 'responsibilities'),
            `${activityPath}.responsibilities`,
            problem,
          );
          const workInstructions = parseInstructions(
            member(rawActivity, 'x-usm-work-instructions'),
            `${activityPath}["x-usm-work-instructions"]`,
            problem,
          );
          if (activityName === null) return;
          activities.push({
            path: activityPath,
            order: activityOrder,
            id: text(rawActivity, 'id', activityPath),
            name: activityName,
            description: text(rawActivity, 'description', activityPath, { max: WIF_LIMITS.text }) ?? '',
            responsibilities,
            workInstructions,
          });
        });
      }
      if (stepProcess === null) return;
      steps.push({
        path,
        order,
        id: text(raw, 'id', path),
        name: text(raw, 'name', path),
        process: stepProcess,
        depth,
        activities: stableSort(activities).map(({ order: _order, ...activity }) => activity),
      });
    });
  }

  if (problems.length > 0) return { ok: false, problems };
  return {
    ok: true,
    wif: {
      formatVersion: version as string,
      type: type as ParsedWif['type'],
      sourceSystemType,
      process,
      dynamicity: (dynamicity as ParsedWif['dynamicity']) ?? null,
      slug,
      name,
      description,
      profiles,
      steps: stableSort(steps).map(({ order: _order, ...step }) => step),
    },
  };
}

function memberPath(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(name) ? `.${name}` : `[${JSON.stringify(name)}]`;
}

/** By sort-index where given; document order among equal or missing ones (those go last). */
function stableSort<T extends { order: number | null }>(items: T[]): T[] {
  return items
    .map((item, at) => ({ item, at }))
    .sort((a, b) => (a.item.order ?? Infinity) - (b.item.order ?? Infinity) || a.at - b.at)
    .map(({ item }) => item);
}

function parseResponsibilities(
  value: unknown,
  path: string,
  problem: (path: string, message: string) => void,
): { profile: string; letters: string }[] {
  if (value === undefined || value === null) return [];
  if (typeof value !== 'object' || Array.isArray(value)) {
    problem(path, '"responsibilities" must be an object: profile id → list of "R", "A", "C", "I".');
    return [];
  }
  const result: { profile: string; letters: string }[] = [];
  for (const [profile, raw] of Object.entries(value as Record<string, unknown>)) {
    const at = `${path}${memberPath(profile)}`;
    // The format writes a list of letters; a string of letters ("RA") is read too.
    const letters = Array.isArray(raw) ? raw : typeof raw === 'string' ? raw.split('') : null;
    if (
      letters === null ||
      letters.some(
        (letter) => typeof letter !== 'string' || !(WIF_LETTERS as readonly string[]).includes(letter),
      )
    ) {
      problem(at, 'Responsibilities are a list of "R", "A", "C" and "I".');
      continue;
    }
    const normalised = WIF_LETTERS.filter((letter) => letters.includes(letter)).join('');
    if (normalised) result.push({ profile, letters: normalised });
  }
  return result;
}

function parseInstructions(
  value: unknown,
  path: string,
  problem: (path: string, message: string) => void,
): ParsedWifActivity['workInstructions'] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) {
    problem(path, '"x-usm-work-instructions" must be a list.');
    return [];
  }
  const result: ParsedWifActivity['workInstructions'] = [];
  value.forEach((raw, at) => {
    const itemPath = `${path}[${at}]`;
    const object = raw as Record<string, unknown>;
    if (typeof raw !== 'object' || raw === null || Array.isArray(raw) || typeof object.profile !== 'string') {
      return problem(itemPath, 'A work instruction is an object with a "profile", "tools" and a "text".');
    }
    const text = object.text ?? '';
    if (typeof text !== 'string' || text.length > WIF_LIMITS.text) {
      return problem(`${itemPath}.text`, `"text" must be a string of at most ${WIF_LIMITS.text} characters.`);
    }
    const tools = object.tools ?? [];
    if (
      !Array.isArray(tools) ||
      tools.some(
        (tool) =>
          typeof tool !== 'object' || tool === null || typeof (tool as { name?: unknown }).name !== 'string',
      )
    ) {
      return problem(`${itemPath}.tools`, '"tools" must be a list of { "id", "name" }.');
    }
    result.push({
      profile: object.profile,
      tools: (tools as { id?: unknown; name: string }[]).map((tool) => ({
        id: typeof tool.id === 'string' ? tool.id : null,
        name: tool.name,
      })),
      text,
    });
  });
  return result;
}

// ------------------------------------------------------------------------------------------------ match

export type WifActivityMatch =
  | { status: 'MATCHED'; path: string; process: ProcessKey; name: string; activityId: string }
  | { status: 'UNMATCHED'; path: string; process: ProcessKey; name: string; reason: string };

export interface WifProfileMatch {
  profile: string;
  /** The organisation's role: the same id, else the same name (case/space-insensitive); null if none. */
  roleId: string | null;
}

export interface WifMatch {
  activities: WifActivityMatch[];
  profiles: WifProfileMatch[];
  /** True when every activity and every profile with responsibilities was found. */
  complete: boolean;
}

/** Case-, space- and accent-insensitive form of a name. */
export function matchKey(name: string): string {
  return name.normalize('NFKC').trim().replace(/\s+/g, ' ').toLocaleLowerCase('en');
}

/**
 * For each WIF activity, the organisation's live activity in the same process with the same name (compared
 * case- and space-insensitively); an activity with no such name, or with several, is reported unmatched.
 */
export function matchWifToModel(parsed: ParsedWif, snapshot: OrganisationSnapshot): WifMatch {
  const byProcessAndName = new Map<string, string[]>();
  for (const process of snapshot.processes) {
    for (const activity of process.activities) {
      const key = `${process.key}\u0000${matchKey(activity.name)}`;
      byProcessAndName.set(key, [...(byProcessAndName.get(key) ?? []), activity.id]);
    }
  }
  const processName = new Map(snapshot.processes.map((process) => [process.key, process.name]));
  const activities: WifActivityMatch[] = parsed.steps.flatMap((step) =>
    step.activities.map((activity): WifActivityMatch => {
      const candidates = byProcessAndName.get(`${step.process}\u0000${matchKey(activity.name)}`) ?? [];
      const base = { path: activity.path, process: step.process, name: activity.name };
      if (candidates.length === 1) return { status: 'MATCHED', ...base, activityId: candidates[0]! };
      return {
        status: 'UNMATCHED',
        ...base,
        reason:
          candidates.length === 0
            ? `${processName.get(step.process) ?? step.process} has no activity named "${activity.name}".`
            : `${processName.get(step.process) ?? step.process} has ${candidates.length} activities named "${activity.name}".`,
      };
    }),
  );

  const profileName = new Map(parsed.profiles.map((profile) => [profile.id, profile.name]));
  const roleById = new Set(snapshot.roles.map((role) => role.id));
  const roleByName = new Map<string, string[]>();
  for (const role of snapshot.roles) {
    roleByName.set(matchKey(role.name), [...(roleByName.get(matchKey(role.name)) ?? []), role.id]);
  }
  const used = new Set<string>();
  for (const step of parsed.steps) {
    for (const activity of step.activities) {
      for (const r of activity.responsibilities) used.add(r.profile);
      for (const wi of activity.workInstructions) used.add(wi.profile);
    }
  }
  const profiles = [...used].sort().map((profile): WifProfileMatch => {
    if (roleById.has(profile)) return { profile, roleId: profile };
    const byName = roleByName.get(matchKey(profileName.get(profile) ?? profile)) ?? [];
    return { profile, roleId: byName.length === 1 ? byName[0]! : null };
  });
  return {
    activities,
    profiles,
    complete: activities.every((a) => a.status === 'MATCHED') && profiles.every((p) => p.roleId !== null),
  };
}

/** Checked by the tests: every call type has a kebab-case WIF form. */
export const WIF_CALL_TYPES: Readonly<Record<CallType, string>> = Object.fromEntries(
  CALL_TYPES.map((callType) => [callType, wifCallType(callType)]),
) as Record<CallType, string>;
