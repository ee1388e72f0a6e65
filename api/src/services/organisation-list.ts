import type { EntityManager } from '@mikro-orm/postgresql';
import { BadUserInputError } from '../domain/errors';
import { Organisation } from '../persistence/entities';

/**
 * Keyset pagination, oldest first. A cursor encodes (createdAt, id) so pages stay stable while
 * organisations are added or removed.
 */
export interface OrganisationPage {
  items: { cursor: string; organisation: Organisation }[];
  hasNextPage: boolean;
  hasPreviousPage: boolean;
  totalCount: number;
}

export async function listOrganisations(
  em: EntityManager,
  request: {
    /** Only these organisations (the caller's). */
    organisationIds: readonly string[];
    first?: number | null;
    after?: string | null;
    defaultSize: number;
    maxSize: number;
  },
): Promise<OrganisationPage> {
  const size = request.first ?? request.defaultSize;
  if (!Number.isInteger(size) || size < 0 || size > request.maxSize) {
    throw new BadUserInputError(`"first" must be between 0 and ${request.maxSize}.`, 'first');
  }
  const after = request.after == null ? null : decodeCursor(request.after);
  const mine = { id: { $in: [...request.organisationIds] } };
  const where = after
    ? {
        ...mine,
        $or: [{ createdAt: { $gt: after.createdAt } }, { createdAt: after.createdAt, id: { $gt: after.id } }],
      }
    : mine;
  const [rows, totalCount] = await Promise.all([
    em.find(Organisation, where, { orderBy: [{ createdAt: 'asc' }, { id: 'asc' }], limit: size + 1 }),
    em.count(Organisation, mine),
  ]);
  return {
    items: rows.slice(0, size).map((organisation) => ({ cursor: encodeCursor(organisation), organisation })),
    hasNextPage: rows.length > size,
    hasPreviousPage: after !== null,
    totalCount,
  };
}

function encodeCursor(organisation: Organisation): string {
  return Buffer.from(JSON.stringify([organisation.createdAt.toISOString(), organisation.id])).toString(
    'base64url',
  );
}

function decodeCursor(cursor: string): { createdAt: Date; id: string } {
  try {
    const [createdAt, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as [string, string];
    const date = new Date(createdAt);
    if (typeof id !== 'string' || !/^[0-9a-f-]{36}$/.test(id) || Number.isNaN(date.getTime()))
      throw new Error();
    return { createdAt: date, id };
  } catch {
    throw new BadUserInputError('"after" is not a cursor returned by this API.', 'after');
  }
}
