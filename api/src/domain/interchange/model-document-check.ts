/**
 * Checks an untrusted whole-model document before anything is written: its shape, its limits, the USM rules
 * (five processes once each, allowed hand-overs, one Accountable per step) and that every reference inside
 * it resolves. Every problem is reported with its JSON path, not just the first.
 */
import { CALL_TYPES, HANDOVER_KINDS, PROCESS_KEYS, type ProcessKey } from '../usm';
import { handoverViolation } from '../rules';
import { DESCRIPTION_MAX_LENGTH, NAME_MAX_LENGTH } from '../validation';
import { MODEL_DOCUMENT_FORMAT, MODEL_DOCUMENT_VERSION, type ModelDocument } from './model-document';

export const INSTRUCTION_TEXT_MAX_LENGTH = 20_000;

export interface DocumentProblem {
  path: string;
  message: string;
}

export type DocumentCheck =
  | { ok: true; document: ModelDocument }
  | { ok: false; problems: DocumentProblem[] };

type Json = unknown;

class Checker {
  readonly problems: DocumentProblem[] = [];

  problem(path: string, message: string): void {
    if (this.problems.length < 200) this.problems.push({ path, message });
  }

  object(value: Json, path: string): Record<string, Json> | null {
    if (typeof value === 'object' && value !== null && !Array.isArray(value))
      return value as Record<string, Json>;
    this.problem(path, 'must be an object');
    return null;
  }

  array(value: Json, path: string, max = 100_000): Json[] {
    if (!Array.isArray(value)) {
      this.problem(path, 'must be an array');
      return [];
    }
    if (value.length > max) this.problem(path, `has ${value.length} entries; at most ${max} are allowed`);
    return value.slice(0, max);
  }

  text(value: Json, path: string, max: number, required: boolean): string {
    if (typeof value !== 'string') {
      this.problem(path, 'must be a string');
      return '';
    }
    if (required && value.trim() === '') this.problem(path, 'must not be empty');
    if (value.length > max)
      this.problem(path, `is ${value.length} characters long; at most ${max} are allowed`);
    return value;
  }

  integer(value: Json, path: string, min: number, max: number): number {
    if (!Number.isInteger(value) || (value as number) < min || (value as number) > max) {
      this.problem(path, `must be a whole number from ${min} to ${max}`);
      return min;
    }
    return value as number;
  }

  oneOf<T extends string>(value: Json, path: string, allowed: readonly T[]): T | null {
    if (typeof value === 'string' && (allowed as readonly string[]).includes(value)) return value as T;
    this.problem(path, `must be one of ${allowed.join(', ')}`);
    return null;
  }

  id(value: Json, path: string, seen: Set<string>): string {
    const id = this.text(value, path, 100, true);
    if (id && seen.has(id)) this.problem(path, `repeats the id ${JSON.stringify(id)}`);
    seen.add(id);
    return id;
  }

  reference(value: Json, path: string, known: ReadonlySet<string>, what: string): string {
    const id = typeof value === 'string' ? value : '';
    if (!known.has(id)) this.problem(path, `names no ${what} of this document`);
    return id;
  }
}

export function checkModelDocument(input: Json): DocumentCheck {
  const check = new Checker();
  const root = check.object(input, '$');
  if (!root) return { ok: false, problems: check.problems };
  if (root.format !== MODEL_DOCUMENT_FORMAT) check.problem('$.format', `must be "${MODEL_DOCUMENT_FORMAT}"`);
  if (root.formatVersion !== MODEL_DOCUMENT_VERSION) {
    check.problem(
      '$.formatVersion',
      `must be ${MODEL_DOCUMENT_VERSION}: this version of USM Studio reads no other`,
    );
  }
  if (check.problems.length > 0) return { ok: false, problems: check.problems };

  const organisation = check.object(root.organisation, '$.organisation');
  if (organisation) {
    check.text(organisation.name, '$.organisation.name', NAME_MAX_LENGTH, true);
    checkArrangement(check, organisation.canvasArrangement);
  }
  const activityIds = checkProcesses(check, root.processes);
  const workflowNumbers = checkWorkflows(check, root.workflows);
  const roleIds = checkCatalog(check, root.roles, '$.roles', 'role');
  const toolIds = checkCatalog(check, root.tools, '$.tools', 'tool');
  const known = { activityIds, workflowNumbers, roleIds, toolIds };
  const procedureIds = new Set<string>();
  check
    .array(root.procedures, '$.procedures', 10_000)
    .forEach((procedure, index) =>
      checkProcedure(check, procedure, `$.procedures[${index}]`, known, procedureIds),
    );
  return check.problems.length > 0
    ? { ok: false, problems: check.problems }
    : { ok: true, document: input as ModelDocument };
}

