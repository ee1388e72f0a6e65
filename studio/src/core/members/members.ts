/** Members as a list: order, filtering and the checks the view makes before it asks the API. */
import type { MemberRole } from '../usm';
import type { Member } from './gateway';

export const MEMBER_ROLES: readonly MemberRole[] = ['OWNER', 'ARCHITECT', 'TRAINER', 'VIEWER'];

/** Only owners manage members. */
export function mayManageMembers(myRole: MemberRole | null | undefined): boolean {
  return myRole === 'OWNER';
}

/** Owners first, then by name (email when there is none). */
export function sortMembers(members: readonly Member[]): Member[] {
  return [...members].sort(
    (a, b) =>
      MEMBER_ROLES.indexOf(a.role) - MEMBER_ROLES.indexOf(b.role) ||
      displayName(a).localeCompare(displayName(b)),
  );
}

export function displayName(member: Pick<Member, 'user'>): string {
  return member.user.name.trim() || member.user.email;
}

export function emailProblem(email: string): string | null {
  const trimmed = email.trim();
  if (!trimmed) return 'Enter the email address of the person to add.';
  if (!/^[^\s@]+@[^\s@]+$/.test(trimmed)) return `“${trimmed}” is not an email address.`;
  return null;
}

export function noSuchUser(email: string): string {
  return `Nobody has an account with the email “${email.trim()}”. Ask an administrator to create the account first.`;
}

/** Whether the member is the organisation's only owner (the API refuses to demote or remove them). */
export function isLastOwner(members: readonly Member[], member: Member): boolean {
  return member.role === 'OWNER' && members.filter((other) => other.role === 'OWNER').length === 1;
}

export function roleWord(role: MemberRole): string {
  return role.toLowerCase();
}
