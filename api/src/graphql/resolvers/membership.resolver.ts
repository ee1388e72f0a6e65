import { Arg, Ctx, FieldResolver, Mutation, Resolver, Root } from 'type-graphql';
import { addMember, removeMember, updateMember } from '../../services/auth/memberships';
import { Access } from '../access-rules';
import type { RequestContext } from '../context';
import { storedIdOf } from '../global-id';
import { membershipNode, organisationNode, userNode } from '../mappers';
import { AddMemberInput, MembershipNode, UpdateMemberInput, UserNode } from '../types/auth';
import { DeleteInput } from '../types/inputs';
import { OrganisationNode } from '../types/model';

@Resolver(() => MembershipNode)
export class MembershipResolver {
  @Access('ORGANISATION')
  @Mutation(() => MembershipNode, { description: 'Adds a user to an organisation with a role (OWNER only).' })
  async addMember(
    @Arg('input', () => AddMemberInput) input: AddMemberInput,
    @Ctx() { em, access }: RequestContext,
  ) {
    const organisationId = storedIdOf(input.organisationId, 'Organisation', 'input.organisationId');
    await access.requireOn('Organisation', organisationId, 'MANAGE');
    const userId = storedIdOf(input.userId, 'User', 'input.userId');
    return membershipNode(await addMember(em, { organisationId, userId, role: input.role }));
  }

  @Access('ORGANISATION')
  @Mutation(() => MembershipNode, {
    description: "Changes a member's role (OWNER only; one OWNER always stays).",
  })
  async updateMember(
    @Arg('input', () => UpdateMemberInput) input: UpdateMemberInput,
    @Ctx() { em, access }: RequestContext,
  ) {
    const id = storedIdOf(input.id, 'Membership', 'input.id');
    await access.requireOn('Membership', id, 'MANAGE');
    return membershipNode(await updateMember(em, { id, version: input.version, role: input.role }));
  }

  @Access('ORGANISATION')
  @Mutation(() => Boolean, { description: 'Removes a member (OWNER only; one OWNER always stays).' })
  async removeMember(
    @Arg('input', () => DeleteInput) input: DeleteInput,
    @Ctx() { em, access }: RequestContext,
  ) {
    const id = storedIdOf(input.id, 'Membership', 'input.id');
    await access.requireOn('Membership', id, 'MANAGE');
    return removeMember(em, { id, version: input.version });
  }

  @FieldResolver(() => UserNode)
  async user(@Root() membership: MembershipNode, @Ctx() { loaders }: RequestContext) {
    return userNode((await loaders.user.load(membership.userId))!);
  }

  @FieldResolver(() => OrganisationNode)
  async organisation(@Root() membership: MembershipNode, @Ctx() { loaders }: RequestContext) {
    return organisationNode((await loaders.organisation.load(membership.organisationId))!);
  }
}
