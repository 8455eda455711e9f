import {
  provideHttpClient,
  withInterceptors,
  withXsrfConfiguration,
} from '@angular/common/http';
import {
  type EnvironmentProviders,
  inject,
  makeEnvironmentProviders,
  provideAppInitializer,
} from '@angular/core';
import { CSRF_COOKIE, CSRF_HEADER } from '@portal/contracts';
import { SessionStore } from '../session/session.store';
import { CsrfService, csrfRetryInterceptor } from './csrf';
import { sessionInterceptor } from './session.interceptor';

/** HttpClient as the API expects it: CSRF cookie→header, one CSRF retry, session expiry. */
export function providePortalHttp(): EnvironmentProviders {
  return makeEnvironmentProviders([
    provideHttpClient(
      withXsrfConfiguration({
        cookieName: CSRF_COOKIE,
        headerName: CSRF_HEADER,
      }),
      withInterceptors([sessionInterceptor, csrfRetryInterceptor]),
    ),
    // Before the first screen: the CSRF cookie exists and we know who is logged in. index.html
    // preloads both requests (apps/web/src/index.html): keep the two lists in step.
    provideAppInitializer(() =>
      Promise.all([
        inject(CsrfService).init(),
        inject(SessionStore).ensureLoaded(),
      ]).then(() => undefined),
    ),
  ]);
}
