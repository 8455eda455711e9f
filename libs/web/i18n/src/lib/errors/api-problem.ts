import { HttpErrorResponse } from '@angular/common/http';
import {
  ERROR_CODES,
  type ErrorBody,
  type ErrorCode,
  type FieldError,
} from '@portal/contracts';

/** The API's codes plus the two the browser adds when there is no ErrorBody to read. */
export type ProblemCode = ErrorCode | 'NETWORK_ERROR' | 'UNKNOWN';

/** A failed request as the UI shows it: a code to translate, a fallback text, a support reference. */
export interface ApiProblem {
  readonly status: number;
  readonly code: ProblemCode;
  /** The API's English sentence: shown only when the code has no translation. */
  readonly message: string;
  readonly correlationId: string | null;
  readonly fields: readonly FieldError[];
  /** From a 429's Retry-After header: how long to wait before trying again. */
  readonly retryAfterSeconds?: number;
}

export function isErrorBody(value: unknown): value is ErrorBody {
  if (typeof value !== 'object' || value === null) return false;
  const body = value as Partial<Record<keyof ErrorBody, unknown>>;
  return typeof body.code === 'string' && typeof body.message === 'string';
}

function isErrorCode(code: string): code is ErrorCode {
  return (ERROR_CODES as readonly string[]).includes(code);
}

/** Normalises whatever an HTTP call threw into an ApiProblem. */
export function toApiProblem(error: unknown): ApiProblem {
  if (error instanceof HttpErrorResponse) {
    const body: unknown = error.error;
    if (isErrorBody(body)) {
      const retryAfterSeconds = retryAfter(error);
      return {
        status: error.status,
        code: isErrorCode(body.code) ? body.code : 'UNKNOWN',
        message: body.message,
        correlationId:
          typeof body.correlationId === 'string' ? body.correlationId : null,
        fields: Array.isArray(body.fields) ? body.fields : [],
        ...(retryAfterSeconds === null ? {} : { retryAfterSeconds }),
      };
    }
    return {
      status: error.status,
      code: error.status === 0 ? 'NETWORK_ERROR' : 'UNKNOWN',
      message: error.message,
      correlationId: error.headers?.get('x-correlation-id') ?? null,
      fields: [],
    };
  }
  return {
    status: 0,
    code: 'UNKNOWN',
    message: error instanceof Error ? error.message : String(error),
    correlationId: null,
    fields: [],
  };
}

/** Retry-After in seconds (the header may also be an HTTP date); null when absent. */
function retryAfter(error: HttpErrorResponse): number | null {
  const header = error.headers?.get('retry-after');
  if (!header) return null;
  const seconds = /^\d+$/.test(header.trim())
    ? Number(header)
    : Math.ceil((Date.parse(header) - Date.now()) / 1000);
  return Number.isFinite(seconds) && seconds > 0 ? seconds : null;
}

/** The problem's code, when the error carries an ErrorBody (null otherwise). */
export function problemCode(error: unknown): ProblemCode | null {
  return error instanceof HttpErrorResponse && isErrorBody(error.error)
    ? toApiProblem(error).code
    : null;
}