function checkArrangement(check: Checker, value: Json): void {
  if (value === null || value === undefined) return;
  const seen = new Set<string>();
  const columns = check.array(value, '$.organisation.canvasArrangement', PROCESS_KEYS.length);
  columns.forEach((column, c) =>
    check.array(column, `$.organisation.canvasArrangement[${c}]`, PROCESS_KEYS.length).forEach((key, k) => {
      const path = `$.organisation.canvasArrangement[${c}][${k}]`;
      const process = check.oneOf(key, path, PROCESS_KEYS);
      if (process && seen.has(process)) check.problem(path, `${process} stands in more than one place`);
      if (process) seen.add(process);
    }),
  );
  if (columns.length > 0 && seen.size !== PROCESS_KEYS.length) {
    check.problem('$.organisation.canvasArrangement', 'must place each of the five processes once');
  }
}

function checkProcesses(check: Checker, value: Json): Set<string> {
  const activityIds = new Set<string>();
  const processes = check.array(value, '$.processes', PROCESS_KEYS.length);
  PROCESS_KEYS.forEach((expected, index) => {
    const path = `$.processes[${index}]`;
    const process = check.object(processes[index], path);
    if (!process) return;
    if (process.key !== expected)
      check.problem(`${path}.key`, `must be ${expected} (the processes in USM order)`);
    check.text(process.name, `${path}.name`, NAME_MAX_LENGTH, true);
    check.text(process.purpose, `${path}.purpose`, DESCRIPTION_MAX_LENGTH, false);
    check.array(process.activities, `${path}.activities`, 5_000).forEach((item, a) => {
      const at = `${path}.activities[${a}]`;
      const activity = check.object(item, at);
      if (!activity) return;
      check.id(activity.id, `${at}.id`, activityIds);
      check.text(activity.name, `${at}.name`, NAME_MAX_LENGTH, true);
      check.text(activity.description, `${at}.description`, DESCRIPTION_MAX_LENGTH, false);
      check.array(activity.handovers, `${at}.handovers`, 20).forEach((entry, h) => {
        const hp = `${at}.handovers[${h}]`;
        const handover = check.object(entry, hp);
        if (!handover) return;
        const callType = check.oneOf(handover.callType, `${hp}.callType`, CALL_TYPES);
        const kind = check.oneOf(handover.kind, `${hp}.kind`, HANDOVER_KINDS);
        const refusal = callType && kind ? handoverViolation(expected as ProcessKey, callType, kind) : null;
        if (refusal) check.problem(hp, refusal);
      });
    });
  });
  return activityIds;
}

function checkWorkflows(check: Checker, value: Json): Set<number> {
  const numbers = new Set<number>();
  check.array(value, '$.workflows', 8).forEach((item, index) => {
    const path = `$.workflows[${index}]`;
    const workflow = check.object(item, path);
    if (!workflow) return;
    const number = check.integer(workflow.number, `${path}.number`, 1, 8);
    if (numbers.has(number)) check.problem(`${path}.number`, `repeats workflow ${number}`);
    numbers.add(number);
    check.text(workflow.name, `${path}.name`, NAME_MAX_LENGTH, true);
    check.oneOf(workflow.trigger, `${path}.trigger`, CALL_TYPES);
    check.oneOf(workflow.startProcess, `${path}.startProcess`, PROCESS_KEYS);
    check.array(workflow.forkChoices, `${path}.forkChoices`, PROCESS_KEYS.length).forEach((entry, c) => {
      const choice = check.object(entry, `${path}.forkChoices[${c}]`);
      if (!choice) return;
      check.oneOf(choice.process, `${path}.forkChoices[${c}].process`, PROCESS_KEYS);
      check.oneOf(choice.target, `${path}.forkChoices[${c}].target`, PROCESS_KEYS);
    });
  });
  return numbers;
}

