import { BadUserInputError } from './errors';

/** Limits on free text, documented in the schema's descriptions. */
export const NAME_MAX_LENGTH = 200;
export const DESCRIPTION_MAX_LENGTH = 4000;

/** A required display name: trimmed, 1 to NAME_MAX_LENGTH characters. */
export function validName(value: string, field: string, what = 'name'): string {
  const trimmed = value.trim();
  if (trimmed.length === 0) throw new BadUserInputError(`The ${what} must not be empty.`, field);
  if (trimmed.length > NAME_MAX_LENGTH) {
    throw new BadUserInputError(
      `The ${what} is ${trimmed.length} characters long; at most ${NAME_MAX_LENGTH} are allowed.`,
      field,
    );
  }
  return trimmed;
}

/** An optional free text; absent means empty. */
export function validDescription(
  value: string | null | undefined,
  field: string,
  what = 'description',
): string {
  const trimmed = (value ?? '').trim();
  if (trimmed.length > DESCRIPTION_MAX_LENGTH) {
    throw new BadUserInputError(
      `The ${what} is ${trimmed.length} characters long; at most ${DESCRIPTION_MAX_LENGTH} are allowed.`,
      field,
    );
  }
  return trimmed;
}

/** Names compare case-insensitively so that "Operator" and "operator" cannot both exist. */
export function sameName(a: string, b: string): boolean {
  return a.localeCompare(b, undefined, { sensitivity: 'accent' }) === 0;
}
