import { provideHttpClient } from '@angular/common/http';
import {
  HttpTestingController,
  provideHttpClientTesting,
} from '@angular/common/http/testing';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import {
  ApiRoutes,
  type Me,
  type MyObjectionView,
  type PublicNoticeView,
} from '@portal/contracts';
import { SessionStore } from '@portal/web-data-access';
import { provideI18n } from '@portal/web-i18n';
import { byTestId } from '@portal/web-ui/testing';
import { PublicNoticesPage, objectionWindow } from './public-notices.page';

const NOTICES: PublicNoticeView[] = [
  {
    applicationId: 'a-7',
    reference: 'GX-2026-0007',
    type: 'high_tech',
    companyName: '嘉善智造科技有限公司',
    noticeStartsAt: '2026-11-20T02:00:00.000Z',
    // Far ahead: the notice still runs whenever the test is run.
    noticeEndsAt: '2099-12-04T15:59:59.999Z',
  },
  {
    applicationId: 'a-8',
    reference: 'GX-2026-0008',
    type: 'high_tech',
    companyName: '平湖精密机械有限公司',
    noticeStartsAt: '2026-11-06T02:00:00.000Z',
    noticeEndsAt: '2026-11-20T16:00:00.000Z',
  },
  {
    applicationId: 'a-9',
    reference: 'KX-2026-0009',
    type: 'tech_sme',
    companyName: '嘉善示范科技有限公司',
    noticeStartsAt: '2026-12-01T02:00:00.000Z',
    noticeEndsAt: '2099-12-21T15:59:59.999Z',
  },
];

const MINE: MyObjectionView[] = [
  {
    id: 'o-1',
    applicationId: 'a-5',
    reference: 'GX-2026-0005',
    type: 'high_tech',
    companyName: '嘉兴某科技有限公司',
    lodgedAt: '2026-11-02T02:00:00.000Z',
    status: 'dismissed',
  },
];

function me(): Me {
  return {
    id: 'u-1',
    email: 'wang@example.cn',
    name: '王芳',
    language: 'zh-CN',
    secondFactorEnabled: false,
    memberships: [],
    permissions: ['notices.read'],
  };
}

