import { provideHttpClient } from '@angular/common/http';
import {
  HttpTestingController,
  provideHttpClientTesting,
} from '@angular/common/http/testing';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { Router, provideRouter } from '@angular/router';
import { ApiRoutes, type Me } from '@portal/contracts';
import type { Permission } from '@portal/domain';
import { SessionStore } from '@portal/web-data-access';
import { LANGUAGE_STORAGE_KEY, provideI18n } from '@portal/web-i18n';
import { Shell } from './shell';

function me(permissions: Permission[], language: Me['language'] = 'zh-CN'): Me {
  return {
    id: 'u-1',
    email: 'x@kjj.example.cn',
    name: '王芳',
    language,
    secondFactorEnabled: true,
    memberships: [],
    permissions,
  };
}

describe('Shell', () => {
  let fixture: ComponentFixture<Shell>;
  let session: SessionStore;

  beforeEach(() => {
    localStorage.clear();
    TestBed.configureTestingModule({
      imports: [Shell],
      providers: [
        provideI18n(),
        provideRouter([]),
        provideHttpClient(),
        provideHttpClientTesting(),
      ],
    });
    session = TestBed.inject(SessionStore);
  });

  async function render() {
    fixture = TestBed.createComponent(Shell);
    await fixture.whenStable();
    // The menus are @defer blocks: let them load.
    await fixture.whenStable();
    return fixture.nativeElement as HTMLElement;
  }

  const menuIds = (element: HTMLElement) =>
    Array.from(element.querySelectorAll('[data-testid="main-menu"] a')).map(
      (a) => a.getAttribute('data-testid'),
    );

  it('builds the side menu from the permissions', async () => {
    session.signIn(me(['company.region.read', 'company.verify', 'audit.read']));
    const element = await render();
    expect(menuIds(element)).toEqual(['nav-home', 'nav-review', 'nav-audit']);
    expect(
      element.querySelector('[data-testid="user-name"]')?.textContent,
    ).toBe('王芳');
  });

  it('links a system admin to the server-rendered queue dashboard', async () => {
    session.signIn(me(['mail.outbox.read', 'queues.dashboard']));
    const element = await render();
    expect(menuIds(element)).toEqual([
      'nav-home',
      'nav-mailOutbox',
      'nav-queues',
    ]);
    const queues = element.querySelector('[data-testid="nav-queues"]');
    expect(queues?.getAttribute('href')).toBe(ApiRoutes.queueDashboard);
  });

  it('shows on every page, signed in or not, a banner while a development clock has moved the portal’s time', async () => {
    session.clear();
    const element = await render();
    const http = TestBed.inject(HttpTestingController);
    http.expectOne(ApiRoutes.clock).flush({
      now: '2027-01-05T02:00:00.000Z',
      offsetMs: 86_400_000,
      moved: true,
      movable: true,
    });
    await fixture.whenStable();
    expect(
      element
        .querySelector('[data-testid="clock-banner"]')
        ?.textContent?.trim(),
    ).toBe('开发时钟已拨快至 2027-01-05 10:00（演示用）');
  });

  it('shows no clock banner while the portal runs on real time', async () => {
    const element = await render();
    TestBed.inject(HttpTestingController).expectOne(ApiRoutes.clock).flush({
      now: new Date().toISOString(),
      offsetMs: 0,
      moved: false,
      movable: false,
    });
    await fixture.whenStable();
    expect(element.querySelector('[data-testid="clock-banner"]')).toBeNull();
  });

  it('shows a visitor no menu, only the way to log in', async () => {
    session.clear();
    const element = await render();
    expect(element.querySelector('[data-testid="main-menu"]')).toBeNull();
    expect(element.querySelector('[data-testid="notice-bell"]')).toBeNull();
    expect(element.querySelector('[data-testid="nav-login"]')).not.toBeNull();
  });

  it('counts the unread notices on a bell leading to the notice centre, again after each navigation', async () => {
    session.signIn(me(['audit.read']));
    const element = await render();
    const http = TestBed.inject(HttpTestingController);
    http.expectOne(ApiRoutes.myNoticesUnread).flush({ unread: 3 });
    await fixture.whenStable();
    const bell = element.querySelector('[data-testid="notice-bell"]');
    expect(bell?.getAttribute('href')).toBe('/my-notices');
    expect(bell?.getAttribute('data-unread')).toBe('3');
    expect(bell?.getAttribute('aria-label')).toContain('3 条未读');

    await TestBed.inject(Router).navigateByUrl('/');
    http.expectOne(ApiRoutes.myNoticesUnread).flush({ unread: 0 });
    await fixture.whenStable();
    expect(bell?.getAttribute('data-unread')).toBe('0');
  });

  it('switches the language from the header and remembers it', async () => {
    session.clear();
    const element = await render();
    expect(
      element.querySelector('[data-testid="brand"]')?.textContent,
    ).toContain('科技局企业服务门户');
    (
      element.querySelector('[data-testid="language-switch"]') as HTMLElement
    ).click();
    await fixture.whenStable();
    expect(
      element.querySelector('[data-testid="brand"]')?.textContent,
    ).toContain('S&T Bureau Enterprise Portal');
    expect(document.documentElement.lang).toBe('en');
    expect(localStorage.getItem(LANGUAGE_STORAGE_KEY)).toBe('en');
    expect(
      element.querySelector('[data-testid="language-switch"]')?.textContent,
    ).toContain('中文');
  });

  it("speaks the account's language until the device has its own choice", async () => {
    session.signIn(me(['audit.read'], 'en'));
    const element = await render();
    expect(
      element.querySelector('[data-testid="brand"]')?.textContent,
    ).toContain('S&T Bureau');
  });

  it('logs out and goes to the login page', async () => {
    session.signIn(me(['audit.read']));
    const element = await render();
    const navigate = jest
      .spyOn(TestBed.inject(Router), 'navigateByUrl')
      .mockResolvedValue(true);
    (element.querySelector('[data-testid="user-menu"]') as HTMLElement).click();
    // ng-zorro opens the dropdown after a short audit time.
    await new Promise((resolve) => setTimeout(resolve, 200));
    await fixture.whenStable();
    (document.querySelector('[data-testid="logout"]') as HTMLElement).click();
    TestBed.inject(HttpTestingController)
      .expectOne(ApiRoutes.logout)
      .flush(null, { status: 204, statusText: 'No Content' });
    await fixture.whenStable();
    expect(session.current().kind).toBe('anonymous');
    expect(navigate).toHaveBeenCalledWith('/login');
  });
});
