import { provideHttpClient } from '@angular/common/http';
import {
  HttpTestingController,
  provideHttpClientTesting,
} from '@angular/common/http/testing';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { ApiRoutes, type PublicNoticeView } from '@portal/contracts';
import { provideI18n } from '@portal/web-i18n';
import { byTestId } from '@portal/web-ui/testing';
import { PublicNoticesPage, objectionWindow } from './public-notices.page';

const NOTICES: PublicNoticeView[] = [
  {
    applicationId: 'a-7',
    reference: 'GX-2026-0007',
    type: 'high_tech',
    companyName: '嘉善智造科技有限公司',
    // Far ahead: the notice still runs whenever the test is run.
    noticeEndsAt: '2099-12-04T16:00:00.000Z',
    // The API's "an objection is open on it": none yet, so anyone may object.
    objectionOpen: false,
  },
  {
    applicationId: 'a-8',
    reference: 'GX-2026-0008',
    type: 'high_tech',
    companyName: '平湖精密机械有限公司',
    noticeEndsAt: '2026-11-20T16:00:00.000Z',
    objectionOpen: false,
  },
  {
    applicationId: 'a-9',
    reference: 'KX-2026-0009',
    type: 'tech_sme',
    companyName: '嘉善示范科技有限公司',
    noticeEndsAt: '2099-12-21T16:00:00.000Z',
    objectionOpen: true,
  },
];

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

  beforeEach(async () => {
    localStorage.clear();
    TestBed.configureTestingModule({
      imports: [PublicNoticesPage],
      providers: [
        provideI18n(),
        provideHttpClient(),
        provideHttpClientTesting(),
      ],
    });
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(PublicNoticesPage);
    await fixture.whenStable();
    http.expectOne(ApiRoutes.publicNotices).flush(NOTICES);
    await fixture.whenStable();
  });

  afterEach(() => {
    http.verify();
    document.body.innerHTML = '';
  });

  it('lists the notices with reference, company, type and end, and offers an objection while open', () => {
    const rows = element().querySelectorAll('[data-testid="notice-row"]');
    expect(rows).toHaveLength(3);
    expect(rows[0].textContent).toContain('GX-2026-0007');
    expect(rows[0].textContent).toContain('嘉善智造科技有限公司');
    expect(rows[0].textContent).toContain('高新技术企业');
    expect(
      rows[0].querySelector('[data-testid="notice-object"]'),
    ).not.toBeNull();
    // Ended: no objection any more.
    expect(rows[1].querySelector('[data-testid="notice-object"]')).toBeNull();
    expect(rows[1].textContent).toContain('异议已截止');
    // An objection already lodged and open: it is being reviewed.
    expect(rows[2].textContent).toContain('科技型中小企业评价入库');
    expect(rows[2].querySelector('[data-testid="notice-object"]')).toBeNull();
    expect(rows[2].textContent).toContain('已有异议，正在复核');
  });

  it('reads objectionOpen as an objection already open, and the end as the close', () => {
    const [running, ended, objected] = NOTICES;
    const now = Date.parse('2026-12-06T00:00:00.000Z');
    expect(objectionWindow(running, now)).toBe('open');
    expect(objectionWindow(ended, now)).toBe('closed');
    expect(objectionWindow(objected, now)).toBe('pending');
    expect(objectionWindow({ ...running, noticeEndsAt: null }, now)).toBe(
      'open',
    );
    // The notice's last instant has passed.
    expect(
      objectionWindow(running, Date.parse(running.noticeEndsAt ?? '')),
    ).toBe('closed');
  });

  it('sends a real-name objection after checking it, and confirms it', async () => {
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
    await fixture.whenStable();
    expect(inDocument('objection-dialog')).toBeNull();
    expect(document.body.textContent).toContain(
      '已收到您对 GX-2026-0007 的异议',
    );
  });
});
