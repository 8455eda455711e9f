/**
 * Stable error codes of the API. The web app translates them; the API's English message is
 * the fallback. Never rename one: clients and logs depend on them.
 */
export const ERROR_CODES = [
  'VALIDATION_FAILED',
  'AUTH_REQUIRED',
  'SESSION_EXPIRED',
  'INVALID_CREDENTIALS',
  'ACCOUNT_DISABLED',
  'ACCOUNT_LOCKED',
  'SECOND_FACTOR_REQUIRED',
  'SECOND_FACTOR_ENROLMENT_REQUIRED',
  'SECOND_FACTOR_INVALID',
  'SECOND_FACTOR_USED',
  'SECOND_FACTOR_ATTEMPTS_EXCEEDED',
  'CSRF_INVALID',
  'FORBIDDEN',
  'NOT_FOUND',
  'CREDIT_CODE_TAKEN',
  'EMAIL_TAKEN',
  'REGION_UNKNOWN',
  'INVITATION_INVALID',
  'PASSWORD_RESET_INVALID',
  'COMPANY_NOT_PENDING',
  'LAST_ADMIN',
  'VERSION_CONFLICT',
  'TRANSITION_NOT_ALLOWED',
  'GUARD_FAILED',
  'CALL_CLOSED',
  'CALL_NOT_OPEN',
  'CALL_STATE_CONFLICT',
  'MATERIAL_NOT_YET',
  'QUOTA_EXHAUSTED',
  'VOUCHER_CAP_EXCEEDED',
  'SETTLEMENT_EXISTS',
  'ALREADY_REGISTERED',
  'IDEMPOTENCY_KEY_REUSED',
  'FILE_REJECTED',
  'UPLOAD_QUOTA_EXCEEDED',
  'MAIL_NOT_FAILED',
  'RATE_LIMITED',
  'PAYLOAD_TOO_LARGE',
  'SERVICE_UNAVAILABLE',
  'INTERNAL_ERROR',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

/** One field's problem. `code` is a stable key such as `uscc.check` or `password.too_short`. */
export interface FieldError {
  readonly field: string;
  readonly code: string;
  readonly message: string;
}

/** The only error body the API returns. */
export interface ErrorBody {
  readonly statusCode: number;
  readonly code: ErrorCode;
  readonly message: string;
  readonly correlationId: string;
  readonly fields?: readonly FieldError[];
}
