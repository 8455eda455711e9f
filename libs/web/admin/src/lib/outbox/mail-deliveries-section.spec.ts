import { provideHttpClient } from '@angular/common/http';
import {
  HttpTestingController,
  provideHttpClientTesting,
} from '@angular/common/http/testing';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import {
  ApiRoutes,
  type MailDeliveryStats,
  type MailDeliveryView,
  type Me,
} from '@portal/contracts';
import type { Permission } from '@portal/domain';
import { SessionStore } from '@portal/web-data-access';
import { provideI18n } from '@portal/web-i18n';
import { byTestId, click } from '@portal/web-ui/testing';
import {
  DELIVERIES_PAGE_SIZE,
  MailDeliveriesSection,
} from './mail-deliveries-section';

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

function delivery(
  id: string,
  overrides: Partial<MailDeliveryView> = {},
): MailDeliveryView {
  return {
    id,
    kind: 'stage_reminder',
    to: 'zhang.wei@jszz.example.cn',
    subject: '办理期限提醒',
    status: 'failed',
    attempts: 5,
    lastError: '421 try again later',
    applicationId: 'a-1',
    createdAt: '2026-03-02T02:30:00.000Z',
    acceptedAt: null,
    ...overrides,
  };
}

const stats: MailDeliveryStats = {
  since: '2026-03-01T00:00:00.000Z',
  byStatus: {
    queued: 2,
    sending: 0,
    sent: 120,
    failed: 1,
    held_for_digest: 4,
    digested: 9,
  },
  accepted: 120,
  firstAcceptedAt: '2026-03-01T01:00:00.000Z',
  lastAcceptedAt: '2026-03-02T01:00:00.000Z',
  commitToAcceptMs: { p50: 85, p95: 412, max: 2000 },
};

describe('MailDeliveriesSection', () => {
  let fixture: ComponentFixture<MailDeliveriesSection>;
  let http: HttpTestingController;
  const isList = (req: { url: string }) => req.url === ApiRoutes.mailDeliveries;
  const rows = () => [
    ...(fixture.nativeElement as HTMLElement).querySelectorAll<HTMLElement>(
      '[data-testid="delivery-row"]',
    ),
  ];

  async function render(permissions: Permission[]) {
    localStorage.clear();
    TestBed.configureTestingModule({
      imports: [MailDeliveriesSection],
      providers: [
        provideI18n(),
        provideHttpClient(),
        provideHttpClientTesting(),
      ],
    });
    http = TestBed.inject(HttpTestingController);
    TestBed.inject(SessionStore).signIn(me(permissions));
    fixture = TestBed.createComponent(MailDeliveriesSection);
    await fixture.whenStable();
    const first = http.expectOne(isList);
    expect(first.request.params.get('status')).toBe('failed');
    expect(first.request.params.get('limit')).toBe(
      String(DELIVERIES_PAGE_SIZE),
    );
    first.flush({
      items: [delivery('d-1'), delivery('d-2', { status: 'sent' })],
      nextCursor: 'cur-2',
    });
    http.expectOne(ApiRoutes.mailDeliveryStats).flush(stats);
    await fixture.whenStable();
  }

  afterEach(() => http.verify());

  it('shows failed deliveries first, the counts and the p95, and pages on', async () => {
    await render(['mail.outbox.read']);
    expect(rows()[0].textContent).toContain('办理提醒');
    expect(rows()[0].textContent).toContain('发送失败');
    expect(rows()[0].textContent).toContain('421 try again later');
    expect(byTestId(fixture, 'deliveries-stats').textContent).toContain(
      '待汇总 4',
    );
    expect(byTestId(fixture, 'deliveries-p95').textContent).toContain('412');
    // Reading only: no retry.
    expect(
      fixture.nativeElement.querySelector('[data-testid="delivery-retry"]'),
    ).toBeNull();

    click(fixture, 'deliveries-load-more');
    await fixture.whenStable();
    const next = http.expectOne(isList);
    expect(next.request.params.get('cursor')).toBe('cur-2');
    expect(next.request.params.get('status')).toBe('failed');
    next.flush({ items: [delivery('d-3')], nextCursor: null });
    await fixture.whenStable();
    expect(rows()).toHaveLength(3);
  });

  it('lets a holder of mail.outbox.manage send a failed e-mail again', async () => {
    await render(['mail.outbox.read', 'mail.outbox.manage']);
    const buttons = () =>
      rows().map(
        (row) => !!row.querySelector('[data-testid="delivery-retry"]'),
      );
    expect(buttons()).toEqual([true, false]);

    click(fixture, 'delivery-retry');
    await fixture.whenStable();
    const retry = http.expectOne(ApiRoutes.mailDeliveryRetry('d-1'));
    expect(retry.request.method).toBe('POST');
    retry.flush(null, { status: 204, statusText: 'No Content' });
    http.expectOne(ApiRoutes.mailDeliveryStats).flush(stats);
    await fixture.whenStable();
    expect(rows()[0].getAttribute('data-status')).toBe('queued');
    expect(buttons()).toEqual([false, false]);
  });
});
