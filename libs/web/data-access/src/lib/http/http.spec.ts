import {
  HttpClient,
  provideHttpClient,
  withInterceptors,
  withXsrfConfiguration,
} from '@angular/common/http';
import {
  HttpTestingController,
  provideHttpClientTesting,
} from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { Router, provideRouter } from '@angular/router';
import {
  ApiRoutes,
  CSRF_COOKIE,
  CSRF_HEADER,
  type ErrorBody,
} from '@portal/contracts';
import { firstValueFrom } from 'rxjs';
import { SessionStore } from '../session/session.store';
import { testMe } from '../session/test-data';
import { csrfRetryInterceptor } from './csrf';
import { isAuthFlowCall, sessionInterceptor } from './session.interceptor';

function errorBody(statusCode: number, code: ErrorBody['code']): ErrorBody {
  return { statusCode, code, message: code, correlationId: 'c-1' };
}

describe('portal HTTP interceptors', () => {
  let http: HttpClient;
  let backend: HttpTestingController;
  let router: Router;

  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [
        provideRouter([]),
        provideHttpClient(
          withXsrfConfiguration({
            cookieName: CSRF_COOKIE,
            headerName: CSRF_HEADER,
          }),
          withInterceptors([sessionInterceptor, csrfRetryInterceptor]),
        ),
        provideHttpClientTesting(),
      ],
    });
    http = TestBed.inject(HttpClient);
    backend = TestBed.inject(HttpTestingController);
    router = TestBed.inject(Router);
  });

  afterEach(() => {
    backend.verify();
    document.cookie = `${CSRF_COOKIE}=; expires=Thu, 01 Jan 1970 00:00:00 GMT`;
  });

  it('sends the CSRF cookie as the header on mutating calls', () => {
    document.cookie = `${CSRF_COOKIE}=first-token`;
    http.post('/api/companies/mine/invitations', {}).subscribe();
    const req = backend.expectOne('/api/companies/mine/invitations');
    expect(req.request.headers.get(CSRF_HEADER)).toBe('first-token');
    req.flush({});
  });

  it('refetches the token and retries once after 403 CSRF_INVALID', async () => {
    document.cookie = `${CSRF_COOKIE}=stale`;
    const result = firstValueFrom(
      http.post<{ ok: boolean }>('/api/auth/logout', null),
    );

    backend
      .expectOne('/api/auth/logout')
      .flush(errorBody(403, 'CSRF_INVALID'), {
        status: 403,
        statusText: 'Forbidden',
      });
    document.cookie = `${CSRF_COOKIE}=fresh`;
    backend.expectOne(ApiRoutes.csrf).flush({ token: 'fresh' });
    const retry = backend.expectOne('/api/auth/logout');
    expect(retry.request.headers.get(CSRF_HEADER)).toBe('fresh');
    retry.flush({ ok: true });

    await expect(result).resolves.toEqual({ ok: true });
  });

  it('gives up after the single retry', async () => {
    const result = firstValueFrom(http.post('/api/auth/logout', null));
    backend
      .expectOne('/api/auth/logout')
      .flush(errorBody(403, 'CSRF_INVALID'), {
        status: 403,
        statusText: 'Forbidden',
      });
    backend.expectOne(ApiRoutes.csrf).flush({ token: 't' });
    backend
      .expectOne('/api/auth/logout')
      .flush(errorBody(403, 'CSRF_INVALID'), {
        status: 403,
        statusText: 'Forbidden',
      });
    await expect(result).rejects.toMatchObject({ status: 403 });
  });

  it('does not retry other 403s', async () => {
    const result = firstValueFrom(http.post('/api/companies/1/verify', {}));
    backend
      .expectOne('/api/companies/1/verify')
      .flush(errorBody(403, 'FORBIDDEN'), {
        status: 403,
        statusText: 'Forbidden',
      });
    await expect(result).rejects.toMatchObject({ status: 403 });
  });

  it('on 401 from a data call forgets the session and goes to login with the return URL', async () => {
    const session = TestBed.inject(SessionStore);
    session.signIn(testMe(['company.profile.read']));
    await router.navigateByUrl('/');
    const navigate = jest.spyOn(router, 'navigate').mockResolvedValue(true);
    jest.spyOn(router, 'url', 'get').mockReturnValue('/company');

    const result = firstValueFrom(http.get(ApiRoutes.myCompany));
    backend
      .expectOne(ApiRoutes.myCompany)
      .flush(errorBody(401, 'SESSION_EXPIRED'), {
        status: 401,
        statusText: 'Unauthorized',
      });

    await expect(result).rejects.toMatchObject({ status: 401 });
    expect(session.current().kind).toBe('anonymous');
    expect(navigate).toHaveBeenCalledWith(['/login'], {
      queryParams: { returnUrl: '/company' },
    });
  });

  it('leaves a wrong code to the signed-in page that asked for it, keeping the session', async () => {
    const session = TestBed.inject(SessionStore);
    session.signIn(testMe(['company.profile.read']));
    const navigate = jest.spyOn(router, 'navigate');
    const result = firstValueFrom(
      http.post(ApiRoutes.secondFactorConfirm, { code: '000000' }),
    );
    backend
      .expectOne(ApiRoutes.secondFactorConfirm)
      .flush(errorBody(401, 'SECOND_FACTOR_INVALID'), {
        status: 401,
        statusText: 'Unauthorized',
      });
    await expect(result).rejects.toMatchObject({ status: 401 });
    expect(session.current().kind).not.toBe('anonymous');
    expect(navigate).not.toHaveBeenCalled();
  });

  it('leaves a 401 of the login flow to the page', async () => {
    const navigate = jest.spyOn(router, 'navigate');
    const result = firstValueFrom(http.post(ApiRoutes.login, {}));
    backend
      .expectOne(ApiRoutes.login)
      .flush(errorBody(401, 'INVALID_CREDENTIALS'), {
        status: 401,
        statusText: 'Unauthorized',
      });
    await expect(result).rejects.toMatchObject({ status: 401 });
    expect(navigate).not.toHaveBeenCalled();
  });

  it('sends a user who must enrol a second factor to the account page', async () => {
    const session = TestBed.inject(SessionStore);
    session.signIn(testMe(['audit.read']));
    const navigate = jest
      .spyOn(router, 'navigateByUrl')
      .mockResolvedValue(true);
    const result = firstValueFrom(http.get(ApiRoutes.auditLog));
    backend
      .expectOne(ApiRoutes.auditLog)
      .flush(errorBody(403, 'SECOND_FACTOR_ENROLMENT_REQUIRED'), {
        status: 403,
        statusText: 'Forbidden',
      });
    await expect(result).rejects.toMatchObject({ status: 403 });
    expect(session.enrolmentRequired()).toBe(true);
    expect(navigate).toHaveBeenCalledWith('/account');
  });

  it('knows which calls belong to the login flow', () => {
    expect(isAuthFlowCall(ApiRoutes.me)).toBe(true);
    expect(isAuthFlowCall(ApiRoutes.invitation)).toBe(true);
    expect(isAuthFlowCall(ApiRoutes.passwordReset)).toBe(true);
    expect(isAuthFlowCall(ApiRoutes.secondFactorEnrol)).toBe(false);
    expect(isAuthFlowCall(`${ApiRoutes.companies}?status=pending`)).toBe(false);
  });
});