describe('PublicNoticesPage', () => {
  let fixture: ComponentFixture<PublicNoticesPage>;
  let http: HttpTestingController;
  const element = () => fixture.nativeElement as HTMLElement;
  const inDocument = (testId: string) =>
    document.querySelector<HTMLElement>(`[data-testid="${testId}"]`);
  const type = (testId: string, value: string) => {
    const input = inDocument(testId) as HTMLInputElement;
    input.value = value;
    input.dispatchEvent(new Event('input'));
  };

  /** The page for a visitor: signed in as a user, or anonymous (nobody logged in). */
  async function open(as: 'user' | 'anonymous'): Promise<void> {
    localStorage.clear();
    TestBed.configureTestingModule({
      imports: [PublicNoticesPage],
      providers: [
        provideI18n(),
        provideRouter([]),
        provideHttpClient(),
        provideHttpClientTesting(),
      ],
    });
    http = TestBed.inject(HttpTestingController);
    const session = TestBed.inject(SessionStore);
    if (as === 'user') session.signIn(me());
    else session.clear();
    fixture = TestBed.createComponent(PublicNoticesPage);
    await fixture.whenStable();
    http.expectOne(ApiRoutes.publicNotices).flush(NOTICES);
    if (as === 'user') http.expectOne(ApiRoutes.myObjections).flush(MINE);
    await fixture.whenStable();
  }

  afterEach(() => {
    http.verify();
    document.body.innerHTML = '';
  });

  it('shows an anonymous visitor each case’s holder, programme, reference and notice period, and the log-in to object', async () => {
    await open('anonymous');
    const rows = element().querySelectorAll('[data-testid="notice-row"]');
    expect(rows).toHaveLength(3);
    expect(rows[0].textContent).toContain('GX-2026-0007');
    expect(rows[0].textContent).toContain('嘉善智造科技有限公司');
    expect(rows[0].textContent).toContain('高新技术企业');
    const period = rows[0].querySelector('[data-testid="notice-period"]');
    expect(period?.textContent).toContain('自 2026年11月20日');
    expect(period?.textContent).toContain('至 2099年12月4日');
    // No objection form for a visitor: the log-in, which comes back here.
    expect(rows[0].querySelector('[data-testid="notice-object"]')).toBeNull();
    const login = rows[0].querySelector<HTMLAnchorElement>(
      '[data-testid="notice-login"]',
    );
    expect(login?.textContent).toContain('登录后提出异议');
    expect(login?.getAttribute('href')).toBe('/login?returnUrl=%2Fnotices');
    // Ended: neither.
    expect(rows[1].querySelector('[data-testid="notice-login"]')).toBeNull();
    expect(rows[1].textContent).toContain('公示已结束');
    expect(rows[2].textContent).toContain('科技型中小企业评价入库');
    // A visitor has no objections of their own to see.
    expect(element().querySelector('[data-testid="my-objections"]')).toBeNull();
  });

  it('offers a signed-in user the objection while the notice runs', async () => {
    await open('user');
    const rows = element().querySelectorAll('[data-testid="notice-row"]');
    expect(
      rows[0].querySelector('[data-testid="notice-object"]'),
    ).not.toBeNull();
    expect(rows[0].querySelector('[data-testid="notice-login"]')).toBeNull();
    expect(rows[1].querySelector('[data-testid="notice-object"]')).toBeNull();
    expect(rows[1].textContent).toContain('公示已结束');
    expect(
      rows[2].querySelector('[data-testid="notice-object"]'),
    ).not.toBeNull();
  });

  it('shows a signed-in user what became of their objections', async () => {
    await open('user');
    const mine = byTestId(fixture, 'my-objections');
    expect(mine.textContent).toContain('我的异议');
    expect(mine.textContent).toContain('GX-2026-0005');
    expect(mine.textContent).toContain('嘉兴某科技有限公司');
    expect(byTestId(fixture, 'my-objection-status').textContent).toContain(
      '异议不成立',
    );
  });

  it('reads the end as the close of objections', () => {
    const [running, ended] = NOTICES;
    const now = Date.parse('2026-12-06T00:00:00.000Z');
    expect(objectionWindow(running, now)).toBe('open');
    expect(objectionWindow(ended, now)).toBe('closed');
    expect(objectionWindow({ ...running, noticeEndsAt: null }, now)).toBe(
      'open',
    );
    // The notice's last instant has passed.
    expect(
      objectionWindow(running, Date.parse(running.noticeEndsAt ?? '')),
    ).toBe('closed');
  });

  it('sends a real-name objection after checking it, and confirms it', async () => {
    await open('user');
    byTestId(fixture, 'notice-object').click();
    await fixture.whenStable();
    expect(inDocument('objection-dialog')?.textContent).toContain(
      'GX-2026-0007',
    );
    inDocument('objection-send')?.click();
    await fixture.whenStable();
    http.expectNone(ApiRoutes.noticeObjections('a-7'));
    expect(
      inDocument('objection-real-name')?.closest('nz-form-item')?.textContent,
    ).toContain('此项为必填项');

    type('objection-real-name', ' 王芳 ');
    type('objection-reasons', '该企业研发人员比例与实际情况不符。');
    inDocument('objection-send')?.click();
    await fixture.whenStable();
    const post = http.expectOne(ApiRoutes.noticeObjections('a-7'));
    expect(post.request.method).toBe('POST');
    expect(post.request.body).toEqual({
      realName: '王芳',
      reasons: '该企业研发人员比例与实际情况不符。',
    });
    post.flush(null, { status: 204, statusText: 'No Content' });
    await fixture.whenStable();
    http.expectOne(ApiRoutes.publicNotices).flush([]);
    http
      .expectOne(ApiRoutes.myObjections)
      .flush([{ ...MINE[0], id: 'o-2', applicationId: 'a-7', status: 'open' }]);
    await fixture.whenStable();
    expect(inDocument('objection-dialog')).toBeNull();
    expect(byTestId(fixture, 'my-objection-status').textContent).toContain(
      '复核中',
    );
    expect(document.body.textContent).toContain(
      '已收到您对 GX-2026-0007 的异议',
    );
  });
});
