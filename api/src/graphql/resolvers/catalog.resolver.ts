import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import { Role, Tool } from '../../persistence/entities';
import { createCatalogEntry, deleteCatalogEntry, updateCatalogEntry } from '../../services/catalog';
import { Access } from '../access-rules';
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
  @Access('ORGANISATION')
  @Mutation(() => RoleNode, {
    description: 'Adds a role (a USM profile). Names are unique per organisation, ignoring case.',
  })
  async createRole(
    @Arg('input', () => CreateRoleInput) input: CreateCatalogEntryInput,
    @Ctx() { em, access }: RequestContext,
  ) {
    await access.requireOn(
      'Organisation',
      storedIdOf(input.organisationId, 'Organisation', 'input.organisationId'),
      'WRITE',
    );
    const organisationId = storedIdOf(input.organisationId, 'Organisation', 'input.organisationId');
    return roleNode((await createCatalogEntry(em, Role, { ...input, organisationId })) as Role);
  }

  @Access('ORGANISATION')
  @Mutation(() => RoleNode)
  async updateRole(
    @Arg('input', () => UpdateRoleInput) input: UpdateCatalogEntryInput,
    @Ctx() { em, access }: RequestContext,
  ) {
    await access.requireOn('Role', storedIdOf(input.id, 'Role', 'input.id'), 'WRITE');
    const id = storedIdOf(input.id, 'Role', 'input.id');
    return roleNode((await updateCatalogEntry(em, Role, { ...input, id })) as Role);
  }

  @Access('ORGANISATION')
  @Mutation(() => Boolean)
  async deleteRole(
    @Arg('input', () => DeleteInput) input: DeleteInput,
    @Ctx() { em, access }: RequestContext,
  ) {
    await access.requireOn('Role', storedIdOf(input.id, 'Role', 'input.id'), 'WRITE');
    return deleteCatalogEntry(em, Role, {
      id: storedIdOf(input.id, 'Role', 'input.id'),
      version: input.version,
    });
  }

  @Access('ORGANISATION')
  @Mutation(() => ToolNode, { description: 'Adds a tool. Names are unique per organisation, ignoring case.' })
  async createTool(
    @Arg('input', () => CreateToolInput) input: CreateCatalogEntryInput,
    @Ctx() { em, access }: RequestContext,
  ) {
    await access.requireOn(
      'Organisation',
      storedIdOf(input.organisationId, 'Organisation', 'input.organisationId'),
      'WRITE',
    );
    const organisationId = storedIdOf(input.organisationId, 'Organisation', 'input.organisationId');
    return toolNode((await createCatalogEntry(em, Tool, { ...input, organisationId })) as Tool);
  }

  @Access('ORGANISATION')
  @Mutation(() => ToolNode)
  async updateTool(
    @Arg('input', () => UpdateToolInput) input: UpdateCatalogEntryInput,
    @Ctx() { em, access }: RequestContext,
  ) {
    await access.requireOn('Tool', storedIdOf(input.id, 'Tool', 'input.id'), 'WRITE');
    const id = storedIdOf(input.id, 'Tool', 'input.id');
    return toolNode((await updateCatalogEntry(em, Tool, { ...input, id })) as Tool);
  }

  @Access('ORGANISATION')
  @Mutation(() => Boolean)
  async deleteTool(
    @Arg('input', () => DeleteInput) input: DeleteInput,
    @Ctx() { em, access }: RequestContext,
  ) {
    await access.requireOn('Tool', storedIdOf(input.id, 'Tool', 'input.id'), 'WRITE');
    return deleteCatalogEntry(em, Tool, {
      id: storedIdOf(input.id, 'Tool', 'input.id'),
      version: input.version,
    });
  }
}
