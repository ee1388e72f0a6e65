import { quoted, sendVersioned, type Command, type CommandContext } from '../commands/command';
import { MissingObjectError, RuleViolation } from '../errors';
import type { DocumentProblem } from './export-choices';
import type { InterchangeGateway } from './gateway';

/**
 * Imports a USM-WIF file as a new procedure. Undo deletes that procedure (with the version the server holds
 * then); redo imports the same file again, under a new id that later commands find through the id aliases.
 */
export class ImportWif implements Command {
  readonly name = 'ImportWif';
  private readonly procedureName: string | null;
  private createdId: string | null = null;
  private createdName: string | null = null;
  private lastSkipped: readonly DocumentProblem[] = [];

  constructor(
    private readonly gateway: InterchangeGateway,
    private readonly organisationId: string,
    private readonly document: string,
    private readonly fileName: string,
    name?: string | null,
  ) {
    this.procedureName = name?.trim() || null;
  }

  get label(): string {
    return this.createdName
      ? `Import procedure ${quoted(this.createdName)} from ${this.fileName}`
      : `Import ${this.fileName} as a procedure`;
  }

  /** The procedure's id as first imported (resolve it through the context for the current one). */
  get procedureId(): string | null {
    return this.createdId;
  }

  /** What the last import left out. */
  get skipped(): readonly DocumentProblem[] {
    return this.lastSkipped;
  }

  async execute(): Promise<void> {
    if (!this.document.trim()) throw new RuleViolation('The file is empty.');
    const result = await this.import();
    this.createdId = result.id;
    this.createdName = result.name;
  }

  async undo(context: CommandContext): Promise<void> {
    const current = await this.gateway.readProcedure(context.resolve(this.createdId!));
    if (!current)
      throw new MissingObjectError('The imported procedure no longer exists: someone may have deleted it.');
    await sendVersioned(`Undo ${this.label}`, current.name, current.version, () =>
      this.gateway.deleteProcedure({ id: current.id, version: current.version }),
    );
  }

  async redo(context: CommandContext): Promise<void> {
    const result = await this.import();
    context.alias(this.createdId!, result.id);
  }

  private async import() {
    const { procedure, skipped } = await this.gateway.importWif({
      organisationId: this.organisationId,
      document: this.document,
      name: this.procedureName,
    });
    this.lastSkipped = skipped;
    return procedure;
  }
}
