import { HttpErrorResponse, HttpHeaders } from '@angular/common/http';
import type { ErrorBody } from '@portal/contracts';
import { TRANSLATIONS } from '../translations';
import { type ApiProblem, toApiProblem } from './api-problem';
import {
  type TranslationLookup,
  fieldProblemText,
  firstFieldProblem,
  lockedUntil,
  problemText,
} from './error-text';

/** A lookup over the real English tree, with ngx-translate's {{param}} interpolation. */
const english: TranslationLookup = (key, params) => {
  const value = key
    .split('.')
    .reduce<unknown>(
      (node, k) => (node as Record<string, unknown> | undefined)?.[k],
      TRANSLATIONS.en,
    );
  if (typeof value !== 'string') return null;
  return value.replace(/\{\{\s*(\w+)\s*\}\}/g, (_, name: string) =>
    String(params?.[name] ?? ''),
  );
};
const isoDate = (date: Date) => date.toISOString();

function problem(overrides: Partial<ApiProblem>): ApiProblem {
  return {
    status: 400,
    code: 'VALIDATION_FAILED',
    message: 'server message',
    correlationId: 'c-1',
    fields: [],
    ...overrides,
  };
}

describe('toApiProblem', () => {
  it('reads the ErrorBody of an HTTP error', () => {
    const body: ErrorBody = {
      statusCode: 409,
      code: 'EMAIL_TAKEN',
      message: 'E-mail taken',
      correlationId: 'req-42',
      fields: [{ field: 'email', code: 'email.taken', message: 'taken' }],
    };
    const result = toApiProblem(
      new HttpErrorResponse({ status: 409, error: body }),
    );
    expect(result).toEqual({
      status: 409,
      code: 'EMAIL_TAKEN',
      message: 'E-mail taken',
      correlationId: 'req-42',
      fields: body.fields,
    });
  });

  it("reads a 429's Retry-After header", () => {
    const result = toApiProblem(
      new HttpErrorResponse({
        status: 429,
        error: {
          statusCode: 429,
          code: 'RATE_LIMITED',
          message: 'wait',
          correlationId: 'r',
        },
        headers: new HttpHeaders({ 'retry-after': '37' }),
      }),
    );
    expect(result.retryAfterSeconds).toBe(37);
  });

  it('calls an unreachable server a network error', () => {
    const result = toApiProblem(
      new HttpErrorResponse({ status: 0, error: new ProgressEvent('error') }),
    );
    expect(result.code).toBe('NETWORK_ERROR');
    expect(result.correlationId).toBeNull();
  });

  it('keeps an unknown code out of the typed set and takes a correlation id header', () => {
    const result = toApiProblem(
      new HttpErrorResponse({
        status: 502,
        error: 'Bad gateway',
        headers: new HttpHeaders({ 'x-correlation-id': 'gw-7' }),
      }),
    );
    expect(result.code).toBe('UNKNOWN');
    expect(result.correlationId).toBe('gw-7');
  });
});

describe('problemText', () => {
  it('translates a known code instead of showing the server message', () => {
    expect(
      problemText(problem({ code: 'INVALID_CREDENTIALS' }), english, isoDate),
    ).toBe('The e-mail address or password is not correct.');
  });

  it('falls back to the server message when the code has no translation', () => {
    const lookupWithoutErrors: TranslationLookup = (key, params) =>
      key.startsWith('errors.') ? null : english(key, params);
    expect(
      problemText(problem({ code: 'FORBIDDEN' }), lookupWithoutErrors, isoDate),
    ).toBe('server message');
  });

  it('shows when a locked account opens again', () => {
    const text = problemText(
      problem({
        status: 423,
        code: 'ACCOUNT_LOCKED',
        message: 'Account locked until 2030-01-02T03:04:05.000Z.',
      }),
      english,
      isoDate,
    );
    expect(text).toContain('2030-01-02T03:04:05.000Z');
    expect(text).toContain('temporarily locked');
  });

  it('keeps the server sentence when the lock time is not machine-readable', () => {
    const text = problemText(
      problem({ code: 'ACCOUNT_LOCKED', message: 'Locked for 15 minutes' }),
      english,
      isoDate,
    );
    expect(text).toContain('temporarily locked');
    expect(text).toContain('Locked for 15 minutes');
  });

  it('says how long to wait after too many attempts', () => {
    const limited = problem({
      status: 429,
      code: 'RATE_LIMITED',
      retryAfterSeconds: 42,
    });
    expect(problemText(limited, english, isoDate)).toBe(
      'Too many attempts. Please wait 42 seconds and try again.',
    );
    const withoutWait = problem({ status: 429, code: 'RATE_LIMITED' });
    expect(problemText(withoutWait, english, isoDate)).toBe(
      'Too many attempts. Please wait a moment and try again.',
    );
  });

  it('finds ISO timestamps with offsets', () => {
    expect(lockedUntil('until 2030-01-02T03:04+08:00')?.toISOString()).toBe(
      '2030-01-01T19:04:00.000Z',
    );
    expect(lockedUntil('no time here')).toBeNull();
  });
});

describe('field errors', () => {
  it('translates a field code and falls back to the server sentence', () => {
    expect(fieldProblemText({ code: 'uscc.check' }, english)).toBe(
      'The check character is wrong; compare with the business licence',
    );
    expect(
      fieldProblemText(
        { code: 'brand.new', message: 'From the server' },
        english,
      ),
    ).toBe('From the server');
    expect(fieldProblemText({ code: 'brand.new' }, english)).toBe('Not valid');
  });

  it("maps Angular's validator keys to the API's field codes", () => {
    expect(firstFieldProblem({ required: true })).toEqual({ code: 'required' });
    expect(firstFieldProblem({ email: true })).toEqual({
      code: 'email.invalid',
    });
    expect(firstFieldProblem({ maxlength: { requiredLength: 5 } })).toEqual({
      code: 'too_long',
    });
    expect(firstFieldProblem({ 'password.too_short': true })).toEqual({
      code: 'password.too_short',
    });
    expect(
      firstFieldProblem({
        server: { code: 'password.common', message: 'common' },
      }),
    ).toEqual({
      code: 'password.common',
      message: 'common',
    });
    expect(firstFieldProblem(null)).toBeNull();
  });
});
