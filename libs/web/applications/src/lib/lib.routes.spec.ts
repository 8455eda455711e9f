import { provideHttpClient } from '@angular/common/http';
import {
  HttpTestingController,
  provideHttpClientTesting,
} from '@angular/common/http/testing';
import { Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import {
  Router,
  provideRouter,
  withComponentInputBinding,
} from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { ApiRoutes, type Me } from '@portal/contracts';
import type { Permission } from '@portal/domain';
import { SessionStore } from '@portal/web-data-access';
import { provideI18n } from '@portal/web-i18n';
import { applicationsRoutes } from './lib.routes';
import { testDetail } from './shared/test-data';

@Component({ selector: 'app-test-home', template: 'home' })
class TestHome {}

function me(permissions: Permission[]): Me {
  return {
    id: 'u-1',
    email: 'x@example.cn',
    name: '王芳',
    language: 'zh-CN',
    secondFactorEnabled: true,
    memberships: [],
    permissions,
  };
}

describe('applications routes', () => {
  let harness: RouterTestingHarness;
  let http: HttpTestingController;

  async function start(permissions: Permission[]) {
    localStorage.clear();
    TestBed.configureTestingModule({
      providers: [
        provideI18n(),
        provideRouter(
          [
            { path: '', pathMatch: 'full', component: TestHome },
            ...applicationsRoutes,
          ],
          withComponentInputBinding(),
        ),
        provideHttpClient(),
        provideHttpClientTesting(),
      ],
    });
    http = TestBed.inject(HttpTestingController);
    TestBed.inject(SessionStore).signIn(me(permissions));
    harness = await RouterTestingHarness.create();
  }

  it('opens an application by its id from the route', async () => {
    await start(['applications.read', 'applications.inbox']);
    await harness.navigateByUrl('/applications/a-1');
    http.expectOne(ApiRoutes.application('a-1')).flush(testDetail());
    await harness.fixture.whenStable();
    expect(
      harness.routeNativeElement?.querySelector(
        '[data-testid="application-reference"]',
      )?.textContent,
    ).toContain('KJ-2026-a-1');
    http.verify();
    // The first lazy import transpiles the whole page for jest: slow on a busy machine.
  }, 30_000);

  it('keeps staff out of the enterprise list and enterprises out of the inbox', async () => {
    await start(['applications.read', 'applications.inbox']);
    await harness.navigateByUrl('/applications');
    expect(TestBed.inject(Router).url).toBe('/');

    TestBed.inject(SessionStore).signIn(
      me(['applications.file', 'applications.read']),
    );
    await harness.navigateByUrl('/inbox');
    expect(TestBed.inject(Router).url).toBe('/');
  });

  it('opens the public notices to anyone, without logging in', async () => {
    await start([]);
    TestBed.inject(SessionStore).clear();
    await harness.navigateByUrl('/notices');
    expect(TestBed.inject(Router).url).toBe('/notices');
    http.expectOne(ApiRoutes.publicNotices).flush([]);
    http.verify();
  }, 30_000);

  it('opens the calls only to those who file', async () => {
    await start(['applications.read', 'applications.inbox']);
    await harness.navigateByUrl('/calls');
    expect(TestBed.inject(Router).url).toBe('/');
  });
});
