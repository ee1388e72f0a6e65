import { arrangementOf, type Arrangement } from '../arrangement';
import { sendVersioned, type Command, type CommandContext } from './command';

/**
 * Saves where the process containers stand (null: back to the default). Undo restores the arrangement the
 * organisation had when the command ran. The organisation's version guards against a concurrent rearrangement.
 */
export class ArrangeProcesses implements Command {
  readonly name = 'ArrangeProcesses';
  private previous: Arrangement | null = null;

  constructor(
    private readonly arrangement: Arrangement | null,
    readonly label: string,
  ) {}

  async execute(context: CommandContext): Promise<void> {
    this.previous = context.model().arrangement;
    await this.save(context, this.arrangement);
  }

  undo(context: CommandContext): Promise<void> {
    return this.save(context, this.previous);
  }

  redo(context: CommandContext): Promise<void> {
    return this.save(context, this.arrangement);
  }

  private async save(context: CommandContext, arrangement: Arrangement | null): Promise<void> {
    const model = context.model();
    const columns = arrangement ? arrangementOf(arrangement).map((keys) => [...keys]) : null;
    const saved = await sendVersioned(this.label, model.organisationName, model.organisationVersion, () =>
      context.gateway.arrangeCanvas({
        id: model.organisationId,
        version: model.organisationVersion,
        columns,
      }),
    );
    context.update((current) => ({
      ...current,
      organisationVersion: saved.version,
      arrangement: saved.canvasArrangement,
    }));
  }
}
