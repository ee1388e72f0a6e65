import { quoted, type Command, type CommandContext } from '../commands/command';
import { RuleViolation } from '../errors';
import { descriptionProblem, entryNameProblem } from './catalogue';
import { currentEntry, updateCurrent } from './entry-io';
import type { CatalogueEntry, CatalogueGateway, CatalogueKind } from './gateway';

type Values = { name: string; description: string };

/**
 * Renames and/or describes a role or a tool. It sends the version the user saw (so someone else's change
 * in between is a CONFLICT, not overwritten); `prepareRetry` re-reads it for "Reload and apply my edit".
 * Undo restores the name and description it had before; undo and redo send the version the server holds.
 */
export class UpdateCatalogueEntry implements Command {
  readonly name: string;
  private readonly next: Values;
  private seen: CatalogueEntry;
  private currentId: string;

  constructor(
    private readonly kind: CatalogueKind,
    private readonly gateway: CatalogueGateway,
    /** The entry as the user saw it when editing. */
    entry: CatalogueEntry,
    changes: { name?: string; description?: string },
  ) {
    this.name = kind === 'role' ? 'UpdateRole' : 'UpdateTool';
    this.seen = { ...entry };
    this.currentId = entry.id;
    this.next = {
      name: (changes.name ?? entry.name).trim(),
      description: (changes.description ?? entry.description).trim(),
    };
  }

  get label(): string {
    const renamed = this.next.name !== this.seen.name;
    const described = this.next.description !== this.seen.description;
    if (renamed && !described) {
      return `Rename ${this.kind} ${quoted(this.seen.name)} to ${quoted(this.next.name)}`;
    }
    return `${renamed ? 'Edit' : 'Describe'} ${this.kind} ${quoted(this.seen.name)}`;
  }

  /** Whether the edit changes anything (the view does not run one that does not). */
  get changesSomething(): boolean {
    return this.next.name !== this.seen.name || this.next.description !== this.seen.description;
  }

  async execute(context: CommandContext): Promise<void> {
    const problem = entryNameProblem(this.kind, this.next.name) ?? descriptionProblem(this.next.description);
    if (problem) throw new RuleViolation(problem);
    this.currentId = context.resolve(this.seen.id);
    const entry = { ...this.seen, id: this.currentId };
    await updateCurrent(this.gateway, this.kind, entry, this.next, this.label);
  }

  async prepareRetry(): Promise<void> {
    const entry = await this.gateway.entry(this.kind, this.currentId);
    if (entry) this.seen = entry;
  }

  undo(context: CommandContext): Promise<void> {
    return this.apply(context, { name: this.seen.name, description: this.seen.description }, 'Undo');
  }

  redo(context: CommandContext): Promise<void> {
    return this.apply(context, this.next, 'Redo');
  }

  private async apply(context: CommandContext, values: Values, step: string): Promise<void> {
    const entry = await currentEntry(this.gateway, this.kind, context.resolve(this.seen.id));
    await updateCurrent(this.gateway, this.kind, entry, values, `${step} ${this.label}`);
  }
}

export class UpdateRole extends UpdateCatalogueEntry {
  constructor(
    gateway: CatalogueGateway,
    entry: CatalogueEntry,
    changes: { name?: string; description?: string },
  ) {
    super('role', gateway, entry, changes);
  }
}

export class UpdateTool extends UpdateCatalogueEntry {
  constructor(
    gateway: CatalogueGateway,
    entry: CatalogueEntry,
    changes: { name?: string; description?: string },
  ) {
    super('tool', gateway, entry, changes);
  }
}
