/** Reads and writes shared by the catalogue commands. */
import { sendVersioned } from '../commands/command';
import { MissingObjectError } from '../errors';
import type { CatalogueEntry, CatalogueGateway, CatalogueKind } from './gateway';

/** The entry as the server holds it now; MissingObjectError when someone deleted it. */
export async function currentEntry(
  gateway: CatalogueGateway,
  kind: CatalogueKind,
  id: string,
): Promise<CatalogueEntry> {
  const entry = await gateway.entry(kind, id);
  if (!entry) throw new MissingObjectError(`The ${kind} no longer exists: someone may have deleted it.`);
  return entry;
}

export function deleteCurrent(
  gateway: CatalogueGateway,
  kind: CatalogueKind,
  entry: CatalogueEntry,
  edit: string,
): Promise<void> {
  return sendVersioned(edit, entry.name, entry.version, () =>
    gateway.delete(kind, { id: entry.id, version: entry.version }),
  );
}

export function updateCurrent(
  gateway: CatalogueGateway,
  kind: CatalogueKind,
  entry: CatalogueEntry,
  values: { name: string; description: string },
  edit: string,
): Promise<CatalogueEntry> {
  return sendVersioned(edit, entry.name, entry.version, () =>
    gateway.update(kind, { id: entry.id, version: entry.version, ...values }),
  );
}
