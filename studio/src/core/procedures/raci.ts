/** RACI letters (reference §5): exactly one Accountable and at least one Responsible per step. */
import type { Raci } from '../../gql/graphql';

export type { Raci };

/** The order the API stores and answers letters in. */
export const RACI_LETTERS: readonly Raci[] = ['R', 'A', 'C', 'I'];

export const RACI_NAMES: Readonly<Record<Raci, string>> = {
  R: 'Responsible',
  A: 'Accountable',
  C: 'Consulted',
  I: 'Informed',
};

/** Each letter once, in R, A, C, I order, so equal sets compare equal. */
export function normaliseRaci(letters: readonly Raci[]): Raci[] {
  return RACI_LETTERS.filter((letter) => letters.includes(letter));
}

export function sameLetters(a: readonly Raci[], b: readonly Raci[]): boolean {
  const left = normaliseRaci(a);
  const right = normaliseRaci(b);
  return left.length === right.length && left.every((letter, index) => letter === right[index]);
}

/** 'RA' for [R, A]; '' for none. */
export function raciCode(letters: readonly Raci[]): string {
  return normaliseRaci(letters).join('');
}

/** The letters of a code like 'RA' (unknown characters are ignored). */
export function parseRaciCode(code: string): Raci[] {
  return RACI_LETTERS.filter((letter) => code.toUpperCase().includes(letter));
}

/** Every combination of letters: none first, then by size, then in R, A, C, I order ('R' before 'A'). */
export const RACI_CHOICES: readonly (readonly Raci[])[] = Array.from({ length: 16 }, (_, mask) =>
  RACI_LETTERS.filter((_letter, index) => mask & (1 << index)),
).sort((a, b) => a.length - b.length || rank(a).localeCompare(rank(b)));

function rank(letters: readonly Raci[]): string {
  return letters.map((letter) => RACI_LETTERS.indexOf(letter)).join('');
}

/** 'Responsible, Accountable' for [R, A]; 'no letters' for none. */
export function describeLetters(letters: readonly Raci[]): string {
  const normal = normaliseRaci(letters);
  return normal.length === 0 ? 'no letters' : normal.map((letter) => RACI_NAMES[letter]).join(', ');
}
