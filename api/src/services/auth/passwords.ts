import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';
import { BadUserInputError } from '../../domain/errors';

/**
 * Passwords are hashed with scrypt (memory-hard, in Node's own crypto: no native build). The stored form
 * names its parameters, `scrypt$<log2 N>$<r>$<p>$<salt>$<hash>`, so the cost can rise later without
 * invalidating existing hashes. USM_PASSWORD_HASH_COST (log2 N, default 15 ≈ 32 MB) may be lowered for tests.
 */
const KEY_LENGTH = 32;
export const PASSWORD_MIN_LENGTH = 10;
export const PASSWORD_MAX_LENGTH = 200;

function defaultCost(): number {
  const configured = Number(process.env.USM_PASSWORD_HASH_COST ?? 15);
  return Number.isInteger(configured) && configured >= 10 && configured <= 20 ? configured : 15;
}

export function validPassword(password: string, field: string): string {
  if (password.length < PASSWORD_MIN_LENGTH || password.length > PASSWORD_MAX_LENGTH) {
    throw new BadUserInputError(
      `A password needs ${PASSWORD_MIN_LENGTH} to ${PASSWORD_MAX_LENGTH} characters.`,
      field,
    );
  }
  return password;
}

export async function hashPassword(password: string, logCost = defaultCost()): Promise<string> {
  const salt = randomBytes(16);
  const options = { N: 2 ** logCost, r: 8, p: 1 };
  const hash = await derive(password, salt, options);
  return ['scrypt', logCost, options.r, options.p, salt.toString('base64'), hash.toString('base64')].join(
    '$',
  );
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, logCost, r, p, salt, hash] = stored.split('$');
  if (scheme !== 'scrypt' || !salt || !hash) return false;
  const expected = Buffer.from(hash, 'base64');
  const actual = await derive(password, Buffer.from(salt, 'base64'), {
    N: 2 ** Number(logCost),
    r: Number(r),
    p: Number(p),
  });
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

function derive(
  password: string,
  salt: Buffer,
  options: ScryptOptions & { N: number; r: number },
): Promise<Buffer> {
  // scrypt needs 128 × N × r bytes; allow twice that so the default 32 MB limit does not refuse it.
  const maxmem = 256 * options.N * options.r;
  return new Promise((resolve, reject) =>
    scrypt(password.normalize('NFC'), salt, KEY_LENGTH, { ...options, maxmem }, (error, key) =>
      error ? reject(error) : resolve(key),
    ),
  );
}
