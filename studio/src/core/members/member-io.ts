/** Reads and writes shared by the member commands. */
import { sendVersioned } from '../commands/command';
import { MissingObjectError } from '../errors';
import type { Member, MemberGateway } from './gateway';
import { displayName } from './members';

export async function currentMember(gateway: MemberGateway, id: string): Promise<Member> {
  const member = await gateway.member(id);
  if (!member) throw new MissingObjectError('The member no longer belongs to the organisation.');
  return member;
}

export function sendRemove(gateway: MemberGateway, member: Member, edit: string): Promise<void> {
  return sendVersioned(edit, displayName(member), member.version, () =>
    gateway.removeMember({ id: member.id, version: member.version }),
  );
}

export function sendRole(gateway: MemberGateway, member: Member, role: Member['role'], edit: string) {
  return sendVersioned(edit, displayName(member), member.version, () =>
    gateway.updateMember({ id: member.id, version: member.version, role }),
  );
}
