import { handoversFrom, withHandover, withProcess } from '../model';
import type { CallType, HandoverKind } from '../usm';
import { activityOrFail, quoted, sendVersioned, type Command, type CommandContext } from './command';

interface DeletedHandover {
  id: string;
  callType: CallType;
  kind: HandoverKind;
}

/**
 * Deletes an activity; the API removes the hand-overs that start at it. Undo re-creates the activity at its
 * position with its name, description and hand-overs, as one step.
 *
 * The re-created activity has a NEW id: the API keeps the deleted one as a tombstone (procedures derived
 * from it still resolve it). The command aliases the old id to the new one, so commands further down the
 * history (a rename before the delete, say) act on the re-created activity. Its hand-overs get new ids too,
 * aliased the same way.
 */
export class DeleteActivity implements Command {
  readonly name = 'DeleteActivity';
  private deleted: {
    processId: string;
    name: string;
    description: string;
    position: number;
    handovers: DeletedHandover[];
  } | null = null;

  constructor(private readonly activityId: string) {}

  get label(): string {
    return `Delete activity ${quoted(this.deleted?.name ?? '')}`;
  }

  async execute(context: CommandContext): Promise<void> {
    const activity = activityOrFail(context, this.activityId);
    this.deleted = {
      processId: activity.processId,
      name: activity.name,
      description: activity.description,
      position: activity.position,
      handovers: handoversFrom(context.model(), activity.id).map(({ id, callType, kind }) => ({
        id,
        callType,
        kind,
      })),
    };
    await this.delete(context);
  }

  async undo(context: CommandContext): Promise<void> {
    const deleted = this.deleted!;
    const { activityId, process } = await context.gateway.createActivity({
      processId: deleted.processId,
      name: deleted.name,
      description: deleted.description,
      position: deleted.position,
    });
    context.alias(this.activityId, activityId);
    context.update((model) => withProcess(model, process));
    // If one of these fails the activity is back without all its hand-overs; the error is shown and the
    // command stays undoable, as the activity itself was restored.
    for (const handover of deleted.handovers) {
      const created = await context.gateway.createHandover({
        fromActivityId: activityId,
        callType: handover.callType,
        kind: handover.kind,
      });
      context.alias(handover.id, created.id);
      context.update((model) => withHandover(model, created));
    }
  }

  async redo(context: CommandContext): Promise<void> {
    const activity = activityOrFail(context, this.activityId);
    this.deleted = {
      ...this.deleted!,
      position: activity.position,
      handovers: handoversFrom(context.model(), activity.id).map(({ id, callType, kind }) => ({
        id,
        callType,
        kind,
      })),
    };
    await this.delete(context);
  }

  private async delete(context: CommandContext): Promise<void> {
    const activity = activityOrFail(context, this.activityId);
    const snapshot = await sendVersioned(this.label, activity.name, activity.version, () =>
      context.gateway.deleteActivity({ id: activity.id, version: activity.version }, activity.processId),
    );
    context.update((model) => withProcess(model, snapshot));
  }
}
