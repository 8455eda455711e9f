import { provideHttpClient } from '@angular/common/http';
import {
  HttpTestingController,
  provideHttpClientTesting,
} from '@angular/common/http/testing';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { ApiRoutes, type AuditEntryView } from '@portal/contracts';
import { LanguageService, provideI18n } from '@portal/web-i18n';
import { AUDIT_PAGE_SIZE, AuditLogSection } from './audit-log-section';

function entry(
  id: string,
  action: string,
  result: AuditEntryView['result'],
): AuditEntryView {
  return {
    id,
    at: '2025-11-20T02:30:00.000Z',
    userId: 'u-1',
    userEmail: 'reviewer@kjj.example.cn',
    ip: '10.0.0.8',
    action,
    objectType: 'company',
    objectId: 'c1',
    result,
    detail: { comment: 'ok' },
  };
}

describe('AuditLogSection', () => {
  let fixture: ComponentFixture<AuditLogSection>;
  let http: HttpTestingController;
  const isAuditLog = (req: { url: string }) => req.url === ApiRoutes.auditLog;
  const rows = () => [
    ...(fixture.nativeElement as HTMLElement).querySelectorAll(
      '[data-testid="audit-row"]',
    ),
  ];

  beforeEach(async () => {
    localStorage.clear();
    TestBed.configureTestingModule({
      imports: [AuditLogSection],
      providers: [
        provideI18n(),
        provideHttpClient(),
        provideHttpClientTesting(),
      ],
    });
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(AuditLogSection);
    await fixture.whenStable();
  });

  afterEach(() => http.verify());

  it('shows the latest entries with translated results and pages on with the cursor', async () => {
    const first = http.expectOne(isAuditLog);
    expect(first.request.params.get('limit')).toBe(String(AUDIT_PAGE_SIZE));
    first.flush({
      items: [
        entry('a1', 'company.verify', 'success'),
        entry('a2', 'auth.login', 'denied'),
      ],
      nextCursor: 'next-1',
    });
    await fixture.whenStable();
    expect(rows().map((row) => row.getAttribute('data-action'))).toEqual([
      'company.verify',
      'auth.login',
    ]);
    expect(rows()[1].textContent).toContain('拒绝');
    expect(rows()[0].textContent).toContain('company #c1');

    TestBed.inject(LanguageService).use('en');
    await fixture.whenStable();
    expect(rows()[1].textContent).toContain('Denied');

    (
      fixture.nativeElement.querySelector(
        '[data-testid="audit-load-more"]',
      ) as HTMLElement
    ).click();
    await fixture.whenStable();
    const next = http.expectOne(isAuditLog);
    expect(next.request.params.get('cursor')).toBe('next-1');
    next.flush({
      items: [entry('a3', 'auth.logout', 'success')],
      nextCursor: null,
    });
    await fixture.whenStable();
    expect(rows()).toHaveLength(3);
  });

  it('filters by action from the first page', async () => {
    http.expectOne(isAuditLog).flush({ items: [], nextCursor: null });
    const input = fixture.nativeElement.querySelector(
      '[data-testid="audit-filter-action"]',
    ) as HTMLInputElement;
    input.value = ' auth.login ';
    input.dispatchEvent(new Event('input'));
    (
      fixture.nativeElement.querySelector(
        '[data-testid="audit-filter-submit"]',
      ) as HTMLElement
    ).click();
    await fixture.whenStable();
    const filtered = http.expectOne(isAuditLog);
    expect(filtered.request.params.get('action')).toBe('auth.login');
    expect(filtered.request.params.has('cursor')).toBe(false);
    filtered.flush({ items: [], nextCursor: null });
  });
});
