/**
 * The member commands' gateway over the GraphQL client: typed documents in, plain members out, failures as
 * GatewayError. Reads go to the network (a command must see the version the server holds now).
 */
import type { Client } from '@urql/core';
import type { Member, MemberGateway } from '../core/members/gateway';
import type { MemberFieldsFragment } from '../gql/graphql';
import { requests } from './requests';
import {
  MemberAddMutation,
  MemberEntryQuery,
  MemberRemoveMutation,
  MemberUpdateMutation,
  MemberUserByEmailQuery,
} from './member-operations';

/** A membership as the commands and the view use it. */
export function memberFrom({ id, role, version, user }: MemberFieldsFragment): Member {
  return { id, role, version, user: { id: user.id, name: user.name, email: user.email } };
}

export function createMemberGateway(client: Client): MemberGateway {
  const { query, mutate } = requests(client);
  return {
    async userByEmail(email) {
      const { userByEmail } = await query(MemberUserByEmailQuery, { email });
      return userByEmail ? { id: userByEmail.id, name: userByEmail.name, email: userByEmail.email } : null;
    },
    async member(id) {
      const { node } = await query(MemberEntryQuery, { id });
      return node?.__typename === 'Membership' ? memberFrom(node) : null;
    },
    async addMember(input) {
      return memberFrom((await mutate(MemberAddMutation, { input })).addMember);
    },
    async updateMember(input) {
      return memberFrom((await mutate(MemberUpdateMutation, { input })).updateMember);
    },
    async removeMember(input) {
      await mutate(MemberRemoveMutation, { input });
    },
  };
}
