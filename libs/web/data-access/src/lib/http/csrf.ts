import {
  HttpClient,
  HttpContext,
  HttpContextToken,
  HttpErrorResponse,
  type HttpInterceptorFn,
  HttpXsrfTokenExtractor,
} from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { ApiRoutes, CSRF_HEADER } from '@portal/contracts';
import { problemCode } from '@portal/web-i18n';
import {
  type Observable,
  catchError,
  firstValueFrom,
  map,
  switchMap,
  throwError,
} from 'rxjs';

const MUTATING_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const CSRF_RETRIED = new HttpContextToken<boolean>(() => false);

/** The CSRF cookie: fetched at start-up and again when the API says the token went stale. */
@Injectable({ providedIn: 'root' })
export class CsrfService {
  private readonly http = inject(HttpClient);
  private readonly cookie = inject(HttpXsrfTokenExtractor);

  /** Asks the API for a fresh token; answers the cookie's value (what the header must carry). */
  refresh(): Observable<string> {
    return this.http
      .get<{ token: string }>(ApiRoutes.csrf)
      .pipe(map((body) => this.cookie.getToken() ?? body.token));
  }

  /** Start-up: make sure the cookie exists. A failure is left for the first real call to show. */
  async init(): Promise<void> {
    try {
      await firstValueFrom(this.refresh());
    } catch {
      // The API may be starting; the retry below fetches the token when it is needed.
    }
  }
}

/**
 * A mutating request refused with 403 CSRF_INVALID gets a fresh token and is sent once more.
 * Angular's own XSRF interceptor runs before this one, so the retry sets the header itself.
 */
export const csrfRetryInterceptor: HttpInterceptorFn = (req, next) => {
  if (!MUTATING_METHODS.has(req.method) || req.context.get(CSRF_RETRIED))
    return next(req);
  const csrf = inject(CsrfService);
  return next(req).pipe(
    catchError((error: unknown) => {
      if (
        !(error instanceof HttpErrorResponse) ||
        error.status !== 403 ||
        problemCode(error) !== 'CSRF_INVALID'
      ) {
        return throwError(() => error);
      }
      return csrf.refresh().pipe(
        switchMap((token) =>
          next(
            req.clone({
              headers: req.headers.set(CSRF_HEADER, token),
              context: new HttpContext().set(CSRF_RETRIED, true),
            }),
          ),
        ),
      );
    }),
  );
};
