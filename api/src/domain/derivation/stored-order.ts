/**
 * The order of a stored procedure's steps. Internal to the derivation core (not re-exported from index.ts):
 * re-derivation and the out-of-date check must agree on it, or the two could disagree about "changed".
 */

/** By position; ties (which a healthy procedure never has) fall back to id order so results are deterministic. */
export function inStoredOrder<T extends { id: string; position: number }>(steps: readonly T[]): T[] {
  return [...steps].sort((a, b) => a.position - b.position || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}
