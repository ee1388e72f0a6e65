import type { Command, CommandContext } from './command';

/**
 * Several commands as one undo step (deleting a multiple selection). If one fails while executing, the
 * ones already done are undone again, so the batch either happens as a whole or not at all (as far as the
 * server allows: an undo that fails too is reported by the caller).
 */
export class Batch implements Command {
  readonly name = 'Batch';

  constructor(
    private readonly description: string,
    readonly commands: readonly Command[],
  ) {}

  get label(): string {
    return this.commands.length === 1 ? this.commands[0]!.label : this.description;
  }

  async execute(context: CommandContext): Promise<void> {
    await this.runAll(context, (command) => command.execute(context));
  }

  async undo(context: CommandContext): Promise<void> {
    for (const command of [...this.commands].reverse()) await command.undo(context);
  }

  async redo(context: CommandContext): Promise<void> {
    await this.runAll(context, (command) => command.redo(context));
  }

  private async runAll(context: CommandContext, run: (command: Command) => Promise<void>): Promise<void> {
    const done: Command[] = [];
    try {
      for (const command of this.commands) {
        await run(command);
        done.push(command);
      }
    } catch (error) {
      for (const command of done.reverse()) await command.undo(context).catch(() => undefined);
      throw error;
    }
  }
}
