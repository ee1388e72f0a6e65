import { RuleViolation } from '../errors';
import { withHandover, withoutHandover } from '../model';
import { mayConnect } from '../rules';
import { CALL_TYPE_LABELS, type CallType, type HandoverKind } from '../usm';
import {
  activityOrFail,
  handoverOrFail,
  quoted,
  sendVersioned,
  type Command,
  type CommandContext,
} from './command';

/**
 * Adds a hand-over from an activity to a process: a fork (the caller waits) or a spawn (it does not). The
 * call type is the one that enters the target process. The USM rules are asked first, as the canvas does.
 */
export class AddHandover implements Command {
  readonly name = 'AddHandover';
  private createdId: string | null = null;
  private callType: CallType | null = null;
  private description = '';

  constructor(
    private readonly fromActivityId: string,
    private readonly targetProcessId: string,
    private readonly kind: HandoverKind,
  ) {}

  get label(): string {
    return `Add ${this.kind === 'FORK' ? 'fork' : 'spawn'} ${this.description}`.trim();
  }

  async execute(context: CommandContext): Promise<void> {
    const model = context.model();
    const from = activityOrFail(context, this.fromActivityId);
    const target = model.processes[this.targetProcessId];
    this.description = `from ${quoted(from.name)} to ${target?.name ?? 'a process'}`;
    const verdict = mayConnect(model, from.id, this.targetProcessId, this.kind);
    if (!verdict.allowed) throw new RuleViolation(verdict.reason);
    this.callType = verdict.callType;
    this.description += ` (${CALL_TYPE_LABELS[verdict.callType]})`;
    await this.create(context);
  }

  async undo(context: CommandContext): Promise<void> {
    const handover = handoverOrFail(context, this.createdId!);
    await sendVersioned(this.label, 'the hand-over', handover.version, () =>
      context.gateway.deleteHandover({ id: handover.id, version: handover.version }),
    );
    context.update((model) => withoutHandover(model, handover.id));
  }

  redo(context: CommandContext): Promise<void> {
    return this.create(context);
  }

  private async create(context: CommandContext): Promise<void> {
    const from = activityOrFail(context, this.fromActivityId);
    const created = await context.gateway.createHandover({
      fromActivityId: from.id,
      callType: this.callType!,
      kind: this.kind,
    });
    if (this.createdId === null) this.createdId = created.id;
    else context.alias(this.createdId, created.id);
    context.update((model) => withHandover(model, created));
  }
}
