/**
 * `usm export` and `usm import`: documents out to standard output, model documents in from a file. Progress
 * goes to standard error, so standard output stays the document (or, for import, ends with the new id).
 */
import { readFileSync, statSync } from 'node:fs';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { User } from '../persistence/entities';
import { exportFile, type ExportFormat } from '../domain/interchange/export';
import { isProcessKey } from '../domain/usm';
import { parseGlobalId, toGlobalId, type NodeTypeName } from '../graphql/global-id';
import { Membership } from '../persistence/entities';
import { importModel } from '../services/interchange/import-model';
import { readOrganisationSnapshot } from '../services/interchange/read-snapshot';
import { UsageError } from './usage-error';

type Options = Record<string, string | boolean | undefined>;

const FORMATS: Readonly<Record<string, ExportFormat>> = {
  'handbook-html': 'HANDBOOK_HTML',
  'handbook-md': 'HANDBOOK_MARKDOWN',
  bpmn: 'BPMN',
  wif: 'WIF',
  json: 'MODEL_JSON',
};

/** The largest model document `usm import` reads (far above what the API accepts in one request). */
const IMPORT_MAX_BYTES = 200 * 1024 * 1024;

const progress = (message: string) => process.stderr.write(`${message}\n`);

export const exportCommand = {
  needsAdministrator: false,
  async run(em: EntityManager, actor: User, _args: string[], options: Options) {
    const format = FORMATS[String(options.format)];
    if (!format) {
      throw new UsageError(`export needs --format, one of ${Object.keys(FORMATS).join(', ')}.`);
    }
    const organisationId = storedId(options.org, 'Organisation', '--org');
    await requireMember(em, actor, organisationId);
    progress(`Reading the model of ${toGlobalId('Organisation', organisationId)}…`);
    const started = Date.now();
    const snapshot = await readOrganisationSnapshot(em, organisationId);
    progress(
      `Read ${snapshot.processes.reduce((sum, process) => sum + process.activities.length, 0)} activities and ` +
        `${snapshot.procedures.length} procedures in ${Date.now() - started} ms; writing ${String(options.format)}…`,
    );
    const workflowNumber = options.workflow === undefined ? null : Number(options.workflow);
    if (workflowNumber !== null && !Number.isInteger(workflowNumber)) {
      throw new UsageError('--workflow takes a workflow number, 1 to 8.');
    }
    const processKey = options.process === undefined ? null : String(options.process).toUpperCase();
    if (processKey !== null && !isProcessKey(processKey)) {
      throw new UsageError('--process takes AGREE, CHANGE, RECOVER, OPERATE or IMPROVE.');
    }
    const file = exportFile(snapshot, {
      format,
      procedureId:
        options.procedure === undefined ? null : storedId(options.procedure, 'Procedure', '--procedure'),
      roleId: options.role === undefined ? null : storedId(options.role, 'Role', '--role'),
      workflowNumber,
      processKey,
    });
    process.stdout.write(file.content);
    progress(`Wrote ${file.fileName} (${Buffer.byteLength(file.content)} bytes).`);
  },
};

export const importCommand = {
  needsAdministrator: false,
  async run(em: EntityManager, actor: User, _args: string[], options: Options) {
    if (typeof options.file !== 'string') throw new UsageError('import needs --file <model.json>.');
    const size = fileSize(options.file);
    if (size > IMPORT_MAX_BYTES) {
      throw new UsageError(`${options.file} is ${size} bytes; usm import reads at most ${IMPORT_MAX_BYTES}.`);
    }
    progress(`Reading ${options.file} (${size} bytes)…`);
    let document: unknown;
    try {
      document = JSON.parse(readFileSync(options.file, 'utf8'));
    } catch (error) {
      throw new UsageError(
        `${options.file} is not valid JSON (${error instanceof Error ? error.message : 'syntax error'}); is it complete?`,
      );
    }
    progress('Checking and importing it (all or nothing)…');
    const organisation = await importModel(em, {
      document,
      name: typeof options.name === 'string' ? options.name : null,
      ownerId: actor.id,
    });
    progress(`Imported “${organisation.name}”, owned by ${actor.email}.`);
    console.log(toGlobalId('Organisation', organisation.id));
  },
};

function storedId(value: string | boolean | undefined, type: NodeTypeName, option: string): string {
  if (typeof value !== 'string') throw new UsageError(`${option} needs an id (see: pnpm usm org:list).`);
  const parsed = parseGlobalId(value);
  if (parsed?.type === type) return parsed.storedId;
  if (/^[0-9a-f-]{36}$/.test(value)) return value;
  throw new UsageError(`${option} ${value} is not the id of a ${type.toLowerCase()}.`);
}

async function requireMember(em: EntityManager, actor: User, organisationId: string): Promise<void> {
  if (actor.administrator) return;
  const membership = await em.findOne(Membership, { user: actor, organisation: organisationId });
  if (!membership) throw new UsageError(`${actor.email} is not a member of that organisation.`);
}

function fileSize(path: string): number {
  try {
    return statSync(path).size;
  } catch {
    throw new UsageError(`Cannot read ${path}: no such file.`);
  }
}
