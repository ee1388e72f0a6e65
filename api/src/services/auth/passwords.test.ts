import { describe, expect, it } from 'vitest';
import { BadUserInputError } from '../../domain/errors';
import { hashPassword, validPassword, verifyPassword } from './passwords';

describe('password hashing', () => {
  it('verifies the right password and refuses a wrong one', async () => {
    const stored = await hashPassword('correct horse battery', 10);
    expect(stored).toMatch(/^scrypt\$10\$8\$1\$/);
    expect(await verifyPassword('correct horse battery', stored)).toBe(true);
    expect(await verifyPassword('correct horse batterz', stored)).toBe(false);
  });

  it('salts every hash', async () => {
    expect(await hashPassword('same password', 10)).not.toBe(await hashPassword('same password', 10));
  });

  it('refuses a malformed stored hash instead of throwing', async () => {
    expect(await verifyPassword('x', 'plain-text')).toBe(false);
  });

  it('asks for 10 to 200 characters', () => {
    expect(() => validPassword('short', 'input.password')).toThrow(BadUserInputError);
    expect(validPassword('long enough!', 'input.password')).toBe('long enough!');
  });
});
