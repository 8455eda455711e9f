import { characterClasses, checkPasswordPolicy } from './password-policy';

const COMMON = new Set(['password', 'qwertyuiop', 'iloveyou']);

describe('password policy', () => {
  it('accepts 12+ characters from 3 classes that are not common', () => {
    expect(
      checkPasswordPolicy('Kx9!correct-Horse', { commonPasswords: COMMON }),
    ).toEqual([]);
    expect(
      checkPasswordPolicy('lower-and-123', { commonPasswords: COMMON }),
    ).toEqual([]);
  });

  it('counts character classes', () => {
    expect(characterClasses('abc')).toBe(1);
    expect(characterClasses('aB3!')).toBe(4);
    expect(characterClasses('密码很长的中文口令')).toBe(1);
  });

  it('requires at least 12 characters, counting Chinese characters as one each', () => {
    expect(checkPasswordPolicy('Ab1!Ab1!Ab1')).toEqual(['too_short']);
    expect(checkPasswordPolicy('科技局Ab1!Ab1!Ab1')).toEqual([]);
  });

  it('requires 3 of 4 character classes', () => {
    expect(checkPasswordPolicy('abcdefghijklmn')).toEqual(['too_few_classes']);
    expect(checkPasswordPolicy('abcdefgh12345')).toEqual(['too_few_classes']);
  });

  it('rejects common passwords, also with digits and symbols tacked on', () => {
    expect(
      checkPasswordPolicy('Password2024!', { commonPasswords: COMMON }),
    ).toEqual(['common']);
    expect(
      checkPasswordPolicy('QWERTYUIOP12', { commonPasswords: COMMON }),
    ).toEqual(['too_few_classes', 'common']);
  });

  it('rejects a password containing the e-mail name', () => {
    expect(
      checkPasswordPolicy('Zhangwei-2026!', { email: 'zhangwei@example.com' }),
    ).toEqual(['contains_email']);
  });
});