function checkCatalog(check: Checker, value: Json, path: string, what: string): Set<string> {
  const ids = new Set<string>();
  const names = new Set<string>();
  check.array(value, path, 10_000).forEach((item, index) => {
    const at = `${path}[${index}]`;
    const entry = check.object(item, at);
    if (!entry) return;
    check.id(entry.id, `${at}.id`, ids);
    const name = check.text(entry.name, `${at}.name`, NAME_MAX_LENGTH, true).trim().toLowerCase();
    if (name && names.has(name)) check.problem(`${at}.name`, `another ${what} has this name`);
    names.add(name);
    check.text(entry.description, `${at}.description`, DESCRIPTION_MAX_LENGTH, false);
  });
  return ids;
}

interface KnownIds {
  activityIds: ReadonlySet<string>;
  workflowNumbers: ReadonlySet<number>;
  roleIds: ReadonlySet<string>;
  toolIds: ReadonlySet<string>;
}

function checkProcedure(check: Checker, value: Json, path: string, known: KnownIds, ids: Set<string>): void {
  const procedure = check.object(value, path);
  if (!procedure) return;
  check.id(procedure.id, `${path}.id`, ids);
  check.text(procedure.name, `${path}.name`, NAME_MAX_LENGTH, true);
  const source = check.object(procedure.source, `${path}.source`);
  if (source?.kind === 'PROCESS') check.oneOf(source.process, `${path}.source.process`, PROCESS_KEYS);
  else if (source?.kind === 'WORKFLOW') {
    const number = check.integer(source.workflowNumber, `${path}.source.workflowNumber`, 1, 8);
    if (!known.workflowNumbers.has(number))
      check.problem(`${path}.source.workflowNumber`, 'names no workflow of this document');
  } else if (source) check.problem(`${path}.source.kind`, 'must be PROCESS or WORKFLOW');

  const stepIds = new Set<string>();
  check.array(procedure.steps, `${path}.steps`, 10_000).forEach((item, index) => {
    const at = `${path}.steps[${index}]`;
    const step = check.object(item, at);
    if (!step) return;
    check.id(step.id, `${at}.id`, stepIds);
    if (step.activityId === null) {
      if (step.obsolete !== true)
        check.problem(`${at}.obsolete`, 'a step whose activity was deleted must be obsolete');
    } else check.reference(step.activityId, `${at}.activityId`, known.activityIds, 'activity');
    check.oneOf(step.process, `${at}.process`, PROCESS_KEYS);
    check.text(step.name, `${at}.name`, NAME_MAX_LENGTH, true);
    check.integer(step.depth, `${at}.depth`, 0, 50);
    check.integer(step.occurrence, `${at}.occurrence`, 1, 1_000);
    if (typeof step.obsolete !== 'boolean') check.problem(`${at}.obsolete`, 'must be true or false');
    let accountable = 0;
    const roles = new Set<string>();
    check.array(step.responsibilities, `${at}.responsibilities`, 1_000).forEach((entry, r) => {
      const rp = `${at}.responsibilities[${r}]`;
      const responsibility = check.object(entry, rp);
      if (!responsibility) return;
      const roleId = check.reference(responsibility.roleId, `${rp}.roleId`, known.roleIds, 'role');
      if (roles.has(roleId)) check.problem(`${rp}.roleId`, 'the role already has letters on this step');
      roles.add(roleId);
      const letters = typeof responsibility.letters === 'string' ? responsibility.letters : '';
      if (!/^R?A?C?I?$/.test(letters) || letters === '') {
        check.problem(`${rp}.letters`, 'must be some of R, A, C, I, each once, in that order');
      }
      if (letters.includes('A')) accountable += 1;
    });
    if (accountable > 1) check.problem(`${at}.responsibilities`, 'a step has at most one Accountable (A)');
  });

  const instructed = new Set<string>();
  check.array(procedure.workInstructions, `${path}.workInstructions`, 100_000).forEach((item, index) => {
    const at = `${path}.workInstructions[${index}]`;
    const instruction = check.object(item, at);
    if (!instruction) return;
    const stepId = check.reference(instruction.stepId, `${at}.stepId`, stepIds, 'step of this procedure');
    const roleId = check.reference(instruction.roleId, `${at}.roleId`, known.roleIds, 'role');
    if (instructed.has(`${stepId} ${roleId}`))
      check.problem(at, 'repeats the instruction of this role on this step');
    instructed.add(`${stepId} ${roleId}`);
    check
      .array(instruction.toolIds, `${at}.toolIds`, 100)
      .forEach((toolId, t) => check.reference(toolId, `${at}.toolIds[${t}]`, known.toolIds, 'tool'));
    check.text(instruction.text, `${at}.text`, INSTRUCTION_TEXT_MAX_LENGTH, false);
  });
}
