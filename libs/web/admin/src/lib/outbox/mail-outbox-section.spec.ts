import { provideHttpClient } from '@angular/common/http';
import {
  HttpTestingController,
  provideHttpClientTesting,
} from '@angular/common/http/testing';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { ApiRoutes, type Me } from '@portal/contracts';
import type { Permission } from '@portal/domain';
import { SessionStore } from '@portal/web-data-access';
import { provideI18n } from '@portal/web-i18n';
import { MailOutboxSection } from './mail-outbox-section';

function me(permissions: Permission[]): Me {
  return {
    id: 'a-1',
    email: 'sysadmin@kjj.example.cn',
    name: '系统管理员',
    language: 'zh-CN',
    secondFactorEnabled: true,
    memberships: [],
    permissions,
  };
}

describe('MailOutboxSection', () => {
  let fixture: ComponentFixture<MailOutboxSection>;
  let http: HttpTestingController;

  async function render(permissions: Permission[]) {
    localStorage.clear();
    TestBed.configureTestingModule({
      imports: [MailOutboxSection],
      providers: [
        provideI18n(),
        provideHttpClient(),
        provideHttpClientTesting(),
      ],
    });
    http = TestBed.inject(HttpTestingController);
    TestBed.inject(SessionStore).signIn(me(permissions));
    fixture = TestBed.createComponent(MailOutboxSection);
    await fixture.whenStable();
    http.expectOne(ApiRoutes.mailOutbox).flush([
      {
        file: '20251120-0001.eml',
        at: '2025-11-20T02:30:00.000Z',
        to: 'zhang.wei@jszz.example.cn',
        subject: '企业核验结果通知',
      },
    ]);
    await fixture.whenStable();
  }

  afterEach(() => http.verify());

  it('lists the written e-mails and links to the queue dashboard by full navigation', async () => {
    await render(['mail.outbox.read', 'queues.dashboard']);
    const element: HTMLElement = fixture.nativeElement;
    expect(
      element.querySelector('[data-testid="outbox-row"]')?.textContent,
    ).toContain('企业核验结果通知');
    const link = element.querySelector<HTMLAnchorElement>(
      '[data-testid="queue-dashboard-link"]',
    );
    expect(link?.getAttribute('href')).toBe('/api/admin/queues');
    expect(link?.hasAttribute('routerLink')).toBe(false);
  });

  it('hides the dashboard link without its permission', async () => {
    await render(['mail.outbox.read']);
    expect(
      fixture.nativeElement.querySelector(
        '[data-testid="queue-dashboard-link"]',
      ),
    ).toBeNull();
  });
});
