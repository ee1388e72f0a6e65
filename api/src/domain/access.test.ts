import { describe, expect, it } from 'vitest';
import { grants, MEMBER_ROLES, PERMISSIONS, type MemberRole, type Permission } from './access';

describe('member roles', () => {
  it('grant exactly the table of the access issue', () => {
    const table: Record<MemberRole, Permission[]> = {
      OWNER: ['READ', 'WRITE', 'MANAGE'],
      ARCHITECT: ['READ', 'WRITE'],
      TRAINER: ['READ'],
      VIEWER: ['READ'],
    };
    for (const role of MEMBER_ROLES) {
      for (const permission of PERMISSIONS) {
        expect(grants(role, permission), `${role} ${permission}`).toBe(table[role].includes(permission));
      }
    }
  });
});
