import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import { Role, Tool } from '../../persistence/entities';
import { createCatalogEntry, deleteCatalogEntry, updateCatalogEntry } from '../../services/catalog';
import type { RequestContext } from '../context';
import { storedIdOf } from '../global-id';
import { roleNode, toolNode } from '../mappers';
import {
  CreateRoleInput,
  CreateToolInput,
  DeleteInput,
  UpdateRoleInput,
  UpdateToolInput,
  type CreateCatalogEntryInput,
  type UpdateCatalogEntryInput,
} from '../types/inputs';
import { RoleNode, ToolNode } from '../types/model';

@Resolver()
export class CatalogResolver {
  @Mutation(() => RoleNode, {
    description: 'Adds a role (a USM profile). Names are unique per organisation, ignoring case.',
  })
  async createRole(
    @Arg('input', () => CreateRoleInput) input: CreateCatalogEntryInput,
    @Ctx() { em }: RequestContext,
  ) {
    const organisationId = storedIdOf(input.organisationId, 'Organisation', 'input.organisationId');
    return roleNode((await createCatalogEntry(em, Role, { ...input, organisationId })) as Role);
  }

  @Mutation(() => RoleNode)
  async updateRole(
    @Arg('input', () => UpdateRoleInput) input: UpdateCatalogEntryInput,
    @Ctx() { em }: RequestContext,
  ) {
    const id = storedIdOf(input.id, 'Role', 'input.id');
    return roleNode((await updateCatalogEntry(em, Role, { ...input, id })) as Role);
  }

  @Mutation(() => Boolean)
  deleteRole(@Arg('input', () => DeleteInput) input: DeleteInput, @Ctx() { em }: RequestContext) {
    return deleteCatalogEntry(em, Role, {
      id: storedIdOf(input.id, 'Role', 'input.id'),
      version: input.version,
    });
  }

  @Mutation(() => ToolNode, { description: 'Adds a tool. Names are unique per organisation, ignoring case.' })
  async createTool(
    @Arg('input', () => CreateToolInput) input: CreateCatalogEntryInput,
    @Ctx() { em }: RequestContext,
  ) {
    const organisationId = storedIdOf(input.organisationId, 'Organisation', 'input.organisationId');
    return toolNode((await createCatalogEntry(em, Tool, { ...input, organisationId })) as Tool);
  }

  @Mutation(() => ToolNode)
  async updateTool(
    @Arg('input', () => UpdateToolInput) input: UpdateCatalogEntryInput,
    @Ctx() { em }: RequestContext,
  ) {
    const id = storedIdOf(input.id, 'Tool', 'input.id');
    return toolNode((await updateCatalogEntry(em, Tool, { ...input, id })) as Tool);
  }

  @Mutation(() => Boolean)
  deleteTool(@Arg('input', () => DeleteInput) input: DeleteInput, @Ctx() { em }: RequestContext) {
    return deleteCatalogEntry(em, Tool, {
      id: storedIdOf(input.id, 'Tool', 'input.id'),
      version: input.version,
    });
  }
}
