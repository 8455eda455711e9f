import type { ValidationErrors } from '@angular/forms';
import type { ApiProblem } from './api-problem';

/** A translation lookup that answers null when the key has no text (so a fallback can apply). */
export type TranslationLookup = (
  key: string,
  params?: Record<string, unknown>,
) => string | null;

/** A field-level problem: a stable field code and, from the server, a fallback sentence. */
export interface FieldProblem {
  readonly code: string;
  readonly message?: string;
}

const ISO_TIMESTAMP =
  /\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?/;

/** The lock's end, when the API's ACCOUNT_LOCKED message names it as an ISO timestamp. */
export function lockedUntil(message: string): Date | null {
  const match = ISO_TIMESTAMP.exec(message);
  if (!match) return null;
  const date = new Date(match[0]);
  return Number.isNaN(date.getTime()) ? null : date;
}

/**
 * The sentence to show for a failed request: the translation of its code, else the API's own
 * message. A lock names its end time in the reader's language, a rate limit its wait.
 */
export function problemText(
  problem: ApiProblem,
  t: TranslationLookup,
  formatDate: (date: Date) => string,
): string {
  if (problem.code === 'ACCOUNT_LOCKED') {
    const until = lockedUntil(problem.message);
    if (until) {
      return (
        t('errors.ACCOUNT_LOCKED_UNTIL', { until: formatDate(until) }) ??
        problem.message
      );
    }
    // The time is in the message but not as ISO: keep the API's sentence so it is not lost.
    const generic = t('errors.ACCOUNT_LOCKED');
    return generic && problem.message
      ? `${generic} (${problem.message})`
      : problem.message;
  }
  if (problem.code === 'RATE_LIMITED' && problem.retryAfterSeconds) {
    const wait = t('errors.RATE_LIMITED_WAIT', {
      seconds: problem.retryAfterSeconds,
    });
    if (wait) return wait;
  }
  return (
    t(`errors.${problem.code}`) ??
    (problem.message || t('errors.UNKNOWN') || problem.code)
  );
}

/** The sentence for one field problem: its translated code, else the server's text. */
export function fieldProblemText(
  problem: FieldProblem,
  t: TranslationLookup,
): string {
  return (
    t(`fieldErrors.${problem.code}`) ??
    problem.message ??
    t('fieldErrors.invalid') ??
    ''
  );
}

/** Angular's built-in validator keys → the API's field codes, so both read the same. */
const BUILT_IN_CODES: Readonly<Record<string, string>> = {
  required: 'required',
  email: 'email.invalid',
  maxlength: 'too_long',
  minlength: 'too_short',
  pattern: 'format',
};

/**
 * The first problem of a form control. Custom validators use the field code as the error key
 * (`{ 'uscc.check': true }`); a server error is `{ server: { code, message } }`.
 */
export function firstFieldProblem(
  errors: ValidationErrors | null | undefined,
): FieldProblem | null {
  if (!errors) return null;
  const [key, value] = Object.entries(errors)[0] ?? [];
  if (key === undefined) return null;
  if (key === 'server' && isFieldProblem(value)) return value;
  return { code: BUILT_IN_CODES[key] ?? key };
}

function isFieldProblem(value: unknown): value is FieldProblem {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as FieldProblem).code === 'string'
  );
}
