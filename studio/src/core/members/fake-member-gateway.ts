/**
 * An in-memory stand-in for the API's memberships, for core tests: one membership per user, versions that
 * increase with every change, CONFLICT on a stale version, new ids for every membership, and at least one
 * OWNER always.
 */
import { GatewayError } from '../errors';
import type { MemberRole } from '../usm';
import type { Member, MemberGateway, MemberUser } from './gateway';

export class FakeMemberGateway implements MemberGateway {
  readonly users: MemberUser[] = [];
  readonly members = new Map<string, Member>();
  readonly calls: { method: string; input: unknown }[] = [];
  private nextId = 1;

  user(name: string, email: string): MemberUser {
    const user = { id: `user-${this.nextId++}`, name, email };
    this.users.push(user);
    return user;
  }

  seed(user: MemberUser, role: MemberRole): Member {
    const member = { id: `membership-${this.nextId++}`, user, role, version: 1 };
    this.members.set(member.id, member);
    return { ...member };
  }

  roles(): Record<string, MemberRole> {
    return Object.fromEntries([...this.members.values()].map((member) => [member.user.email, member.role]));
  }

  async userByEmail(email: string): Promise<MemberUser | null> {
    this.calls.push({ method: 'userByEmail', input: email });
    return this.users.find((user) => user.email === email) ?? null;
  }

  async member(id: string): Promise<Member | null> {
    const member = this.members.get(id);
    return member ? { ...member } : null;
  }

  async addMember(input: { organisationId: string; userId: string; role: MemberRole }): Promise<Member> {
    this.calls.push({ method: 'addMember', input });
    const user = this.users.find((candidate) => candidate.id === input.userId);
    if (!user) throw new GatewayError('NOT_FOUND', 'No such user.');
    if ([...this.members.values()].some((member) => member.user.id === user.id)) {
      throw new GatewayError(
        'BAD_USER_INPUT',
        `${user.email} is already a member; change their role instead.`,
      );
    }
    return this.seed(user, input.role);
  }

  async updateMember(input: { id: string; version: number; role: MemberRole }): Promise<Member> {
    this.calls.push({ method: 'updateMember', input });
    const member = this.found(input.id, input.version);
    if (member.role === 'OWNER' && input.role !== 'OWNER') this.assertAnotherOwner();
    member.role = input.role;
    member.version += 1;
    return { ...member };
  }

  async removeMember(input: { id: string; version: number }): Promise<void> {
    this.calls.push({ method: 'removeMember', input });
    const member = this.found(input.id, input.version);
    if (member.role === 'OWNER') this.assertAnotherOwner();
    this.members.delete(member.id);
  }

  private found(id: string, version: number): Member {
    const member = this.members.get(id);
    if (!member) throw new GatewayError('NOT_FOUND', 'No such membership.');
    if (member.version !== version) {
      throw new GatewayError('CONFLICT', 'Stale version.', { currentVersion: member.version });
    }
    return member;
  }

  private assertAnotherOwner(): void {
    if ([...this.members.values()].filter((member) => member.role === 'OWNER').length <= 1) {
      throw new GatewayError(
        'BAD_USER_INPUT',
        'An organisation needs at least one OWNER: make someone else OWNER first.',
      );
    }
  }
}
