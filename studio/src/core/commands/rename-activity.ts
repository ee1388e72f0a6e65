import { RuleViolation } from '../errors';
import { withProcess } from '../model';
import { nameProblem } from '../rules';
import { activityOrFail, quoted, sendVersioned, type Command, type CommandContext } from './command';

/** Renames an activity. Undo restores the name it had when the rename ran. */
export class RenameActivity implements Command {
  readonly name = 'RenameActivity';
  private readonly newName: string;
  private previousName: string | null = null;

  constructor(
    private readonly activityId: string,
    name: string,
  ) {
    this.newName = name.trim();
  }

  get label(): string {
    return this.previousName === null
      ? `Rename to ${quoted(this.newName)}`
      : `Rename ${quoted(this.previousName)} to ${quoted(this.newName)}`;
  }

  /** The name the user typed (kept by the UI when the rename fails). */
  get text(): string {
    return this.newName;
  }

  async execute(context: CommandContext): Promise<void> {
    const problem = nameProblem(this.newName);
    if (problem) throw new RuleViolation(problem);
    this.previousName = activityOrFail(context, this.activityId).name;
    await this.rename(context, this.newName);
  }

  undo(context: CommandContext): Promise<void> {
    return this.rename(context, this.previousName!);
  }

  redo(context: CommandContext): Promise<void> {
    return this.rename(context, this.newName);
  }

  private async rename(context: CommandContext, name: string): Promise<void> {
    const activity = activityOrFail(context, this.activityId);
    const snapshot = await sendVersioned(this.label, activity.name, activity.version, () =>
      context.gateway.updateActivity({ id: activity.id, version: activity.version, name }),
    );
    context.update((model) => withProcess(model, snapshot));
  }
}
