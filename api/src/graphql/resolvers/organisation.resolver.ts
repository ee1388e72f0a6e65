import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { createOrganisation, deleteOrganisation, updateOrganisation } from '../../services/organisations';
import { listOrganisations } from '../../services/organisation-list';
import type { RequestContext } from '../context';
import { storedIdOf } from '../global-id';
import { combineCompleteness } from '../../domain/derivation/completeness';
import { completenessOf } from '../../services/procedure-contents';
import { organisationNode, procedureNode, processNode, roleNode, toolNode, workflowNode } from '../mappers';
import { CompletenessView, ProcedureNode } from '../types/procedure';
import { completenessView } from './completeness-view';
import { OrganisationConnection } from '../types/connection';
import { CreateOrganisationInput, DeleteInput, UpdateOrganisationInput } from '../types/inputs';
import { OrganisationNode, ProcessNode, RoleNode, ToolNode } from '../types/model';
import { WorkflowNode } from '../types/workflow';

/** Page sizes for `organisations(first:)`. */
export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;

@Resolver(() => OrganisationNode)
export class OrganisationResolver {
  @Query(() => OrganisationNode, {
    nullable: true,
    description: 'An organisation by id; null when there is none.',
  })
  async organisation(@Arg('id', () => ID) id: string, @Ctx() { loaders }: RequestContext) {
    const organisation = await loaders.organisation.load(storedIdOf(id, 'Organisation', 'id'));
    return organisation ? organisationNode(organisation) : null;
  }

  @Query(() => OrganisationConnection, {
    description: `Organisations, oldest first. \`first\` defaults to ${DEFAULT_PAGE_SIZE}, at most ${MAX_PAGE_SIZE}.`,
  })
  async organisations(
    @Arg('first', () => Int, { nullable: true }) first: number | null,
    @Arg('after', () => String, { nullable: true }) after: string | null,
    @Ctx() { em }: RequestContext,
  ): Promise<OrganisationConnection> {
    const page = await listOrganisations(em, {
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

  @Mutation(() => OrganisationNode, {
    description: 'Creates an organisation from a template (default USM_REFERENCE).',
  })
  async createOrganisation(
    @Arg('input', () => CreateOrganisationInput) input: CreateOrganisationInput,
    @Ctx() { em }: RequestContext,
  ) {
    return organisationNode(
      await createOrganisation(em, { name: input.name, template: input.template ?? 'USM_REFERENCE' }),
    );
  }

  @Mutation(() => OrganisationNode)
  async updateOrganisation(
    @Arg('input', () => UpdateOrganisationInput) input: UpdateOrganisationInput,
    @Ctx() { em }: RequestContext,
  ) {
    const id = storedIdOf(input.id, 'Organisation', 'input.id');
    return organisationNode(await updateOrganisation(em, { ...input, id }));
  }

  @Mutation(() => Boolean, { description: 'Deletes the organisation and its whole model.' })
  deleteOrganisation(@Arg('input', () => DeleteInput) input: DeleteInput, @Ctx() { em }: RequestContext) {
    return deleteOrganisation(em, {
      id: storedIdOf(input.id, 'Organisation', 'input.id'),
      version: input.version,
    });
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

  @FieldResolver(() => [ToolNode], { description: 'Tools, by name.' })
  async tools(@Root() organisation: OrganisationNode, @Ctx() { loaders }: RequestContext) {
    return (await loaders.toolsOfOrganisation.load(organisation.storedId)).map(toolNode);
  }
}
