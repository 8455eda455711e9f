import type { ErrorCode, FieldError } from '@portal/contracts';

/**
 * The one error type services throw. The global filter turns it into an ErrorBody; the code is
 * stable (the web app translates it), the message is a sentence a person can act on.
 */
export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly code: ErrorCode,
    message: string,
    readonly fields?: readonly FieldError[],
  ) {
    super(message);
    this.name = 'AppError';
  }
}

export class ValidationFailedError extends AppError {
  constructor(fields: readonly FieldError[], message?: string) {
    super(
      400,
      'VALIDATION_FAILED',
      message ?? fields.map((f) => `${f.field}: ${f.message}`).join('; '),
      fields,
    );
  }
}

export class NotFoundError extends AppError {
  constructor(what: string) {
    super(404, 'NOT_FOUND', `${what} was not found.`);
  }
}

export class ForbiddenError extends AppError {
  constructor(message = 'You do not have permission to do this.') {
    super(403, 'FORBIDDEN', message);
  }
}

export class ConflictError extends AppError {
  constructor(
    code: ErrorCode,
    message: string,
    fields?: readonly FieldError[],
  ) {
    super(409, code, message, fields);
  }
}

export class UnauthorizedError extends AppError {
  constructor(code: ErrorCode, message: string) {
    super(401, code, message);
  }
}
