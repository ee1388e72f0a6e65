/**
 * Reading a USM-WIF document (reference §7): every problem with its JSON path; members this reader does not
 * know are ignored, as the format requires. The export side is wif.ts, matching to a model wif-match.ts.
 */
import { PROCESS_KEYS, type ProcessKey } from '../usm';
import { WIF_FORMAT_VERSION, WIF_LETTERS } from './wif';

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
