import { RuleViolation } from '../errors';
import { withProcess } from '../model';
import { activityOrFail, quoted, sendVersioned, type Command, type CommandContext } from './command';

/** Moves an activity to another position in its process; the others shift. Undo moves it back. */
export class MoveActivity implements Command {
  readonly name = 'MoveActivity';
  private from: number | null = null;
  private activityName = '';

  constructor(
    private readonly activityId: string,
    private readonly to: number,
  ) {}

  get label(): string {
    return `Move ${quoted(this.activityName)} to place ${this.to}`;
  }

  async execute(context: CommandContext): Promise<void> {
    const activity = activityOrFail(context, this.activityId);
    this.activityName = activity.name;
    const count = context.model().processes[activity.processId]?.activityIds.length ?? 0;
    if (!Number.isInteger(this.to) || this.to < 1 || this.to > count) {
      throw new RuleViolation(`An activity of this process moves to a place from 1 to ${count}.`);
    }
    this.from = activity.position;
    await this.move(context, this.to);
  }

  undo(context: CommandContext): Promise<void> {
    return this.move(context, this.from!);
  }

  redo(context: CommandContext): Promise<void> {
    return this.move(context, this.to);
  }

  private async move(context: CommandContext, position: number): Promise<void> {
    const activity = activityOrFail(context, this.activityId);
    const snapshot = await sendVersioned(this.label, activity.name, activity.version, () =>
      context.gateway.updateActivity({ id: activity.id, version: activity.version, position }),
    );
    context.update((model) => withProcess(model, snapshot));
  }
}
