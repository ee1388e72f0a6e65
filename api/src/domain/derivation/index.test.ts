import { describe, expect, it } from 'vitest';
import * as derivation from './index';

describe('derivation index', () => {
  it('re-exports the derivation core, and nothing internal', () => {
    expect(Object.keys(derivation).sort()).toEqual([
      'RACI_LETTERS',
      'assertSingleAccountable',
      'combineCompleteness',
      'deriveSteps',
      'isInstructionObsolete',
      'measureCompleteness',
      'missingWorkInstructions',
      'normaliseRaci',
      'outOfDateReasons',
      'planRederivation',
      'stepKey',
    ]);
  });
});
