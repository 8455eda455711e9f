import { provideHttpClient } from '@angular/common/http';
import {
  HttpTestingController,
  provideHttpClientTesting,
} from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import {
  type ActivatedRouteSnapshot,
  type CanActivateFn,
  type RouterStateSnapshot,
  UrlTree,
  provideRouter,
} from '@angular/router';
import { ApiRoutes } from '@portal/contracts';
import {
  authGuard,
  guestGuard,
  permissionGuard,
  safeReturnUrl,
} from './guards';
import { SessionStore } from './session.store';
import { testMe } from './test-data';

function run(guard: CanActivateFn, url: string) {
  return TestBed.runInInjectionContext(() =>
    guard({} as ActivatedRouteSnapshot, { url } as RouterStateSnapshot),
  ) as Promise<boolean | UrlTree>;
}

const asUrl = (result: boolean | UrlTree) =>
  result instanceof UrlTree ? result.toString() : result;

describe('route guards', () => {
  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [
        provideRouter([]),
        provideHttpClient(),
        provideHttpClientTesting(),
      ],
    });
  });

  it('sends a visitor to login, keeping the page asked for', async () => {
    const result = run(authGuard, '/audit');
    TestBed.inject(HttpTestingController)
      .expectOne(ApiRoutes.me)
      .flush(
        { code: 'AUTH_REQUIRED' },
        { status: 401, statusText: 'Unauthorized' },
      );
    expect(asUrl(await result)).toBe('/login?returnUrl=%2Faudit');
  });

  it('lets a logged-in user in and keeps them off the login page', async () => {
    TestBed.inject(SessionStore).signIn(testMe());
    expect(await run(authGuard, '/')).toBe(true);
    expect(asUrl(await run(guestGuard, '/login'))).toBe('/');
  });

  it('keeps a user who must enrol a second factor on the account page', async () => {
    TestBed.inject(SessionStore).accept({
      status: 'second_factor_enrolment_required',
      me: testMe(['audit.read']),
    });
    expect(asUrl(await run(authGuard, '/audit'))).toBe('/account');
    expect(await run(authGuard, '/account')).toBe(true);
  });

  it('opens a page only with its permission', async () => {
    TestBed.inject(SessionStore).signIn(testMe(['audit.read']));
    expect(await run(permissionGuard('audit.read'), '/audit')).toBe(true);
    expect(
      asUrl(await run(permissionGuard('mail.outbox.read'), '/mail-outbox')),
    ).toBe('/');
  });

  it('follows only internal return URLs', () => {
    expect(safeReturnUrl('/review?x=1')).toBe('/review?x=1');
    expect(safeReturnUrl('//evil.example')).toBe('/');
    expect(safeReturnUrl('https://evil.example')).toBe('/');
    expect(safeReturnUrl(undefined)).toBe('/');
  });
});
