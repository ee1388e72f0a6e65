import { describe, expect, it } from 'vitest';
import { FakeMemberGateway } from './fake-member-gateway';
import { emailProblem, isLastOwner, mayManageMembers, noSuchUser, sortMembers } from './members';

describe('members', () => {
  const gateway = new FakeMemberGateway();
  const zoe = gateway.seed(gateway.user('Zoe', 'zoe@example.org'), 'OWNER');
  const adam = gateway.seed(gateway.user('Adam', 'adam@example.org'), 'VIEWER');
  const bea = gateway.seed(gateway.user('', 'bea@example.org'), 'ARCHITECT');
  const carl = gateway.seed(gateway.user('Carl', 'carl@example.org'), 'ARCHITECT');

  it('lists owners first, then by role and name (email when nameless)', () => {
    expect(sortMembers([adam, carl, bea, zoe]).map((member) => member.user.email)).toEqual([
      'zoe@example.org',
      'bea@example.org',
      'carl@example.org',
      'adam@example.org',
    ]);
  });

  it('knows the last owner and who manages members', () => {
    expect(isLastOwner([zoe, adam], zoe)).toBe(true);
    expect(isLastOwner([zoe, { ...adam, role: 'OWNER' }], zoe)).toBe(false);
    expect(isLastOwner([zoe, adam], adam)).toBe(false);
    expect(mayManageMembers('OWNER')).toBe(true);
    expect(mayManageMembers('ARCHITECT')).toBe(false);
    expect(mayManageMembers(null)).toBe(false);
  });

  it('checks emails and says what to do about an unknown one', () => {
    expect(emailProblem(' ')).toBe('Enter the email address of the person to add.');
    expect(emailProblem('nobody')).toBe('“nobody” is not an email address.');
    expect(emailProblem(' a@b.org ')).toBeNull();
    expect(noSuchUser(' x@y.org')).toBe(
      'Nobody has an account with the email “x@y.org”. Ask an administrator to create the account first.',
    );
  });
});
