import fc from 'fast-check';

/**
 * Generators of hostile input for the property-based tests in api/hostile-input.test.ts: odd text, bad
 * numbers, malformed ids and values of the wrong JSON type. Values that depend on what is in the database
 * (an existing object's id, its current version, a position within its process) are generated as small
 * symbolic recipes (`{ $: 'pick', … }`) and resolved just before the request, so that a counterexample
 * printed by fast-check stays readable.
 */

/** Leaves that are resolved against the current database contents just before a request. */
export type Owner = 'primary' | 'other' | 'foreign';
export type Preference = 'live' | 'deleted' | 'obsolete' | 'any';

/** An existing object of `type`: of the call's organisation, another one of ours, or a stranger's. */
export interface PickRecipe {
  $: 'pick';
  type: string;
  owner: Owner;
  prefer: Preference;
  index: number;
}

/** A well-formed global id of `type` (possibly not a node type at all) naming nothing. */
export interface UnknownIdRecipe {
  $: 'unknown';
  type: string;
  uuid: string;
}

/** The stored version of the object the input names, plus `delta` (0: current, else stale). */
export interface VersionRecipe {
  $: 'version';
  delta: number;
}

/** A position in the activity's process: in range when `beyond` is 0, else that far past the end. */
export interface PositionRecipe {
  $: 'position';
  index: number;
  beyond: number;
}

export type Recipe = PickRecipe | UnknownIdRecipe | VersionRecipe | PositionRecipe;

/** Marks a field left out of the input object (as opposed to sent as null). */
export const ABSENT = Object.freeze({ $: 'absent' as const });
export type Absent = typeof ABSENT;

export function isRecipe(value: unknown): value is Recipe | Absent {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && '$' in value;
}

export const pick = (type: string, owner: Owner = 'primary', prefer: Preference = 'live') =>
  fc.nat({ max: 1_000_000 }).map((index): PickRecipe => ({ $: 'pick', type, owner, prefer, index }));

export const unknownId = (type: string) =>
  fc.uuid({ version: 4 }).map((uuid): UnknownIdRecipe => ({ $: 'unknown', type, uuid }));

export const currentVersion = fc.constant<VersionRecipe>({ $: 'version', delta: 0 });

export const staleVersion = fc
  .constantFrom(-1000, -2, -1, 1, 2, 1000)
  .map((delta): VersionRecipe => ({ $: 'version', delta }));

export const positionInRange = fc
  .nat({ max: 1000 })
  .map((index): PositionRecipe => ({ $: 'position', index, beyond: 0 }));

export const positionBeyondEnd = fc
  .constantFrom(1, 2, 100)
  .map((beyond): PositionRecipe => ({ $: 'position', index: 0, beyond }));

const base64url = (text: string) => Buffer.from(text, 'utf8').toString('base64url');

/** Curated strings that have broken APIs before: control characters, bidi tricks, SQL, markup, paths. */
export const ODD_TEXTS: readonly string[] = [
  '',
  ' ',
  '\t\n\r ',
  '\u0000',
  'a\u0000b',
  'name\u0000',
  '\u0001\u0002\u001b[31m',
  '\uD800',
  'x\uDC00y',
  '\uDBFF\uDFFF',
  '\uDFFF\uD800',
  '🚀',
  '👩‍👩‍👧‍👦',
  'e\u0301\u0301\u0301',
  '\u202Eevil\u202C',
  '\u200F\u200E\u061C',
  '\u200B\u200C\u200D',
  '\uFEFF',
  '\u3000',
  '\u00A0',
  '\u2028\u2029',
  'Ω≈ç√∫˜µ≤≥÷',
  '田中さんにあげて下さい',
  'ﷺ',
  'ЁЖЗ',
  "'",
  '"',
  '\\',
  '`',
  "'; DROP TABLE activity; --",
  "' OR '1'='1",
  '1; SELECT pg_sleep(5)',
  'SELECT * FROM app_user',
  "Robert'); DROP TABLE students;--",
  '$1',
  '%s%s%s%n',
  '${7*7}',
  '{{7*7}}',
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '../../../etc/passwd',
  'C:\\Windows\\system32',
  'null',
  'undefined',
  'NaN',
  'true',
  '[object Object]',
  '__proto__',
  'constructor',
  '{"$ne": null}',
  '*',
  '%',
  '_',
];

/** Text at the documented limits (names ≤ 200, descriptions ≤ 4,000) and around them, in UTF-16 units. */
export const BOUNDARY_TEXTS: readonly string[] = [
  'n'.repeat(200),
  'n'.repeat(201),
  ` ${'t'.repeat(200)} `,
  '🚀'.repeat(100),
  '🚀'.repeat(101),
  'é'.repeat(201),
  'd'.repeat(4000),
  'd'.repeat(4001),
];

/** Any UTF-16 code unit, lone surrogates and NUL included. */
const codeUnit = fc.integer({ min: 0, max: 0xffff }).map((code) => String.fromCharCode(code));

/** Small hostile text: curated, random code points, random code units, or a mix with ordinary text. */
export const oddText: fc.Arbitrary<string> = fc.oneof(
  { arbitrary: fc.constantFrom(...ODD_TEXTS), weight: 5 },
  { arbitrary: fc.constantFrom(...BOUNDARY_TEXTS), weight: 1 },
  { arbitrary: fc.string({ unit: 'binary', maxLength: 24 }), weight: 2 },
  { arbitrary: fc.string({ unit: codeUnit, maxLength: 12 }), weight: 2 },
  {
    arbitrary: fc
      .tuple(fc.constantFrom(...ODD_TEXTS), fc.string({ unit: 'grapheme', maxLength: 8 }))
      .map(([odd, plain]) => `${plain}${odd}${plain}`),
    weight: 2,
  },
);

