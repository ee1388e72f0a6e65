import type { Command, CommandContext } from '../commands/command';
import type { MemberRole } from '../usm';
import type { Member, MemberGateway } from './gateway';
import { currentMember, sendRole } from './member-io';
import { displayName, roleWord } from './members';

/**
 * Changes a member's role. It sends the version the user saw (a change by someone else is a CONFLICT);
 * `prepareRetry` re-reads it. Undo restores the previous role.
 */
export class UpdateMember implements Command {
  readonly name = 'UpdateMember';
  private seen: Member;
  private currentId: string;

  constructor(
    private readonly gateway: MemberGateway,
    /** The membership as the user saw it. */
    member: Member,
    private readonly role: MemberRole,
  ) {
    this.seen = { ...member, user: { ...member.user } };
    this.currentId = member.id;
  }

  get label(): string {
    return `Make ${displayName(this.seen)} ${roleWord(this.role)} (was ${roleWord(this.seen.role)})`;
  }

  async execute(context: CommandContext): Promise<void> {
    this.currentId = context.resolve(this.seen.id);
    await sendRole(this.gateway, { ...this.seen, id: this.currentId }, this.role, this.label);
  }

  async prepareRetry(): Promise<void> {
    const member = await this.gateway.member(this.currentId);
    if (member) this.seen = member;
  }

  undo(context: CommandContext): Promise<void> {
    return this.apply(context, this.seen.role, 'Undo');
  }

  redo(context: CommandContext): Promise<void> {
    return this.apply(context, this.role, 'Redo');
  }

  private async apply(context: CommandContext, role: MemberRole, step: string): Promise<void> {
    const member = await currentMember(this.gateway, context.resolve(this.seen.id));
    await sendRole(this.gateway, member, role, `${step} ${this.label}`);
  }
}
