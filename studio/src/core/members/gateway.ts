/**
 * What the member commands need from the API, as an interface: the app injects one over the GraphQL client
 * (src/data/member-gateway.ts), tests an in-memory fake. Failures are thrown as GatewayError.
 */
import type { MemberRole } from '../usm';

export interface MemberUser {
  id: string;
  name: string;
  email: string;
}

/** One membership: a user's role in the organisation. */
export interface Member {
  /** The membership's id (not the user's). */
  id: string;
  user: MemberUser;
  role: MemberRole;
  version: number;
}

export interface MemberGateway {
  /** The user with exactly this email; null when there is none. */
  userByEmail(email: string): Promise<MemberUser | null>;
  /** The membership as the server holds it now (never from a cache); null when it no longer exists. */
  member(id: string): Promise<Member | null>;
  /** Refused with BAD_USER_INPUT when the user is already a member. */
  addMember(input: { organisationId: string; userId: string; role: MemberRole }): Promise<Member>;
  /** Refused with BAD_USER_INPUT when it would leave the organisation without an OWNER. */
  updateMember(input: { id: string; version: number; role: MemberRole }): Promise<Member>;
  /** Refused with BAD_USER_INPUT when it would leave the organisation without an OWNER. */
  removeMember(input: { id: string; version: number }): Promise<void>;
}
