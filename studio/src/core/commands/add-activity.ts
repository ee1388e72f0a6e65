import { RuleViolation } from '../errors';
import { withProcess } from '../model';
import { nameProblem } from '../rules';
import { activityOrFail, quoted, sendVersioned, type Command, type CommandContext } from './command';

/** Adds an activity to a process at a position (default: last). Undo deletes it; redo adds it again. */
export class AddActivity implements Command {
  readonly name = 'AddActivity';
  private readonly activityName: string;
  /** The id of the first activity created; later re-creations are aliases of it. */
  private createdId: string | null = null;
  private position: number | null;

  constructor(
    private readonly processId: string,
    name: string,
    position?: number,
  ) {
    this.activityName = name.trim();
    this.position = position ?? null;
  }

  get label(): string {
    return `Add activity ${quoted(this.activityName)}`;
  }

  /** The activity's id as first created (resolve it through the context for the current one). */
  get activityId(): string | null {
    return this.createdId;
  }

  async execute(context: CommandContext): Promise<void> {
    const problem = nameProblem(this.activityName);
    if (problem) throw new RuleViolation(problem);
    const process = context.model().processes[this.processId];
    if (!process) throw new RuleViolation('Activities are added to one of the five processes.');
    const last = process.activityIds.length + 1;
    this.position = Math.min(Math.max(this.position ?? last, 1), last);
    await this.create(context);
  }

  async undo(context: CommandContext): Promise<void> {
    const activity = activityOrFail(context, this.createdId!);
    const snapshot = await sendVersioned(this.label, activity.name, activity.version, () =>
      context.gateway.deleteActivity({ id: activity.id, version: activity.version }, activity.processId),
    );
    context.update((model) => withProcess(model, snapshot));
  }

  async redo(context: CommandContext): Promise<void> {
    await this.create(context);
  }

  private async create(context: CommandContext): Promise<void> {
    const { activityId, process } = await context.gateway.createActivity({
      processId: this.processId,
      name: this.activityName,
      position: this.position,
    });
    if (this.createdId === null) this.createdId = activityId;
    else context.alias(this.createdId, activityId);
    context.update((model) => withProcess(model, process));
  }
}
