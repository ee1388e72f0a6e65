/**
 * Who may do what in an organisation. Plain data and rules; the GraphQL edge asks them on every field.
 */
export const MEMBER_ROLES = ['OWNER', 'ARCHITECT', 'TRAINER', 'VIEWER'] as const;
export type MemberRole = (typeof MEMBER_ROLES)[number];

/**
 * READ: see the model. WRITE: edit the model and derive. MANAGE: manage members and delete the
 * organisation. PRESENT: run walkthroughs for a class (presentations, share links) and reset a demo
 * organisation to its sample state.
 */
export const PERMISSIONS = ['READ', 'WRITE', 'MANAGE', 'PRESENT'] as const;
export type Permission = (typeof PERMISSIONS)[number];

const GRANTS: Readonly<Record<MemberRole, readonly Permission[]>> = {
  OWNER: ['READ', 'WRITE', 'MANAGE', 'PRESENT'],
  ARCHITECT: ['READ', 'WRITE', 'PRESENT'],
  TRAINER: ['READ', 'PRESENT'],
  VIEWER: ['READ'],
};

export function grants(role: MemberRole, permission: Permission): boolean {
  return GRANTS[role].includes(permission);
}

/** What a member lacking a permission is told. */
export function describeMissingPermission(role: MemberRole, permission: Permission): string {
  const needs: Record<Permission, string> = {
    READ: 'read this organisation',
    WRITE: 'edit the model (ARCHITECT or OWNER)',
    MANAGE: 'manage the organisation and its members (OWNER)',
    PRESENT: 'present walkthroughs or reset a demo (TRAINER, ARCHITECT or OWNER)',
  };
  return `As ${role} you cannot ${needs[permission]}.`;
}
