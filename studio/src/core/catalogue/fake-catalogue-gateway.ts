/**
 * An in-memory stand-in for the API's roles and tools, for core tests: names unique per kind (ignoring
 * case), versions that increase with every change, CONFLICT on a stale version, new ids for everything
 * created, and deletes refused while something uses the entry.
 */
import { GatewayError } from '../errors';
import type { CatalogueEntry, CatalogueGateway, CatalogueImpact, CatalogueKind } from './gateway';

interface Stored extends CatalogueEntry {
  kind: CatalogueKind;
}

export class FakeCatalogueGateway implements CatalogueGateway {
  readonly entries = new Map<string, Stored>();
  /** What uses an entry, by id (absent: nothing). */
  readonly impacts = new Map<string, CatalogueImpact>();
  readonly calls: { method: string; input: unknown }[] = [];
  private nextId = 1;

  seed(kind: CatalogueKind, name: string, description = ''): CatalogueEntry {
    const entry = { kind, id: `${kind}-${this.nextId++}`, name, description, version: 1 };
    this.entries.set(entry.id, entry);
    return this.copy(entry);
  }

  names(kind: CatalogueKind): string[] {
    return [...this.entries.values()].filter((entry) => entry.kind === kind).map((entry) => entry.name);
  }

  /** Someone else edits the entry (its version goes up). */
  touch(id: string, name: string): void {
    const entry = this.entries.get(id)!;
    entry.name = name;
    entry.version += 1;
  }

  async entry(kind: CatalogueKind, id: string): Promise<CatalogueEntry | null> {
    const entry = this.entries.get(id);
    return entry && entry.kind === kind ? this.copy(entry) : null;
  }

  async create(kind: CatalogueKind, input: { organisationId: string; name: string; description: string }) {
    this.calls.push({ method: 'create', input });
    this.refuseDuplicate(kind, input.name, null);
    return this.seed(kind, input.name, input.description);
  }

  async update(
    kind: CatalogueKind,
    input: { id: string; version: number; name?: string; description?: string },
  ): Promise<CatalogueEntry> {
    this.calls.push({ method: 'update', input });
    const entry = this.found(kind, input.id, input.version);
    if (input.name !== undefined && input.name !== entry.name)
      this.refuseDuplicate(kind, input.name, entry.id);
    if (input.name !== undefined) entry.name = input.name;
    if (input.description !== undefined) entry.description = input.description;
    entry.version += 1;
    return this.copy(entry);
  }

  async delete(kind: CatalogueKind, input: { id: string; version: number }): Promise<void> {
    this.calls.push({ method: 'delete', input });
    const entry = this.found(kind, input.id, input.version);
    const impact = this.impacts.get(entry.id);
    if (impact && impact.procedures.length > 0) {
      throw new GatewayError(
        'BAD_USER_INPUT',
        `The ${kind} "${entry.name}" is used by ${impact.procedures.length} procedure(s): ` +
          `${impact.procedures.map((procedure) => `"${procedure.name}"`).join(', ')}. Remove it from them first.`,
      );
    }
    this.entries.delete(entry.id);
  }

  async impact(id: string): Promise<CatalogueImpact> {
    return this.impacts.get(id) ?? { procedures: [], stepCount: 0, workInstructionCount: 0 };
  }

  private found(kind: CatalogueKind, id: string, version: number): Stored {
    const entry = this.entries.get(id);
    if (!entry || entry.kind !== kind) throw new GatewayError('NOT_FOUND', `No ${kind} ${id}.`);
    if (entry.version !== version) {
      throw new GatewayError('CONFLICT', 'Stale version.', { currentVersion: entry.version });
    }
    return entry;
  }

  private refuseDuplicate(kind: CatalogueKind, name: string, exceptId: string | null): void {
    const clash = [...this.entries.values()].find(
      (entry) =>
        entry.kind === kind && entry.id !== exceptId && entry.name.toLowerCase() === name.toLowerCase(),
    );
    if (clash) throw new GatewayError('BAD_USER_INPUT', `A ${kind} named "${clash.name}" already exists.`);
  }

  private copy({ id, name, description, version }: Stored): CatalogueEntry {
    return { id, name, description, version };
  }
}
