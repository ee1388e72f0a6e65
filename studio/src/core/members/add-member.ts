import type { Command, CommandContext } from '../commands/command';
import { RuleViolation } from '../errors';
import type { MemberRole } from '../usm';
import type { MemberGateway, MemberUser } from './gateway';
import { currentMember, sendRemove } from './member-io';
import { emailProblem, noSuchUser, roleWord } from './members';

/**
 * Adds a user, found by email, with a role. Undo removes the membership; redo adds the user again (a NEW
 * membership id, aliased to the first so later commands still find it).
 */
export class AddMember implements Command {
  readonly name = 'AddMember';
  private readonly email: string;
  private user: MemberUser | null = null;
  private firstId: string | null = null;

  constructor(
    private readonly gateway: MemberGateway,
    private readonly organisationId: string,
    email: string,
    private readonly role: MemberRole,
  ) {
    this.email = email.trim();
  }

  get label(): string {
    return `Add ${this.user?.name || this.email} as ${roleWord(this.role)}`;
  }

  /** The membership's id as first created (resolve it through the context for the current one). */
  get memberId(): string | null {
    return this.firstId;
  }

  async execute(): Promise<void> {
    const problem = emailProblem(this.email);
    if (problem) throw new RuleViolation(problem);
    this.user = await this.gateway.userByEmail(this.email);
    if (!this.user) throw new RuleViolation(noSuchUser(this.email));
    this.firstId = (await this.add(this.user)).id;
  }

  async undo(context: CommandContext): Promise<void> {
    const member = await currentMember(this.gateway, context.resolve(this.firstId!));
    await sendRemove(this.gateway, member, `Undo ${this.label}`);
  }

  async redo(context: CommandContext): Promise<void> {
    const added = await this.add(this.user!);
    context.alias(this.firstId!, added.id);
  }

  private add(user: MemberUser) {
    return this.gateway.addMember({ organisationId: this.organisationId, userId: user.id, role: this.role });
  }
}
