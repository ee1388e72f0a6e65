import { describe, expect, it } from 'vitest';
import { grants, MEMBER_ROLES, PERMISSIONS, type MemberRole, type Permission } from './access';

describe('member roles', () => {
  it('grant exactly the table of the access and trainer issues', () => {
    const table: Record<MemberRole, Permission[]> = {
      OWNER: ['READ', 'WRITE', 'MANAGE', 'PRESENT'],
      ARCHITECT: ['READ', 'WRITE', 'PRESENT'],
      TRAINER: ['READ', 'PRESENT'],
      VIEWER: ['READ'],
    };
    for (const role of MEMBER_ROLES) {
      for (const permission of PERMISSIONS) {
        expect(grants(role, permission), `${role} ${permission}`).toBe(table[role].includes(permission));
      }
    }
  });
});
