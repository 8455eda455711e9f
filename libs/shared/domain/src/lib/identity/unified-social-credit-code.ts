/**
 * Unified social credit code (统一社会信用代码), GB 32100-2015.
 *
 * 18 characters: registration authority (1), organisation type (1), region code of the
 * registering authority (6), organisation code (9, GB 11714), check character (1).
 */
const USCC_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const USCC_WEIGHTS = [
  1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28,
] as const;

export type UsccProblem =
  | 'empty'
  | 'full_width'
  | 'length'
  | 'character'
  | 'region'
  | 'check';

export type UsccResult =
  | { readonly valid: true; readonly code: string }
  | { readonly valid: false; readonly problem: UsccProblem };

/** Full-width forms and the ideographic space, as a Chinese IME types them. */
const FULL_WIDTH = /[\uFF01-\uFF5E\u3000]/;

export function hasFullWidth(input: string): boolean {
  return FULL_WIDTH.test(input);
}

/**
 * Full-width letters and digits become ASCII, spaces go, letters go upper-case. For forms that
 * show the converted value to the user before sending it: the API itself never converts
 * full-width input silently (`validateUscc` reports it).
 */
export function normalizeIdentifier(input: string): string {
  return input
    .normalize('NFKC')
    .replace(/[\s\u3000]+/g, '')
    .toUpperCase();
}

export function usccCheckCharacter(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    sum += USCC_ALPHABET.indexOf(first17.charAt(i)) * USCC_WEIGHTS[i];
  }
  const check = (31 - (sum % 31)) % 31;
  return USCC_ALPHABET.charAt(check);
}

export function validateUscc(input: string): UsccResult {
  if (hasFullWidth(input)) return { valid: false, problem: 'full_width' };
  const code = normalizeIdentifier(input);
  if (code.length === 0) return { valid: false, problem: 'empty' };
  if (code.length !== 18) return { valid: false, problem: 'length' };
  for (const ch of code) {
    if (!USCC_ALPHABET.includes(ch))
      return { valid: false, problem: 'character' };
  }
  if (!/^\d{6}$/.test(code.slice(2, 8)))
    return { valid: false, problem: 'region' };
  if (usccCheckCharacter(code.slice(0, 17)) !== code.charAt(17)) {
    return { valid: false, problem: 'check' };
  }
  return { valid: true, code };
}
