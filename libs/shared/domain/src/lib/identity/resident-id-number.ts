import { normalizeIdentifier } from './unified-social-credit-code';

/** Resident identity card number (公民身份号码), GB 11643-1999: 18 characters. */
const ID_WEIGHTS = [
  7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2,
] as const;
const ID_CHECK = '10X98765432';

export type ResidentIdProblem =
  | 'empty'
  | 'length'
  | 'character'
  | 'birthdate'
  | 'check';

export type ResidentIdResult =
  | { readonly valid: true; readonly number: string }
  | { readonly valid: false; readonly problem: ResidentIdProblem };

export function residentIdCheckCharacter(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17.charAt(i)) * ID_WEIGHTS[i];
  return ID_CHECK.charAt(sum % 11);
}

function isRealDate(yyyymmdd: string): boolean {
  const year = Number(yyyymmdd.slice(0, 4));
  const month = Number(yyyymmdd.slice(4, 6));
  const day = Number(yyyymmdd.slice(6, 8));
  const date = new Date(Date.UTC(year, month - 1, day));
  return (
    year >= 1900 &&
    date.getUTCFullYear() === year &&
    date.getUTCMonth() === month - 1 &&
    date.getUTCDate() === day &&
    date.getTime() <= Date.now()
  );
}

export function validateResidentId(input: string): ResidentIdResult {
  const number = normalizeIdentifier(input);
  if (number.length === 0) return { valid: false, problem: 'empty' };
  if (number.length !== 18) return { valid: false, problem: 'length' };
  if (!/^\d{17}[\dX]$/.test(number))
    return { valid: false, problem: 'character' };
  if (!isRealDate(number.slice(6, 14)))
    return { valid: false, problem: 'birthdate' };
  if (residentIdCheckCharacter(number.slice(0, 17)) !== number.charAt(17)) {
    return { valid: false, problem: 'check' };
  }
  return { valid: true, number };
}

/** 330421199001011234 → 3304**********1234: what lists and exports show. */
export function maskResidentId(number: string): string {
  if (number.length < 8) return '*'.repeat(number.length);
  return number.slice(0, 4) + '*'.repeat(number.length - 8) + number.slice(-4);
}

/** 13812345678 → 138****5678 */
export function maskPhone(phone: string): string {
  if (phone.length < 7) return '*'.repeat(phone.length);
  return phone.slice(0, 3) + '*'.repeat(phone.length - 7) + phone.slice(-4);
}