/** Ordinary names, some with non-ASCII letters and emoji (valid, but exercise storage and sorting). */
export const validName = (noun: string): fc.Arbitrary<string> =>
  fc
    .tuple(fc.constantFrom('', 'Café ', 'Ärger ', '🚀 ', 'שלום ', '  '), fc.nat({ max: 99_999 }))
    .map(([prefix, n]) => `${prefix}${noun} ${n}`);

export const validText: fc.Arbitrary<string> = fc.oneof(
  fc.constant(''),
  fc.constantFrom('Check the queue.', '# Steps\n\n1. Log in\n2. **Escalate**', 'Ask the service desk 📞'),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
);

/** Values of the wrong JSON type for any field (a coercion error, whatever the field's type). */
export const wrongTypeValue = (
  expected: 'string' | 'int' | 'boolean' | 'enum' | 'id',
): fc.Arbitrary<unknown> => {
  const common: fc.Arbitrary<unknown>[] = [
    fc.constant({}),
    fc.constant({ value: 'x' }),
    fc.constant([[1]]),
    fc.constant(JSON.parse('{"__proto__":{"polluted":true}}') as unknown),
  ];
  switch (expected) {
    case 'string':
    case 'enum':
      return fc.oneof(fc.constantFrom<unknown>(0, 1, -1, 1.5, true, false), ...common);
    case 'id':
      return fc.oneof(fc.constantFrom<unknown>(1.5, -0.5, 1e300, true, false), ...common);
    case 'int':
      return fc.oneof(fc.constantFrom<unknown>('1', '', 'one', '0x10', true, false, [1, 2]), ...common);
    case 'boolean':
      return fc.oneof(fc.constantFrom<unknown>('true', 'false', 0, 1, 'yes', ''), ...common);
  }
};

/** Integers a GraphQL Int refuses or a resolver must range-check. */
export const hostileInt: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom<unknown>(
    0,
    -1,
    -0,
    2_147_483_647,
    -2_147_483_648,
    2_147_483_648,
    -2_147_483_649,
    Number.MAX_SAFE_INTEGER,
    1e300,
    1.5,
    0.0001,
    -7.25,
    '1',
    '1e3',
  ),
  fc.integer({ min: -3, max: 12 }),
  fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e12, max: 1e12 }),
);

/** Enum values that are nearly right, wrong, or of the wrong type. */
export const hostileEnum = (values: readonly string[]): fc.Arbitrary<unknown> =>
  fc.oneof(
    fc.constantFrom(...values).chain((value) =>
      fc.constantFrom<unknown>(
        value.toLowerCase(),
        ` ${value}`,
        `${value} `,
        `${value}\u0000`,
        `${value}S`,
        value.replace(/./, (first) => String.fromCharCode(first.charCodeAt(0) + 0xfee0)),
        [value, value],
      ),
    ),
    fc.constantFrom<unknown>('', 'UNKNOWN', '__typename', '__proto__', 'null', 0, 1),
    oddText,
  );

/** Ids that cannot be parsed, are too long, or name the right type with a broken stored id. */
export const malformedId = (type: string): fc.Arbitrary<unknown> =>
  fc.oneof(
    fc.constantFrom<unknown>(
      '',
      ' ',
      'x',
      '0',
      0,
      123,
      -1,
      '00000000-0000-0000-0000-000000000000',
      "' OR 1=1 --",
      'a'.repeat(201),
      '=',
      '====',
      '%00',
      '\u0000',
      base64url(`${type}:`),
      base64url(`${type}:not-a-uuid`),
      base64url(`${type}:00000000-0000-0000-0000-000000000000'; DROP TABLE role; --`),
      base64url(`${type.toLowerCase()}:00000000-0000-4000-8000-000000000000`),
      base64url(`${type}:00000000-0000-4000-8000-00000000000G`),
      base64url(`${type}:00000000-0000-4000-8000-000000000000\u0000`),
      base64url(`:00000000-0000-4000-8000-000000000000`),
      Buffer.from(`${type}:00000000-0000-4000-8000-000000000000`).toString('base64'),
    ),
    fc
      .uuid({ version: 4 })
      .chain((uuid) =>
        fc.constantFrom<unknown>(
          uuid,
          base64url(`${type}:${uuid.toUpperCase()}`),
          ` ${base64url(`${type}:${uuid}`)} `,
          `${base64url(`${type}:${uuid}`)}=`,
          base64url(`${type}:${uuid}:${uuid}`),
          base64url(`${type}::${uuid}`),
        ),
      ),
    oddText,
  );

/** Sizes for the oversized-input property: over the limits, 10k characters, and over the 1 MB body limit. */
export const oversizedText: fc.Arbitrary<string> = fc
  .tuple(
    fc.constantFrom('x', '🚀', 'é', '\u202E', "'; --", ' ', 'ab\u0000'),
    fc.oneof(
      { arbitrary: fc.constantFrom(201, 4_001, 10_000, 20_001, 100_000), weight: 20 },
      { arbitrary: fc.constant(1_100_000), weight: 1 },
    ),
  )
  .map(([unit, length]) => unit.repeat(Math.ceil(length / unit.length)).slice(0, length));

export const RACI_LETTERS = ['R', 'A', 'C', 'I'] as const;

export const validRaci = fc.array(fc.constantFrom(...RACI_LETTERS), { maxLength: 5 });

export const oversizedRaci = fc
  .constantFrom(...RACI_LETTERS, 'mixed')
  .map((letter) =>
    Array.from({ length: 5_000 }, (_, index) => (letter === 'mixed' ? RACI_LETTERS[index % 4]! : letter)),
  );
