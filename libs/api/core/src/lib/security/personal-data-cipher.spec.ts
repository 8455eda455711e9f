import { createDecipheriv } from 'node:crypto';
import {
  parsePersonalDataKeys,
  PersonalDataCipher,
  PersonalDataSealError,
} from './personal-data-cipher';

const OLD = 'k1:9f86d081884c7d659a2feaa0c55ad015';
const NEW = 'k2:3a7bd3e2360a3d29eea436fcfb7e44c7';

describe('personal data at rest (SM4-CTR, HMAC-SM3)', () => {
  const cipher = new PersonalDataCipher(parsePersonalDataKeys(OLD));

  it('seals a phone number so the stored value shows neither it nor its length pattern, and opens it again', () => {
    const sealed = cipher.seal('13812345678');
    expect(sealed).toMatch(/^sm4:k1:[A-Za-z0-9_-]+$/);
    expect(sealed).not.toContain('13812345678');
    expect(sealed).not.toContain('5678');
    expect(cipher.open(sealed)).toBe('13812345678');
    // A fresh IV each time: equal numbers do not give equal rows.
    expect(cipher.seal('13812345678')).not.toBe(sealed);
    expect(cipher.seal('')).not.toBe('');
    expect(cipher.open(cipher.seal('0571-87654321'))).toBe('0571-87654321');
  });

  it('uses SM4 itself, not a look-alike: the ciphertext opens with a plain sm4-ctr decipher', () => {
    const sealed = cipher.seal('13900000005');
    const bytes = Buffer.from(sealed.split(':')[2] as string, 'base64url');
    expect(bytes.length).toBe(16 + 11 + 16);
    // The encryption key is derived, so a decipher with the raw key must NOT give the number.
    const raw = Buffer.from(OLD.split(':')[1] as string, 'hex');
    const decipher = createDecipheriv('sm4-ctr', raw, bytes.subarray(0, 16));
    expect(decipher.update(bytes.subarray(16, 27)).toString()).not.toBe(
      '13900000005',
    );
  });

  it('refuses a value that was altered, or sealed by a key it does not hold', () => {
    const sealed = cipher.seal('13812345678');
    const bytes = Buffer.from(sealed.split(':')[2] as string, 'base64url');
    bytes[20] = (bytes[20] as number) ^ 1;
    expect(() => cipher.open(`sm4:k1:${bytes.toString('base64url')}`)).toThrow(
      PersonalDataSealError,
    );
    expect(() => cipher.open('sm4:k1:AAAA')).toThrow(PersonalDataSealError);
    const other = new PersonalDataCipher(parsePersonalDataKeys(NEW));
    expect(() => other.open(sealed)).toThrow(/key "k1"/);
  });

  it('rotates: the first key seals, every listed key opens, and a value says whether it is due to be sealed again', () => {
    const sealedOld = cipher.seal('13812345678');
    const rotated = new PersonalDataCipher(
      parsePersonalDataKeys(`${NEW},${OLD}`),
    );
    expect(rotated.open(sealedOld)).toBe('13812345678');
    expect(rotated.isCurrent(sealedOld)).toBe(false);
    const sealedNew = rotated.seal('13812345678');
    expect(sealedNew.startsWith('sm4:k2:')).toBe(true);
    expect(rotated.isCurrent(sealedNew)).toBe(true);
  });

  it('reads a value written before encryption as it is', () => {
    expect(cipher.open('13812345678')).toBe('13812345678');
    expect(cipher.isCurrent('13812345678')).toBe(false);
  });

  it('refuses malformed key lists with a message saying what to write', () => {
    for (const bad of ['k1', 'k1:abc', 'k1:zz86d081884c7d659a2feaa0c55ad015'])
      expect(() => parsePersonalDataKeys(bad)).toThrow(/32 hex digits/);
    expect(() => parsePersonalDataKeys(`${OLD},${OLD}`)).toThrow(
      /id of its own/,
    );
  });
});
