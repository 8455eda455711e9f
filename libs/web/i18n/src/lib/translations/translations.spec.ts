import { ERROR_CODES, LANGUAGES } from '@portal/contracts';
import { TRANSLATIONS, translationKeys } from './index';

function leafValues(tree: unknown): unknown[] {
  if (typeof tree !== 'object' || tree === null) return [tree];
  return Object.values(tree).flatMap(leafValues);
}

function valueAt(tree: unknown, path: string): unknown {
  return path
    .split('.')
    .reduce<unknown>(
      (node, key) => (node as Record<string, unknown> | undefined)?.[key],
      tree,
    );
}

const placeholders = (text: string): string[] =>
  [...text.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1]).sort();

describe('translations', () => {
  const zhKeys = translationKeys(TRANSLATIONS['zh-CN']).sort();
  const enKeys = translationKeys(TRANSLATIONS.en).sort();

  it('has a translation tree for every language the contracts declare', () => {
    expect(Object.keys(TRANSLATIONS).sort()).toEqual([...LANGUAGES].sort());
  });

  it('gives Chinese and English exactly the same keys', () => {
    expect(zhKeys.filter((k) => !enKeys.includes(k))).toEqual([]);
    expect(enKeys.filter((k) => !zhKeys.includes(k))).toEqual([]);
    expect(zhKeys.length).toBeGreaterThan(100);
  });

  it.each(LANGUAGES)('has no empty or non-string values in %s', (language) => {
    const values = leafValues(TRANSLATIONS[language]);
    expect(
      values.filter((v) => typeof v !== 'string' || v.trim() === ''),
    ).toEqual([]);
  });

  it('uses the same interpolation parameters in both languages', () => {
    const mismatches = zhKeys.filter(
      (key) =>
        placeholders(valueAt(TRANSLATIONS['zh-CN'], key) as string).join() !==
        placeholders(valueAt(TRANSLATIONS.en, key) as string).join(),
    );
    expect(mismatches).toEqual([]);
  });

  it('translates every API error code', () => {
    const missing = ERROR_CODES.filter(
      (code) => !zhKeys.includes(`errors.${code}`),
    );
    expect(missing).toEqual([]);
  });

  it('translates the field codes the API sends for registration', () => {
    const codes = [
      'required',
      'too_long',
      'email.invalid',
      'phone.invalid',
      'uscc.full_width',
      'uscc.length',
      'uscc.character',
      'uscc.check',
      'password.too_short',
      'password.too_few_classes',
      'password.common',
      'password.contains_email',
    ];
    expect(
      codes.filter((code) => !zhKeys.includes(`fieldErrors.${code}`)),
    ).toEqual([]);
  });
});
