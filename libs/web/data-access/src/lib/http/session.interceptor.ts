import {
  HttpErrorResponse,
  type HttpInterceptorFn,
} from '@angular/common/http';
import { inject } from '@angular/core';
import { Router } from '@angular/router';
import { API_PREFIX, ApiRoutes } from '@portal/contracts';
import { problemCode } from '@portal/web-i18n';
import { catchError, throwError } from 'rxjs';
import { ACCOUNT_PATH, LOGIN_PATH } from '../session/guards';
import { SessionStore } from '../session/session.store';

/** Calls whose 401 is part of a login flow the page itself handles. */
const AUTH_FLOW_URLS: readonly string[] = [
  ApiRoutes.csrf,
  ApiRoutes.me,
  ApiRoutes.login,
  ApiRoutes.loginSecondFactor,
  ApiRoutes.logout,
  ApiRoutes.register,
  ApiRoutes.invitation,
  ApiRoutes.invitationAccept,
  ApiRoutes.passwordResetRequest,
  ApiRoutes.passwordReset,
];

export function isAuthFlowCall(url: string): boolean {
  const path = url.split('?')[0] ?? url;
  return AUTH_FLOW_URLS.includes(path);
}

/**
 * 401s that say a code or password was wrong, not that the session ended: the page that asked
 * for it shows them at the field (setting up or replacing an authenticator while signed in).
 */
const WRONG_SECRET_CODES: readonly string[] = [
  'SECOND_FACTOR_INVALID',
  'SECOND_FACTOR_USED',
  'INVALID_CREDENTIALS',
];

/**
 * A 401 from any other API call means the session ended: forget it and go to the login page,
 * keeping where the user was. A 403 SECOND_FACTOR_ENROLMENT_REQUIRED leads to the enrolment.
 */
export const sessionInterceptor: HttpInterceptorFn = (req, next) => {
  const session = inject(SessionStore);
  const router = inject(Router);
  return next(req).pipe(
    catchError((error: unknown) => {
      if (
        error instanceof HttpErrorResponse &&
        req.url.startsWith(API_PREFIX) &&
        !isAuthFlowCall(req.url)
      ) {
        if (
          error.status === 401 &&
          !WRONG_SECRET_CODES.includes(problemCode(error) ?? '')
        ) {
          session.clear();
          const returnUrl = router.url;
          if (!returnUrl.startsWith(LOGIN_PATH)) {
            void router.navigate([LOGIN_PATH], {
              queryParams: returnUrl && returnUrl !== '/' ? { returnUrl } : {},
            });
          }
        } else if (
          error.status === 403 &&
          problemCode(error) === 'SECOND_FACTOR_ENROLMENT_REQUIRED'
        ) {
          session.requireEnrolment();
          void router.navigateByUrl(ACCOUNT_PATH);
        }
      }
      return throwError(() => error);
    }),
  );
};
