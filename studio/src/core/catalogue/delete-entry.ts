import { quoted, type Command, type CommandContext } from '../commands/command';
import { currentEntry, deleteCurrent } from './entry-io';
import type { CatalogueEntry, CatalogueGateway, CatalogueKind } from './gateway';

/**
 * Deletes a role or a tool (the API refuses while procedures use it, naming them). Undo re-creates it with
 * its name and description under a NEW id, aliased to the old one so later commands still find it.
 */
export class DeleteCatalogueEntry implements Command {
  readonly name: string;
  private seen: CatalogueEntry;
  private currentId: string;

  constructor(
    private readonly kind: CatalogueKind,
    private readonly gateway: CatalogueGateway,
    private readonly organisationId: string,
    /** The entry as the user saw it when asking to delete it. */
    entry: CatalogueEntry,
  ) {
    this.name = kind === 'role' ? 'DeleteRole' : 'DeleteTool';
    this.seen = { ...entry };
    this.currentId = entry.id;
  }

  get label(): string {
    return `Delete ${this.kind} ${quoted(this.seen.name)}`;
  }

  async execute(context: CommandContext): Promise<void> {
    this.currentId = context.resolve(this.seen.id);
    await deleteCurrent(this.gateway, this.kind, { ...this.seen, id: this.currentId }, this.label);
  }

  async prepareRetry(): Promise<void> {
    const entry = await this.gateway.entry(this.kind, this.currentId);
    if (entry) this.seen = entry;
  }

  async undo(context: CommandContext): Promise<void> {
    const created = await this.gateway.create(this.kind, {
      organisationId: this.organisationId,
      name: this.seen.name,
      description: this.seen.description,
    });
    context.alias(this.seen.id, created.id);
  }

  async redo(context: CommandContext): Promise<void> {
    const entry = await currentEntry(this.gateway, this.kind, context.resolve(this.seen.id));
    this.seen = { ...this.seen, name: entry.name, description: entry.description };
    await deleteCurrent(this.gateway, this.kind, entry, `Redo ${this.label}`);
  }
}

export class DeleteRole extends DeleteCatalogueEntry {
  constructor(gateway: CatalogueGateway, organisationId: string, entry: CatalogueEntry) {
    super('role', gateway, organisationId, entry);
  }
}

export class DeleteTool extends DeleteCatalogueEntry {
  constructor(gateway: CatalogueGateway, organisationId: string, entry: CatalogueEntry) {
    super('tool', gateway, organisationId, entry);
  }
}
