import type {
  AbstractControl,
  ValidationErrors,
  ValidatorFn,
} from '@angular/forms';
import {
  checkPasswordPolicy,
  normalizeIdentifier,
  validateUscc,
} from '@portal/domain';

/*
 * Validators answer with the API's field codes as error keys (`{ 'uscc.check': true }`), so a
 * problem found in the browser and the same problem reported by the server read the same.
 * Empty values are left to `Validators.required`.
 */

function text(control: AbstractControl): string {
  return typeof control.value === 'string' ? control.value : '';
}

/** Unified social credit code, check character included (full-width input is accepted). */
export function usccValidator(): ValidatorFn {
  return (control): ValidationErrors | null => {
    const value = text(control);
    if (!value.trim()) return null;
    const result = validateUscc(normalizeIdentifier(value));
    return result.valid ? null : { [`uscc.${result.problem}`]: true };
  };
}

export const MAINLAND_MOBILE = /^1[3-9]\d{9}$/;

/** A mainland China mobile number without spaces or dashes: 1[3-9] and nine more digits. */
export function normalizePhone(value: string): string {
  return value.normalize('NFKC').replace(/[\s-]+/g, '');
}

export function mainlandMobileValidator(): ValidatorFn {
  return (control): ValidationErrors | null => {
    const value = text(control);
    if (!value.trim()) return null;
    return MAINLAND_MOBILE.test(normalizePhone(value))
      ? null
      : { 'phone.invalid': true };
  };
}

/** Reads another control of the same form group, e.g. `sibling('email')`. */
export function sibling(name: string): (control: AbstractControl) => string {
  return (control) => {
    const value: unknown = control.parent?.get(name)?.value;
    return typeof value === 'string' ? value : '';
  };
}

/**
 * The shared password policy, every broken rule as one error. The common-password rule is the
 * server's (its list never ships to the browser); it comes back as a server field error.
 */
export function passwordPolicyValidator(
  email: (control: AbstractControl) => string = () => '',
): ValidatorFn {
  return (control): ValidationErrors | null => {
    const value = text(control);
    if (!value) return null;
    const problems = checkPasswordPolicy(value, { email: email(control) });
    return problems.length
      ? Object.fromEntries(
          problems.map((problem) => [`password.${problem}`, true]),
        )
      : null;
  };
}

/** Equal to another value, e.g. the password confirmation. */
export function matchesValidator(
  other: (control: AbstractControl) => string,
  code = 'password.mismatch',
): ValidatorFn {
  return (control): ValidationErrors | null => {
    const value = text(control);
    return value && value !== other(control) ? { [code]: true } : null;
  };
}

/** A 6-digit one-time code. */
export function totpCodeValidator(): ValidatorFn {
  return (control): ValidationErrors | null => {
    const value = text(control).trim();
    return !value || /^\d{6}$/.test(value) ? null : { 'code.format': true };
  };
}
