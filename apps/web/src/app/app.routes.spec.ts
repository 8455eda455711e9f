import { provideHttpClient } from '@angular/common/http';
import {
  HttpTestingController,
  provideHttpClientTesting,
} from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import {
  Router,
  provideRouter,
  withComponentInputBinding,
} from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { ApiRoutes, type Me } from '@portal/contracts';
import { SessionStore } from '@portal/web-data-access';
import { provideI18n } from '@portal/web-i18n';
import { appRoutes } from './app.routes';

const auditor: Me = {
  id: 'a-1',
  email: 'audit@kjj.example.cn',
  name: '赵敏',
  language: 'zh-CN',
  secondFactorEnabled: true,
  memberships: [],
  permissions: ['audit.read'],
};

describe('app routes', () => {
  let harness: RouterTestingHarness;

  beforeEach(async () => {
    localStorage.clear();
    TestBed.configureTestingModule({
      providers: [
        provideI18n(),
        provideRouter(appRoutes, withComponentInputBinding()),
        provideHttpClient(),
        provideHttpClientTesting(),
      ],
    });
    harness = await RouterTestingHarness.create();
  });

  it('sends a visitor from a protected page to login, keeping the page', async () => {
    const navigation = harness.navigateByUrl('/audit');
    await new Promise((resolve) => setTimeout(resolve));
    TestBed.inject(HttpTestingController)
      .expectOne(ApiRoutes.me)
      .flush(
        { code: 'AUTH_REQUIRED' },
        { status: 401, statusText: 'Unauthorized' },
      );
    await navigation;
    expect(TestBed.inject(Router).url).toBe('/login?returnUrl=%2Faudit');
    expect(
      harness.routeNativeElement?.querySelector('[data-testid="login-email"]'),
    ).not.toBeNull();
  });

  it('keeps a user out of pages their permissions do not open', async () => {
    TestBed.inject(SessionStore).signIn(auditor);
    await harness.navigateByUrl('/review');
    expect(TestBed.inject(Router).url).toBe('/');
  });

  it('shows the not-found page for unknown paths', async () => {
    TestBed.inject(SessionStore).signIn(auditor);
    await harness.navigateByUrl('/no-such-page');
    expect(
      harness.routeNativeElement?.querySelector('[data-testid="not-found"]'),
    ).not.toBeNull();
  });
});
