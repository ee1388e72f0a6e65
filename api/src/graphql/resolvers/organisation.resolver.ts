import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { combineCompleteness } from '../../domain/derivation/completeness';
import type { MemberRole } from '../../domain/access';
import { listOrganisations } from '../../services/organisation-list';
import {
  arrangeCanvas,
  createOrganisation,
  deleteOrganisation,
  updateOrganisation,
} from '../../services/organisations';
import { completenessOf } from '../../services/procedure-contents';
import { Access } from '../access-rules';
import type { RequestContext } from '../context';
import { storedIdOf } from '../global-id';
import {
  membershipNode,
  organisationNode,
  procedureNode,
  processNode,
  roleNode,
  toolNode,
  workflowNode,
} from '../mappers';
import { MembershipNode } from '../types/auth';
import { OrganisationConnection } from '../types/connection';
import { MemberRoleEnum } from '../types/enums';
import {
  ArrangeCanvasInput,
  CreateOrganisationInput,
  DeleteInput,
  UpdateOrganisationInput,
} from '../types/inputs';
import { OrganisationNode, ProcessNode, RoleNode, ToolNode } from '../types/model';
import { CompletenessView, ProcedureNode } from '../types/procedure';
import { WorkflowNode } from '../types/workflow';
import { completenessView } from './completeness-view';

/** Page sizes for `organisations(first:)`. */
export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;

@Resolver(() => OrganisationNode)
export class OrganisationResolver {
  @Access('ORGANISATION')
  @Query(() => OrganisationNode, {
    nullable: true,
    description: 'An organisation you are a member of; null when there is none or you are not a member.',
  })
  async organisation(@Arg('id', () => ID) id: string, @Ctx() { loaders, access }: RequestContext) {
    const organisation = await loaders.organisation.load(storedIdOf(id, 'Organisation', 'id'));
    return organisation && (await access.may(organisation.id, 'READ'))
      ? organisationNode(organisation)
      : null;
  }

  @Access('SIGNED_IN')
  @Query(() => OrganisationConnection, {
    description: `The organisations you are a member of, oldest first. \`first\` defaults to ${DEFAULT_PAGE_SIZE}, at most ${MAX_PAGE_SIZE}.`,
  })
  async organisations(
    @Arg('first', () => Int, { nullable: true }) first: number | null,
    @Arg('after', () => String, { nullable: true }) after: string | null,
    @Ctx() { em, access, loaders }: RequestContext,
  ): Promise<OrganisationConnection> {
    const memberships = await loaders.membershipsOfUser.load(access.requireUser().id);
    const page = await listOrganisations(em, {
      organisationIds: memberships.map((membership) => membership.organisation.id),
      first,
      after,
      defaultSize: DEFAULT_PAGE_SIZE,
      maxSize: MAX_PAGE_SIZE,
    });
    return {
      edges: page.items.map((item) => ({ cursor: item.cursor, node: organisationNode(item.organisation) })),
      pageInfo: {
        hasNextPage: page.hasNextPage,
        hasPreviousPage: page.hasPreviousPage,
        startCursor: page.items[0]?.cursor ?? null,
        endCursor: page.items.at(-1)?.cursor ?? null,
      },
      totalCount: page.totalCount,
    };
  }

  @Access('SIGNED_IN')
  @Mutation(() => OrganisationNode, {
    description: 'Creates an organisation from a template (default USM_REFERENCE); you become its OWNER.',
  })
  async createOrganisation(
    @Arg('input', () => CreateOrganisationInput) input: CreateOrganisationInput,
    @Ctx() { em, access }: RequestContext,
  ) {
    const template = input.template ?? 'USM_REFERENCE';
    const creatorId = access.requireUser().id;
    return organisationNode(await createOrganisation(em, { name: input.name, template, creatorId }));
  }

  @Access('ORGANISATION')
  @Mutation(() => OrganisationNode, { description: 'Renames an organisation (OWNER).' })
  async updateOrganisation(
    @Arg('input', () => UpdateOrganisationInput) input: UpdateOrganisationInput,
    @Ctx() { em, access }: RequestContext,
  ) {
    const id = storedIdOf(input.id, 'Organisation', 'input.id');
    await access.requireOn('Organisation', id, 'MANAGE');
    return organisationNode(await updateOrganisation(em, { ...input, id }));
  }

