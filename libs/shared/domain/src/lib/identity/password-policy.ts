export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MIN_CLASSES = 3;

export type PasswordProblem =
  | 'too_short'
  | 'too_few_classes'
  | 'common'
  | 'contains_email';

export interface PasswordPolicyOptions {
  /**
   * Lower-case common passwords. The API passes a large list; the browser leaves it out and
   * relies on the API's answer, so the list never ships in the web bundle.
   */
  readonly commonPasswords?: ReadonlySet<string>;
  readonly email?: string;
}

export function characterClasses(password: string): number {
  return [/[a-z]/, /[A-Z]/, /[0-9]/, /[^a-zA-Z0-9]/].filter((re) =>
    re.test(password),
  ).length;
}

/** Every rule the password breaks; an empty list means the password is acceptable. */
export function checkPasswordPolicy(
  password: string,
  options: PasswordPolicyOptions = {},
): PasswordProblem[] {
  const problems: PasswordProblem[] = [];
  if ([...password].length < PASSWORD_MIN_LENGTH) problems.push('too_short');
  if (characterClasses(password) < PASSWORD_MIN_CLASSES)
    problems.push('too_few_classes');
  const lower = password.toLowerCase();
  if (options.commonPasswords && isCommon(lower, options.commonPasswords))
    problems.push('common');
  const localPart = options.email?.split('@')[0]?.toLowerCase();
  if (localPart && localPart.length >= 4 && lower.includes(localPart)) {
    problems.push('contains_email');
  }
  return problems;
}

/** "Password2024!" is as weak as "password": strip trailing digits and symbols before the look-up. */
function isCommon(lower: string, list: ReadonlySet<string>): boolean {
  if (list.has(lower)) return true;
  const stem = lower.replace(/[^a-z]+$/, '').replace(/^[^a-z]+/, '');
  return stem.length >= 4 && list.has(stem);
}
