import { dictionary } from '@zxcvbn-ts/language-common';
import {
  checkPasswordPolicy,
  isRegionCode,
  validateUscc,
  type PasswordProblem,
} from '@portal/domain';
import { registerDecorator, type ValidationArguments } from 'class-validator';

/** ~49,000 common passwords; the browser never loads this list, the API always checks it. */
export const COMMON_PASSWORDS: ReadonlySet<string> = new Set(
  (dictionary['passwords'] as string[]).map((p) => p.toLowerCase()),
);

const USCC_MESSAGES = {
  empty: 'Enter the 18-character unified social credit code',
  full_width:
    'The unified social credit code contains full-width characters: switch the input method to half-width (半角) and type it again',
  length: 'The unified social credit code has 18 characters',
  character:
    'The unified social credit code contains a character it cannot have (I, O, Z, S, V and punctuation are not used)',
  region:
    'Characters 3 to 8 of the unified social credit code must be a region code',
  check:
    'The last character of the unified social credit code does not match: check for a typing error',
} as const;

const PASSWORD_MESSAGES: Record<PasswordProblem, string> = {
  too_short: 'Use at least 12 characters',
  too_few_classes:
    'Use at least three of: lower-case letters, upper-case letters, digits, symbols',
  common: 'This password is too common; choose another',
  contains_email: 'The password must not contain your e-mail name',
};

/** The policy's verdict on a new password as field errors (`password.<problem>`), first problem only. */
export function passwordProblems(
  password: string,
  email: string,
  field: string,
): { field: string; code: string; message: string }[] {
  const [problem] = checkPasswordPolicy(password, {
    commonPasswords: COMMON_PASSWORDS,
    email,
  });
  return problem
    ? [
        {
          field,
          code: `password.${problem}`,
          message: PASSWORD_MESSAGES[problem],
        },
      ]
    : [];
}

/** Dynamic messages carry their stable code as "[code] message" for the error filter. */
function decorator(
  name: string,
  validate: (value: unknown, args: ValidationArguments) => string | null,
): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name,
      target: target.constructor,
      propertyName: String(propertyName),
      validator: {
        validate: (value: unknown, args: ValidationArguments) =>
          validate(value, args) === null,
        defaultMessage: (args: ValidationArguments) =>
          validate(args.value, args) ?? '',
      },
    });
}

export const IsUscc = () =>
  decorator('isUscc', (value) => {
    const result = validateUscc(typeof value === 'string' ? value : '');
    return result.valid
      ? null
      : `[uscc.${result.problem}] ${USCC_MESSAGES[result.problem]}`;
  });

/** The password policy, including the common-password list; `emailField` names the sibling e-mail. */
export const IsAcceptablePassword = (emailField?: string) =>
  decorator('isAcceptablePassword', (value, args) => {
    if (typeof value !== 'string') return '[required] Enter a password';
    const email = emailField
      ? (args.object as Record<string, unknown>)[emailField]
      : undefined;
    const [problem] = checkPasswordPolicy(value, {
      commonPasswords: COMMON_PASSWORDS,
      email: typeof email === 'string' ? email : undefined,
    });
    return problem
      ? `[password.${problem}] ${PASSWORD_MESSAGES[problem]}`
      : null;
  });

export const IsMainlandMobile = () =>
  decorator('isMainlandMobile', (value) =>
    typeof value === 'string' && /^1[3-9]\d{9}$/.test(value)
      ? null
      : '[phone.invalid] Enter an 11-digit mainland mobile number, e.g. 13812345678',
  );

export const IsRegionCode = () =>
  decorator('isRegionCode', (value) =>
    typeof value === 'string' && isRegionCode(value)
      ? null
      : '[region.invalid] Choose a region from the list',
  );
