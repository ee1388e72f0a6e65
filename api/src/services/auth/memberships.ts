import type { EntityManager } from '@mikro-orm/postgresql';
import type { MemberRole } from '../../domain/access';
import { BadUserInputError, NotFoundError } from '../../domain/errors';
import { Membership, Organisation, User } from '../../persistence/entities';
import { lookupOrFail } from '../lookup';
import { assertVersion, inTransaction } from '../transaction';

/** Organisation membership. Every organisation keeps at least one OWNER. */
export function addMember(
  em: EntityManager,
  input: { organisationId: string; userId: string; role: MemberRole },
): Promise<Membership> {
  return inTransaction(em, async (tx) => {
    const organisation = await lookupOrFail(tx, Organisation, input.organisationId);
    const user = await tx.findOne(User, { id: input.userId });
    if (!user) throw new NotFoundError('User', input.userId);
    if (await tx.findOne(Membership, { organisation, user })) {
      throw new BadUserInputError(
        `${user.email} is already a member; change their role instead.`,
        'input.userId',
      );
    }
    return tx.create(Membership, { organisation, user, role: input.role });
  });
}

export function updateMember(
  em: EntityManager,
  input: { id: string; version: number; role: MemberRole },
): Promise<Membership> {
  return inTransaction(em, async (tx) => {
    const membership = await lookupOrFail(tx, Membership, input.id, { lock: true });
    assertVersion(membership, input.version, 'membership');
    if (membership.role === 'OWNER' && input.role !== 'OWNER') await assertAnotherOwner(tx, membership);
    membership.role = input.role;
    return membership;
  });
}

export function removeMember(em: EntityManager, input: { id: string; version: number }): Promise<boolean> {
  return inTransaction(em, async (tx) => {
    const membership = await lookupOrFail(tx, Membership, input.id, { lock: true });
    assertVersion(membership, input.version, 'membership');
    if (membership.role === 'OWNER') await assertAnotherOwner(tx, membership);
    tx.remove(membership);
    return true;
  });
}

async function assertAnotherOwner(em: EntityManager, membership: Membership): Promise<void> {
  const owners = await em.count(Membership, { organisation: membership.organisation, role: 'OWNER' });
  if (owners <= 1) {
    throw new BadUserInputError(
      'An organisation needs at least one OWNER: make someone else OWNER first.',
      'input.id',
    );
  }
}
