import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BadUserInputError } from '../errors';
import { assertSingleAccountable, normaliseRaci, RACI_LETTERS, type Raci } from './responsibilities';

function catchError(action: () => unknown): unknown {
  try {
    action();
  } catch (error) {
    return error;
  }
  throw new Error('expected an error');
}

describe('normaliseRaci', () => {
  it('removes repeats and orders the letters R, A, C, I', () => {
    expect(normaliseRaci(['I', 'A', 'R', 'A', 'I'])).toEqual(['R', 'A', 'I']);
    expect(normaliseRaci([])).toEqual([]);
  });

  it('gives the same letters for any order or repetition of them, and is idempotent', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...RACI_LETTERS)), (letters) => {
        const normal = normaliseRaci(letters);
        expect(new Set(normal)).toEqual(new Set(letters));
        expect(normal).toEqual(RACI_LETTERS.filter((letter) => normal.includes(letter)));
        expect(normaliseRaci([...letters].reverse())).toEqual(normal);
        expect(normaliseRaci(normal)).toEqual(normal);
      }),
    );
  });
});

describe('assertSingleAccountable', () => {
  const current = new Map<string, Raci[]>([
    ['lead', ['A']],
    ['operator', ['R']],
  ]);

  it('refuses a second Accountable, naming the step, on input.raci', () => {
    const error = catchError(() =>
      assertSingleAccountable('step 3 "Analyse"', current, 'operator', ['R', 'A']),
    );
    expect(error).toBeInstanceOf(BadUserInputError);
    expect((error as BadUserInputError).field).toBe('input.raci');
    expect((error as BadUserInputError).message).toContain('step 3 "Analyse"');
    expect((error as BadUserInputError).message).toContain('exactly one Accountable');
  });

  it('refuses a new role as a second Accountable too', () => {
    expect(() => assertSingleAccountable('step 1 "Accept"', current, 'newcomer', ['A'])).toThrow(
      BadUserInputError,
    );
  });

  it('lets the Accountable role keep A, and any role take letters other than A', () => {
    expect(() => assertSingleAccountable('step 3 "Analyse"', current, 'lead', ['R', 'A'])).not.toThrow();
    expect(() =>
      assertSingleAccountable('step 3 "Analyse"', current, 'operator', ['R', 'C', 'I']),
    ).not.toThrow();
    expect(() => assertSingleAccountable('step 3 "Analyse"', current, 'newcomer', [])).not.toThrow();
  });

  it('lets any role become Accountable on a step without one', () => {
    const noAccountable = new Map<string, Raci[]>([['operator', ['R']]]);
    expect(() =>
      assertSingleAccountable('step 2 "Classify"', noAccountable, 'operator', ['A']),
    ).not.toThrow();
    expect(() => assertSingleAccountable('step 2 "Classify"', new Map(), 'anyone', ['A'])).not.toThrow();
  });

  it('throws exactly when another role already holds A and the new letters include A', () => {
    const lettersArb = fc.array(fc.constantFrom(...RACI_LETTERS), { maxLength: 4 });
    fc.assert(
      fc.property(
        fc.dictionary(fc.constantFrom('r1', 'r2', 'r3'), lettersArb),
        fc.constantFrom('r1', 'r2', 'r3', 'r4'),
        lettersArb,
        (roles, roleId, letters) => {
          const current = new Map(Object.entries(roles));
          const otherA = [...current].some(([id, held]) => id !== roleId && held.includes('A'));
          const expectThrow = otherA && letters.includes('A');
          const thrown = (() => {
            try {
              assertSingleAccountable('step 1 "x"', current, roleId, letters);
              return false;
            } catch {
              return true;
            }
          })();
          expect(thrown).toBe(expectThrow);
        },
      ),
    );
  });
});
