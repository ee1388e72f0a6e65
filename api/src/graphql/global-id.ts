import { BadUserInputError } from '../domain/errors';

/**
 * Opaque global ids (Relay): base64url of "Type:storedId". Clients must treat them as opaque; we use the
 * type to route `node(id)` and to refuse an id of the wrong kind before it reaches the database.
 */
export const NODE_TYPES = [
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
  'Membership',
  'Presentation',
  'CoverageMapping',
  'User',
  'ApiToken',
] as const;
export type NodeTypeName = (typeof NODE_TYPES)[number];

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export function toGlobalId(type: NodeTypeName, storedId: string): string {
  return Buffer.from(`${type}:${storedId}`, 'utf8').toString('base64url');
}

export function parseGlobalId(globalId: string): { type: NodeTypeName; storedId: string } | null {
  if (globalId.length > 200) return null;
  const decoded = Buffer.from(globalId, 'base64url').toString('utf8');
  const separator = decoded.indexOf(':');
  if (separator < 0) return null;
  const type = decoded.slice(0, separator) as NodeTypeName;
  const storedId = decoded.slice(separator + 1);
  if (!NODE_TYPES.includes(type) || !UUID.test(storedId)) return null;
  return { type, storedId };
}

/** The stored id behind a global id of the expected type, or BAD_USER_INPUT naming the field. */
export function storedIdOf(globalId: string, expected: NodeTypeName, field: string): string {
  const parsed = parseGlobalId(globalId);
  if (!parsed) throw new BadUserInputError(`"${globalId}" is not a valid id.`, field);
  if (parsed.type !== expected) {
    throw new BadUserInputError(
      `This id belongs to a ${parsed.type}, but a ${expected} id is expected.`,
      field,
    );
  }
  return parsed.storedId;
}
