import { describeMissingPermission, grants, type MemberRole, type Permission } from '../domain/access';
import { ForbiddenError, NotFoundError, UnauthenticatedError } from '../domain/errors';
import type { User } from '../persistence/entities';
import type { NodeTypeName } from './global-id';
import type { Loaders } from './loaders';

/**
 * Who is asking, and what they may do in each organisation. One per request; memberships are read once.
 * Outsiders are told NOT_FOUND (an organisation's objects are not revealed to non-members); members
 * without the permission get FORBIDDEN.
 */
export class RequestAccess {
  constructor(
    readonly user: User | null,
    private readonly loaders: Loaders,
  ) {}

  requireUser(): User {
    if (!this.user) throw new UnauthenticatedError();
    return this.user;
  }

  async roleIn(organisationId: string): Promise<MemberRole | null> {
    if (!this.user) return null;
    const memberships = await this.loaders.membershipsOfUser.load(this.user.id);
    return memberships.find((membership) => membership.organisation.id === organisationId)?.role ?? null;
  }

  async may(organisationId: string, permission: Permission): Promise<boolean> {
    const role = await this.roleIn(organisationId);
    return role !== null && grants(role, permission);
  }

  /**
   * Checks the permission on the organisation that owns the object `type`/`storedId`, and returns that
   * organisation's id. A missing object and an outsider's request answer the same NOT_FOUND.
   */
  async requireOn(type: NodeTypeName, storedId: string, permission: Permission): Promise<string> {
    this.requireUser();
    const organisationId = await this.organisationOf(type, storedId);
    const role = organisationId ? await this.roleIn(organisationId) : null;
    if (!organisationId || !role) throw new NotFoundError(type, storedId);
    if (!grants(role, permission)) throw new ForbiddenError(describeMissingPermission(role, permission));
    return organisationId;
  }

  private async organisationOf(type: NodeTypeName, id: string): Promise<string | null> {
    const loaders = this.loaders;
    const owner = (entity: { organisation: { id: string } } | null) => entity?.organisation.id ?? null;
    switch (type) {
      case 'Organisation':
        return (await loaders.organisation.load(id))?.id ?? null;
      case 'Process':
        return owner(await loaders.process.load(id));
      case 'Activity':
        return owner(await loaders.activity.load(id));
      case 'Handover':
        return owner(await loaders.handover.load(id));
      case 'Workflow':
        return owner(await loaders.workflow.load(id));
      case 'Role':
        return owner(await loaders.role.load(id));
      case 'Tool':
        return owner(await loaders.tool.load(id));
      case 'Procedure':
        return owner(await loaders.procedure.load(id));
      case 'ProcedureStep':
        return owner(await loaders.procedureStep.load(id));
      case 'WorkInstruction':
        return owner(await loaders.workInstruction.load(id));
      case 'Membership':
        return owner(await loaders.membership.load(id));
      case 'User':
      case 'ApiToken':
        return null;
    }
  }
}
