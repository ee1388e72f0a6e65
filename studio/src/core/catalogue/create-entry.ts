import { quoted, type Command, type CommandContext } from '../commands/command';
import { RuleViolation } from '../errors';
import { descriptionProblem, entryNameProblem } from './catalogue';
import { currentEntry, deleteCurrent } from './entry-io';
import type { CatalogueGateway, CatalogueKind } from './gateway';

/**
 * Creates a role or a tool. Undo deletes it; redo creates it again, under a NEW id (the API never reuses
 * one): the first id is aliased to the new one, so later commands in the history still find it.
 */
export class CreateCatalogueEntry implements Command {
  readonly name: string;
  private readonly entryName: string;
  private readonly description: string;
  private firstId: string | null = null;

  constructor(
    private readonly kind: CatalogueKind,
    private readonly gateway: CatalogueGateway,
    private readonly organisationId: string,
    name: string,
    description = '',
  ) {
    this.name = kind === 'role' ? 'CreateRole' : 'CreateTool';
    this.entryName = name.trim();
    this.description = description.trim();
  }

  get label(): string {
    return `Create ${this.kind} ${quoted(this.entryName)}`;
  }

  /** The id of the created entry as first created (resolve it through the context for the current one). */
  get entryId(): string | null {
    return this.firstId;
  }

  async execute(): Promise<void> {
    const problem = entryNameProblem(this.kind, this.entryName) ?? descriptionProblem(this.description);
    if (problem) throw new RuleViolation(problem);
    const created = await this.create();
    this.firstId = created.id;
  }

  async undo(context: CommandContext): Promise<void> {
    const entry = await currentEntry(this.gateway, this.kind, context.resolve(this.firstId!));
    await deleteCurrent(this.gateway, this.kind, entry, `Undo ${this.label}`);
  }

  async redo(context: CommandContext): Promise<void> {
    const created = await this.create();
    context.alias(this.firstId!, created.id);
  }

  private create() {
    return this.gateway.create(this.kind, {
      organisationId: this.organisationId,
      name: this.entryName,
      description: this.description,
    });
  }
}

export class CreateRole extends CreateCatalogueEntry {
  constructor(gateway: CatalogueGateway, organisationId: string, name: string, description = '') {
    super('role', gateway, organisationId, name, description);
  }
}

export class CreateTool extends CreateCatalogueEntry {
  constructor(gateway: CatalogueGateway, organisationId: string, name: string, description = '') {
    super('tool', gateway, organisationId, name, description);
  }
}
