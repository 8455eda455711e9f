import { provideHttpClient } from '@angular/common/http';
import {
  HttpTestingController,
  provideHttpClientTesting,
} from '@angular/common/http/testing';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { ApiRoutes, type AuditEntryView } from '@portal/contracts';
import { LanguageService, provideI18n } from '@portal/web-i18n';
import { AUDIT_SEARCH_PAGE_SIZE, AuditPage } from './audit.page';

function entry(id: string, action: string): AuditEntryView {
  return {
    id,
    at: '2026-11-20T02:30:00.000Z',
    userId: 'u-1',
    userEmail: 'admin.jiashan@example.com',
    ip: '10.0.0.8',
    action,
    objectType: 'user',
    objectId: 'u-42',
    result: 'success',
    detail: { reason: '调岗' },
  };
}

describe('AuditPage', () => {
  let fixture: ComponentFixture<AuditPage>;
  let http: HttpTestingController;
  const element = () => fixture.nativeElement as HTMLElement;
  const byTestId = <T extends HTMLElement = HTMLElement>(id: string) =>
    element().querySelector<T>(`[data-testid="${id}"]`) as T;
  const isLog = (req: { url: string }) => req.url === ApiRoutes.auditLog;
  const type = (id: string, value: string) => {
    const input = byTestId<HTMLInputElement>(id);
    input.value = value;
    input.dispatchEvent(new Event('input'));
  };

  beforeEach(async () => {
    localStorage.clear();
    TestBed.configureTestingModule({
      imports: [AuditPage],
      providers: [
        provideI18n(),
        provideHttpClient(),
        provideHttpClientTesting(),
        provideRouter([]),
      ],
    });
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(AuditPage);
    await fixture.whenStable();
  });

  afterEach(() => http.verify());

  it('shows each action in words in both languages, never as a code, and pages on', async () => {
    const first = http.expectOne(isLog);
    expect(first.request.params.get('limit')).toBe(
      String(AUDIT_SEARCH_PAGE_SIZE),
    );
    first.flush({
      items: [entry('2', 'staff.deactivated'), entry('1', 'auth.login')],
      nextCursor: '1',
    });
    await fixture.whenStable();
    const words = () =>
      [...element().querySelectorAll('[data-testid="audit-action-words"]')].map(
        (e) => e.textContent?.trim(),
      );
    expect(words()).toEqual(['停用账号', '登录']);
    TestBed.inject(LanguageService).use('en');
    await fixture.whenStable();
    expect(words()).toEqual(['Account deactivated', 'Sign-in']);
    byTestId('audit-load-more').click();
    const next = http.expectOne(isLog);
    expect(next.request.params.get('cursor')).toBe('1');
    next.flush({ items: [entry('0', 'auth.logout')], nextCursor: null });
    await fixture.whenStable();
    expect(words()).toHaveLength(3);
  });

  it('searches by text, actor and object from the first page, and exports the same search', async () => {
    http.expectOne(isLog).flush({ items: [], nextCursor: null });
    type('audit-filter-q', ' 停用 ');
    type('audit-filter-actor', 'admin.jiashan');
    type('audit-filter-object-id', 'u-42');
    byTestId('audit-search').click();
    await fixture.whenStable();
    const req = http.expectOne(isLog);
    expect(req.request.params.get('q')).toBe('停用');
    expect(req.request.params.get('actor')).toBe('admin.jiashan');
    expect(req.request.params.get('objectId')).toBe('u-42');
    expect(req.request.params.has('cursor')).toBe(false);
    req.flush({ items: [], nextCursor: null });
    await fixture.whenStable();
    const href = byTestId('audit-export-csv').getAttribute('href') ?? '';
    expect(href.startsWith(`${ApiRoutes.auditLogCsv}?`)).toBe(true);
    const params = new URLSearchParams(href.split('?')[1]);
    expect(params.get('q')).toBe('停用');
    expect(params.get('objectId')).toBe('u-42');
    expect(params.get('lang')).toBe('zh-CN');
    expect(element().textContent).toContain('没有符合条件的记录');
  });

  it('verifies the chains and names the first broken link with the case to open', async () => {
    http.expectOne(isLog).flush({ items: [], nextCursor: null });
    byTestId('audit-verify-chain').click();
    http.expectOne(ApiRoutes.eventChain).flush({
      applications: 12,
      events: 80,
      intact: true,
      firstBreak: null,
    });
    await fixture.whenStable();
    expect(byTestId('audit-chain-intact').textContent).toContain(
      '12 件申报、80 条事件',
    );
    byTestId('audit-verify-chain').click();
    http.expectOne(ApiRoutes.eventChain).flush({
      applications: 12,
      events: 80,
      intact: false,
      firstBreak: { applicationId: 'app-7', seq: 3, reason: 'hash_mismatch' },
    });
    await fixture.whenStable();
    const broken = byTestId('audit-chain-broken');
    expect(broken.textContent).toContain('第 3 条事件');
    expect(broken.textContent).toContain('事件内容与其哈希不符');
    expect(broken.querySelector('a')?.getAttribute('href')).toBe(
      '/applications/app-7',
    );
  });

  it('shows a refusal as the human message', async () => {
    http.expectOne(isLog).flush(
      {
        code: 'VALIDATION_FAILED',
        message: 'x',
        correlationId: 'c',
        fields: [
          {
            field: 'from',
            code: 'from.invalid',
            message: 'Enter a valid date',
          },
        ],
      },
      { status: 400, statusText: 'Bad Request' },
    );
    await fixture.whenStable();
    expect(element().querySelector('[data-code]')?.textContent).toContain(
      '提交的信息有误',
    );
  });
});
