import type { EntityManager } from '@mikro-orm/postgresql';
import { BadUserInputError } from '../domain/errors';
import { sameName, validDescription, validName } from '../domain/validation';
import { Organisation, Role, Tool } from '../persistence/entities';
import { dependentsOf, describeDependents } from './dependents';
import { lookupOrFail } from './lookup';
import { assertVersion, inTransaction } from './transaction';

/**
 * Roles (USM profiles: WHO) and tools (technology: HOW) are both named catalogue entries of an
 * organisation; names are unique per organisation, ignoring case.
 */
type CatalogEntity = typeof Role | typeof Tool;

export interface CreateCatalogEntryInput {
  organisationId: string;
  name: string;
  description?: string | null;
}

export interface UpdateCatalogEntryInput {
  id: string;
  version: number;
  name?: string | null;
  description?: string | null;
}

export function createCatalogEntry(
  em: EntityManager,
  entity: CatalogEntity,
  input: CreateCatalogEntryInput,
): Promise<Role | Tool> {
  const what = label(entity);
  const name = validName(input.name, 'input.name', `${what} name`);
  const description = validDescription(input.description, 'input.description');
  return inTransaction(em, async (tx) => {
    const organisation = await lookupOrFail(tx, Organisation, input.organisationId);
    await refuseDuplicateName(tx, entity, organisation.id, name, null);
    return tx.create(entity as typeof Role, { organisation, name, description });
  });
}

export function updateCatalogEntry(
  em: EntityManager,
  entity: CatalogEntity,
  input: UpdateCatalogEntryInput,
): Promise<Role | Tool> {
  const what = label(entity);
  const name = input.name == null ? undefined : validName(input.name, 'input.name', `${what} name`);
  const description =
    input.description == null ? undefined : validDescription(input.description, 'input.description');
  return inTransaction(em, async (tx) => {
    const entry = await lookupOrFail<Role | Tool>(tx, entity, input.id, { lock: true });
    assertVersion(entry, input.version, what);
    if (name !== undefined && name !== entry.name) {
      await refuseDuplicateName(tx, entity, entry.organisation.id, name, entry.id);
      entry.name = name;
    }
    if (description !== undefined) entry.description = description;
    return entry;
  });
}

export function deleteCatalogEntry(
  em: EntityManager,
  entity: CatalogEntity,
  input: { id: string; version: number },
): Promise<boolean> {
  return inTransaction(em, async (tx) => {
    const entry = await lookupOrFail<Role | Tool>(tx, entity, input.id, { lock: true });
    assertVersion(entry, input.version, label(entity));
    const dependents = await dependentsOf(tx, entry);
    if (dependents.procedures.length > 0) {
      throw new BadUserInputError(
        describeDependents(`The ${label(entity)} "${entry.name}"`, dependents),
        'input.id',
      );
    }
    tx.remove(entry);
    return true;
  });
}

async function refuseDuplicateName(
  em: EntityManager,
  entity: CatalogEntity,
  organisationId: string,
  name: string,
  exceptId: string | null,
): Promise<void> {
  const entries: Array<Role | Tool> = await em.find(entity as typeof Role, { organisation: organisationId });
  const clash = entries.find((entry) => entry.id !== exceptId && sameName(entry.name, name));
  if (clash) {
    throw new BadUserInputError(
      `A ${label(entity)} named "${clash.name}" already exists in this organisation.`,
      'input.name',
    );
  }
}

function label(entity: CatalogEntity): string {
  return entity === Role ? 'role' : 'tool';
}
