import { describeMissingPermission, grants, type MemberRole, type Permission } from '../domain/access';
import { ForbiddenError, NotFoundError, UnauthenticatedError } from '../domain/errors';
import type { User } from '../persistence/entities';
import type { SecretPrincipal } from '../services/auth/credentials';
import type { NodeTypeName } from './global-id';
import type { Loaders } from './loaders';

/**
 * What a share link grants: the live presentation whose token the request carries, and its organisation.
 * It reads that organisation's model (`SHARED_MODEL_TYPES`) and that presentation, nothing else, and
 * changes nothing.
 */
export interface ShareGrant {
  presentationId: string;
  organisationId: string;
}

/**
 * The objects of an organisation a share link reads: its USM model. Not its members, their accounts or
 * other presentations; a type added later stays hidden from share links until it is added here.
 */
export const SHARED_MODEL_TYPES: ReadonlySet<string> = new Set([
  'Organisation',
  'Process',
  'Activity',
  'Handover',
  'Workflow',
  'Role',
  'Tool',
  'Procedure',
  'ProcedureStep',
  'WorkInstruction',
  'CoverageMapping',
]);

/**
 * Who is asking, and what they may do in each organisation. One per request; memberships are read once.
 * Two kinds of principal, possibly both: a signed-in user (member roles, `domain/access.ts`) and a share
 * link (READ of one organisation's model, see ShareGrant).
 * Outsiders are told NOT_FOUND (an organisation's objects are not revealed to non-members); members
 * without the permission get FORBIDDEN.
 */
export class RequestAccess {
  private userEntity: User | null = null;
  /** The roles read with the credential; null once the operation is a mutation (see beforeMutation). */
  private rolesAtStart: ReadonlyMap<string, MemberRole> | null;

  /**
   * @param principal the signed-in user as the credential's statement read them (null: signed out)
   * @param userEntity makes that user an entity of the request's entity manager (on first use of `user`)
   */
  constructor(
    private readonly principal: SecretPrincipal | null,
    private readonly loaders: Loaders,
    readonly share: ShareGrant | null = null,
    private readonly userEntity_: (principal: SecretPrincipal) => User = () => {
      throw new Error('RequestAccess: no entity manager to map the user with');
    },
  ) {
    this.rolesAtStart = principal?.roles ?? null;
  }

  /** Whether a user is signed in (without making the user an entity). */
  get signedIn(): boolean {
    return this.principal !== null;
  }

  get administrator(): boolean {
    return this.principal?.administrator ?? false;
  }

  /** The signed-in user, an entity of this request's entity manager; null when signed out. */
  get user(): User | null {
    if (!this.principal) return null;
    return (this.userEntity ??= this.userEntity_(this.principal));
  }

  requireUser(): User {
    if (!this.user) throw new UnauthenticatedError();
    return this.user;
  }

  /**
   * Called before a mutation runs: its memberships are read again when first needed, so it sees the ones
   * it made or changed (e.g. `createOrganisation { myRole }`), and the user is an entity from the start,
   * as if both had been read lazily. Queries change nothing, so they use what was read with the credential.
   */
  beforeMutation(): void {
    this.rolesAtStart = null;
    void this.user;
  }

  /** The member role of the signed-in user (a share link is no member: null). */
  async roleIn(organisationId: string): Promise<MemberRole | null> {
    if (!this.principal) return null;
    if (this.rolesAtStart) return this.rolesAtStart.get(organisationId) ?? null;
    const memberships = await this.loaders.membershipsOfUser.load(this.principal.userId);
    return memberships.find((membership) => membership.organisation.id === organisationId)?.role ?? null;
  }

  /** Whether the caller may do this in the organisation: as a member, or READ through a share link. */
  async may(organisationId: string, permission: Permission): Promise<boolean> {
    if (permission === 'READ' && this.share?.organisationId === organisationId) return true;
    const role = await this.roleIn(organisationId);
    return role !== null && grants(role, permission);
  }

  /** Whether the caller may read this object of the organisation (members: all; share links: the model). */
  async mayRead(type: NodeTypeName, storedId: string, organisationId: string): Promise<boolean> {
    if (this.shareReads(type, storedId, organisationId)) return true;
    const role = await this.roleIn(organisationId);
    return role !== null && grants(role, 'READ');
  }

  /**
   * Only members: for what a share link must not see of an organisation it reads (its members, its
   * other presentations). FORBIDDEN otherwise (the caller reached the organisation, so it exists for them).
   */
  async requireMember(organisationId: string, permission: Permission = 'READ'): Promise<MemberRole> {
    const role = await this.roleIn(organisationId);
    if (!role) throw new ForbiddenError('Only members of the organisation see this; a share link does not.');
    if (!grants(role, permission)) throw new ForbiddenError(describeMissingPermission(role, permission));
    return role;
  }

  /**
   * Checks the permission on the organisation that owns the object `type`/`storedId`, and returns that
   * organisation's id. A missing object and an outsider's request answer the same NOT_FOUND. A share link
   * reads its organisation's model; asked for more there, FORBIDDEN.
   */
  async requireOn(type: NodeTypeName, storedId: string, permission: Permission): Promise<string> {
    if (!this.principal && !this.share) throw new UnauthenticatedError();
    const organisationId = await this.organisationOf(type, storedId);
    if (!organisationId) throw new NotFoundError(type, storedId);
    const role = await this.roleIn(organisationId);
    if (!role) {
      if (!this.shareReads(type, storedId, organisationId)) throw new NotFoundError(type, storedId);
      if (permission !== 'READ')
        throw new ForbiddenError('A share link only reads; sign in to change anything.');
      return organisationId;
    }
    if (!grants(role, permission)) throw new ForbiddenError(describeMissingPermission(role, permission));
    return organisationId;
  }

  private shareReads(type: NodeTypeName, storedId: string, organisationId: string): boolean {
    const share = this.share;
    if (!share || share.organisationId !== organisationId) return false;
    return SHARED_MODEL_TYPES.has(type) || (type === 'Presentation' && storedId === share.presentationId);
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
      case 'Presentation':
        return owner(await loaders.presentation.load(id));
      case 'CoverageMapping':
        return owner(await loaders.coverageMapping.load(id));
      case 'User':
      case 'ApiToken':
        return null;
    }
  }
}
