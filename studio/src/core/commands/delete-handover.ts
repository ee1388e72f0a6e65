import { withHandover, withoutHandover } from '../model';
import { CALL_TYPE_LABELS, type CallType, type HandoverKind } from '../usm';
import {
  activityOrFail,
  handoverOrFail,
  quoted,
  sendVersioned,
  type Command,
  type CommandContext,
} from './command';

/** Deletes a hand-over. Undo creates it again (under a new id, aliased to the old one). */
export class DeleteHandover implements Command {
  readonly name = 'DeleteHandover';
  private deleted: { fromActivityId: string; callType: CallType; kind: HandoverKind } | null = null;
  private description = '';

  constructor(private readonly handoverId: string) {}

  get label(): string {
    return `Delete ${this.deleted?.kind === 'SPAWN' ? 'spawn' : 'fork'} ${this.description}`.trim();
  }

  async execute(context: CommandContext): Promise<void> {
    const handover = handoverOrFail(context, this.handoverId);
    const model = context.model();
    const from = model.activities[handover.fromActivityId];
    const target = model.processes[handover.targetProcessId];
    this.deleted = {
      fromActivityId: handover.fromActivityId,
      callType: handover.callType,
      kind: handover.kind,
    };
    this.description = `from ${quoted(from?.name ?? '')} to ${target?.name ?? ''} (${CALL_TYPE_LABELS[handover.callType]})`;
    await this.delete(context);
  }

  async undo(context: CommandContext): Promise<void> {
    const deleted = this.deleted!;
    const from = activityOrFail(context, deleted.fromActivityId);
    const created = await context.gateway.createHandover({
      fromActivityId: from.id,
      callType: deleted.callType,
      kind: deleted.kind,
    });
    context.alias(this.handoverId, created.id);
    context.update((model) => withHandover(model, created));
  }

  redo(context: CommandContext): Promise<void> {
    return this.delete(context);
  }

  private async delete(context: CommandContext): Promise<void> {
    const handover = handoverOrFail(context, this.handoverId);
    await sendVersioned(this.label, 'the hand-over', handover.version, () =>
      context.gateway.deleteHandover({ id: handover.id, version: handover.version }),
    );
    context.update((model) => withoutHandover(model, handover.id));
  }
}