  @Access('ORGANISATION')
  @Mutation(() => OrganisationNode, {
    description: "Saves how the studio's canvas arranges the process containers (OWNER, ARCHITECT).",
  })
  async arrangeCanvas(
    @Arg('input', () => ArrangeCanvasInput) input: ArrangeCanvasInput,
    @Ctx() { em, access }: RequestContext,
  ) {
    const id = storedIdOf(input.id, 'Organisation', 'input.id');
    await access.requireOn('Organisation', id, 'WRITE');
    return organisationNode(await arrangeCanvas(em, { ...input, id }));
  }

  @Access('ORGANISATION')
  @Mutation(() => Boolean, { description: 'Deletes the organisation and its whole model (OWNER).' })
  async deleteOrganisation(
    @Arg('input', () => DeleteInput) input: DeleteInput,
    @Ctx() { em, access }: RequestContext,
  ) {
    const id = storedIdOf(input.id, 'Organisation', 'input.id');
    await access.requireOn('Organisation', id, 'MANAGE');
    return deleteOrganisation(em, { id, version: input.version });
  }

  @FieldResolver(() => [ProcessNode], { description: 'The five processes, in USM order.' })
  async processes(@Root() organisation: OrganisationNode, @Ctx() { loaders }: RequestContext) {
    return (await loaders.processesOfOrganisation.load(organisation.storedId)).map(processNode);
  }

  @FieldResolver(() => [WorkflowNode], { description: 'The eight USM workflows, by number.' })
  async workflows(@Root() organisation: OrganisationNode, @Ctx() { loaders }: RequestContext) {
    return (await loaders.workflowsOfOrganisation.load(organisation.storedId)).map(workflowNode);
  }

  @FieldResolver(() => [RoleNode], { description: 'Roles (USM profiles), by name.' })
  async roles(@Root() organisation: OrganisationNode, @Ctx() { loaders }: RequestContext) {
    return (await loaders.rolesOfOrganisation.load(organisation.storedId)).map(roleNode);
  }

  @FieldResolver(() => [ToolNode], { description: 'Tools, by name.' })
  async tools(@Root() organisation: OrganisationNode, @Ctx() { loaders }: RequestContext) {
    return (await loaders.toolsOfOrganisation.load(organisation.storedId)).map(toolNode);
  }

  @FieldResolver(() => [ProcedureNode], { description: 'Procedures, oldest first.' })
  async procedures(@Root() organisation: OrganisationNode, @Ctx() { loaders }: RequestContext) {
    return (await loaders.proceduresOfOrganisation.load(organisation.storedId)).map(procedureNode);
  }

  @FieldResolver(() => CompletenessView, { description: 'WHO and HOW completeness over all procedures.' })
  async completeness(@Root() organisation: OrganisationNode, @Ctx() { loaders }: RequestContext) {
    const procedures = await loaders.proceduresOfOrganisation.load(organisation.storedId);
    const contents = await Promise.all(
      procedures.map((procedure) => loaders.procedureContents.load(procedure.id)),
    );
    return completenessView(
      combineCompleteness(contents.map(completenessOf)),
      contents.flatMap((of) => of.steps),
    );
  }

  @FieldResolver(() => [MembershipNode], {
    description:
      'Who may see or edit this organisation, and as what (members only: FORBIDDEN through a share link).',
  })
  async members(@Root() organisation: OrganisationNode, @Ctx() { loaders, access }: RequestContext) {
    await access.requireMember(organisation.storedId);
    return (await loaders.membersOfOrganisation.load(organisation.storedId)).map(membershipNode);
  }

  @FieldResolver(() => MemberRoleEnum, {
    nullable: true,
    description: 'Your role in this organisation (null through a share link).',
  })
  myRole(
    @Root() organisation: OrganisationNode,
    @Ctx() { access }: RequestContext,
  ): Promise<MemberRole | null> {
    return access.roleIn(organisation.storedId);
  }
}
