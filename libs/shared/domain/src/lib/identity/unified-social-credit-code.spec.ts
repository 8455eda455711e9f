import {
  normalizeIdentifier,
  usccCheckCharacter,
  validateUscc,
} from './unified-social-credit-code';

// The example in GB 32100-2015, and one built here with its computed check character.
const VALID = [
  '91350100M000100Y43',
  `91330421MA0000010${usccCheckCharacter('91330421MA0000010')}`,
];

describe('unified social credit code', () => {
  it.each(VALID)('accepts %s', (code) => {
    expect(validateUscc(code)).toEqual({ valid: true, code });
  });

  it('computes the check character of the first 17 characters', () => {
    expect(usccCheckCharacter('91350100M000100Y4')).toBe('3');
  });

  it('rejects a wrong check character', () => {
    expect(validateUscc('91350100M000100Y44')).toEqual({
      valid: false,
      problem: 'check',
    });
  });

  it('never accepts full-width characters silently, and converts them for a form to show', () => {
    expect(validateUscc('９１３５０１００Ｍ０００１００Ｙ４３')).toEqual({
      valid: false,
      problem: 'full_width',
    });
    expect(normalizeIdentifier('９１３５０１００ｍ０００１００ｙ４３')).toBe(
      '91350100M000100Y43',
    );
    expect(normalizeIdentifier(' 9135 0100m000100y43　')).toBe(
      '91350100M000100Y43',
    );
  });

  it.each([
    ['', 'empty'],
    ['91350100M000100Y4', 'length'],
    ['91350100M000100Y433', 'length'],
    ['91350100M000100I43', 'character'],
    ['913501O0M000100Y43', 'character'],
    ['91AB0100M000100Y43', 'region'],
  ])('rejects %j as %s', (code, problem) => {
    expect(validateUscc(code)).toEqual({ valid: false, problem });
  });
});
