import type { Command, CommandContext } from '../commands/command';
import type { Member, MemberGateway } from './gateway';
import { currentMember, sendRemove } from './member-io';
import { displayName } from './members';

/**
 * Removes a member. Undo adds the user again with the role they had (a NEW membership id, aliased to the
 * old one); redo removes them again.
 */
export class RemoveMember implements Command {
  readonly name = 'RemoveMember';
  private seen: Member;
  private currentId: string;

  constructor(
    private readonly gateway: MemberGateway,
    private readonly organisationId: string,
    /** The membership as the user saw it. */
    member: Member,
  ) {
    this.seen = { ...member, user: { ...member.user } };
    this.currentId = member.id;
  }

  get label(): string {
    return `Remove ${displayName(this.seen)}`;
  }

  async execute(context: CommandContext): Promise<void> {
    this.currentId = context.resolve(this.seen.id);
    await sendRemove(this.gateway, { ...this.seen, id: this.currentId }, this.label);
  }

  async prepareRetry(): Promise<void> {
    const member = await this.gateway.member(this.currentId);
    if (member) this.seen = member;
  }

  async undo(context: CommandContext): Promise<void> {
    const added = await this.gateway.addMember({
      organisationId: this.organisationId,
      userId: this.seen.user.id,
      role: this.seen.role,
    });
    context.alias(this.seen.id, added.id);
  }

  async redo(context: CommandContext): Promise<void> {
    const member = await currentMember(this.gateway, context.resolve(this.seen.id));
    this.seen = { ...this.seen, role: member.role };
    await sendRemove(this.gateway, member, `Redo ${this.label}`);
  }
}
