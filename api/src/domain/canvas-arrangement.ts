/**
 * How an organisation arranges its five process containers on the studio's canvas: columns from left to
 * right, each a list of process keys from top to bottom. It is presentation, not USM content: the studio's
 * default (Improve │ Agree │ Recover │ Change │ Operate, every fork pointing right) applies while none is saved.
 */
import { BadUserInputError } from './errors';
import { PROCESS_KEYS, type ProcessKey } from './usm';

export type CanvasArrangement = ProcessKey[][];

/** Checks that every process stands in exactly one column and that no column is empty. */
export function validCanvasArrangement(
  columns: readonly (readonly string[])[],
  field: string,
): CanvasArrangement {
  if (columns.length === 0 || columns.length > PROCESS_KEYS.length) {
    throw new BadUserInputError(
      `The arrangement needs between 1 and ${PROCESS_KEYS.length} columns; it has ${columns.length}.`,
      field,
    );
  }
  const seen = new Set<string>();
  columns.forEach((column, index) => {
    if (column.length === 0)
      throw new BadUserInputError(`Column ${index + 1} is empty.`, `${field}[${index}]`);
    for (const key of column) {
      if (!(PROCESS_KEYS as readonly string[]).includes(key)) {
        throw new BadUserInputError(`${key} is not a USM process.`, `${field}[${index}]`);
      }
      if (seen.has(key)) {
        throw new BadUserInputError(`${key} stands in more than one place.`, `${field}[${index}]`);
      }
      seen.add(key);
    }
  });
  const missing = PROCESS_KEYS.filter((key) => !seen.has(key));
  if (missing.length > 0) {
    throw new BadUserInputError(`Every process needs a place; missing: ${missing.join(', ')}.`, field);
  }
  return columns.map((column) => [...column] as ProcessKey[]);
}
