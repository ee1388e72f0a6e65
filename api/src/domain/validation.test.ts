import { describe, expect, it } from 'vitest';
import { BadUserInputError } from './errors';
import { NAME_MAX_LENGTH, sameName, validDescription, validName } from './validation';

describe('validName', () => {
  it('trims and accepts a normal name', () => {
    expect(validName('  Service desk ', 'input.name')).toBe('Service desk');
  });

  it('refuses empty and over-long names, naming the field', () => {
    expect(() => validName('   ', 'input.name')).toThrow(BadUserInputError);
    try {
      validName('x'.repeat(NAME_MAX_LENGTH + 1), 'input.name');
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(BadUserInputError);
      expect((error as BadUserInputError).field).toBe('input.name');
    }
  });
});

describe('validDescription', () => {
  it('treats absent as empty', () => {
    expect(validDescription(undefined, 'input.description')).toBe('');
    expect(validDescription(null, 'input.description')).toBe('');
  });
});

describe('sameName', () => {
  it('ignores case but not accents', () => {
    expect(sameName('Operator', 'operator')).toBe(true);
    expect(sameName('Operator', 'Opérator')).toBe(false);
  });
});
