import { provideHttpClient } from '@angular/common/http';
import {
  HttpTestingController,
  provideHttpClientTesting,
} from '@angular/common/http/testing';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { Router, provideRouter } from '@angular/router';
import { ApiRoutes, type CompanyView } from '@portal/contracts';
import { SessionStore } from '@portal/web-data-access';
import { LanguageService, provideI18n } from '@portal/web-i18n';
import { click } from '@portal/web-ui/testing';
import {
  testCall,
  testDetail,
  testStatus,
  testSummary,
} from '../shared/test-data';
import { MyApplicationsPage } from './my-applications.page';

describe('MyApplicationsPage', () => {
  let fixture: ComponentFixture<MyApplicationsPage>;
  let http: HttpTestingController;
  const isList = (req: { url: string; method: string }) =>
    req.url === ApiRoutes.applications && req.method === 'GET';
  const rows = () =>
    [
      ...(fixture.nativeElement as HTMLElement).querySelectorAll(
        '[data-testid="application-row"]',
      ),
    ] as HTMLElement[];
  const inDocument = (selector: string) => [
    ...document.querySelectorAll<HTMLElement>(selector),
  ];

  beforeEach(async () => {
    localStorage.clear();
    TestBed.configureTestingModule({
      imports: [MyApplicationsPage],
      providers: [
        provideI18n(),
        provideRouter([]),
        provideHttpClient(),
        provideHttpClientTesting(),
      ],
    });
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(MyApplicationsPage);
    await fixture.whenStable();
  });

  afterEach(() => http.verify());

  it('shows the next deadline with working days left, amber when near and red when passed', async () => {
    http.expectOne(isList).flush({
      items: [
        {
          ...testSummary('a-1'),
          phase: 'draft',
          nextDeadline: {
            kind: 'call_closes',
            at: '2026-12-31T09:59:59.000Z',
            workingDaysLeft: 12,
            urgency: 'ok',
          },
        },
        {
          ...testSummary('a-2'),
          phase: 'with_you',
          nextDeadline: {
            kind: 'answer',
            at: '2026-12-08T15:59:59.999Z',
            workingDaysLeft: 1,
            urgency: 'near',
          },
        },
        {
          ...testSummary('a-3'),
          phase: 'with_you',
          nextDeadline: {
            kind: 'milestone',
            at: '2026-11-30T15:59:59.999Z',
            workingDaysLeft: -3,
            urgency: 'overdue',
          },
        },
        { ...testSummary('a-4'), phase: 'in_review', nextDeadline: null },
      ],
      nextCursor: null,
    });
    await fixture.whenStable();
    const deadlines = rows().map(
      (row) =>
        row.querySelector<HTMLElement>(
          '[data-testid="application-deadline"]',
        ) as HTMLElement,
    );
    expect(deadlines[0].textContent).toContain('提交截止');
    expect(deadlines[0].textContent).toContain('剩余 12 个工作日');
    expect(
      deadlines[1].querySelector('.deadline')?.getAttribute('data-urgency'),
    ).toBe('near');
    expect(deadlines[1].querySelector('.deadline--near')).not.toBeNull();
    expect(deadlines[2].querySelector('.deadline--overdue')).not.toBeNull();
    expect(deadlines[2].textContent).toContain('已超期 3 个工作日');
    expect(deadlines[3].textContent).toContain('暂无需要您处理的期限');

    TestBed.inject(LanguageService).use('en');
    await fixture.whenStable();
    expect(deadlines[1].textContent).toContain('1 working day left');
    expect(deadlines[1].textContent).not.toContain('1 working days');
    expect(deadlines[2].textContent).toContain('Overdue by 3 working days');
    expect(deadlines[0].textContent).toContain('Submit by');
  });

  it('filters by programme, status, year and text, and pages on under the same filters', async () => {
    http.expectOne(isList).flush({ items: [], nextCursor: null });
    await fixture.whenStable();
    const page = fixture.componentInstance as unknown as {
      filter: MyApplicationsPage['filter'];
    };
    page.filter.controls.type.setValue('high_tech');
    const byType = http.expectOne(isList);
    expect(byType.request.params.get('type')).toBe('high_tech');
    byType.flush({ items: [], nextCursor: null });
    await fixture.whenStable();
    expect((fixture.nativeElement as HTMLElement).textContent).toContain(
      '没有符合筛选条件的申报',
    );

    page.filter.controls.phase.setValue('with_you');
    http.expectOne(isList).flush({ items: [], nextCursor: null });
    page.filter.controls.year.setValue(2026);
    http.expectOne(isList).flush({ items: [], nextCursor: null });
    const input = (fixture.nativeElement as HTMLElement).querySelector(
      '[data-testid="applications-filter-q"]',
    ) as HTMLInputElement;
    input.value = '  GX-2026 ';
    input.dispatchEvent(new Event('input'));
    click(fixture, 'applications-filter-apply');
    const all = http.expectOne(isList);
    expect(
      Object.fromEntries(
        all.request.params.keys().map((k) => [k, all.request.params.get(k)]),
      ),
    ).toEqual({
      type: 'high_tech',
      phase: 'with_you',
      year: '2026',
      q: 'GX-2026',
    });
    all.flush({ items: [testSummary('a-1')], nextCursor: 'cur-2' });
    await fixture.whenStable();
    click(fixture, 'applications-load-more');
    const more = http.expectOne(isList);
    expect(more.request.params.get('cursor')).toBe('cur-2');
    expect(more.request.params.get('phase')).toBe('with_you');
    more.flush({ items: [], nextCursor: null });
    await fixture.whenStable();

    click(fixture, 'applications-filter-clear');
    const cleared = http.expectOne(isList);
    expect(cleared.request.params.keys()).toEqual([]);
    cleared.flush({ items: [], nextCursor: null });
  });

  it('lists the applications with their public status and pages on with the cursor', async () => {
    const first = http.expectOne(isList);
    expect(first.request.params.has('cursor')).toBe(false);
    first.flush({
      items: [
        testSummary('a-1'),
        testSummary('a-2', {
          status: testStatus({
            state: 'county_review',
            label: {
              'zh-CN': '县级科技局审核中',
              en: 'Under review by the county S&T bureau',
            },
            waitingForApplicant: false,
            holder: 'county',
          }),
        }),
      ],
      nextCursor: 'cur-2',
    });
    await fixture.whenStable();
    expect(
      rows().map((row) => row.getAttribute('data-application-id')),
    ).toEqual(['a-1', 'a-2']);
    expect(rows()[0].textContent).toContain('KJ-2026-a-1');
    expect(rows()[0].textContent).toContain('科技成果转化贷款');
    expect(rows()[0].textContent).toContain('2026 年第一批科技成果转化贷款');
    expect(rows()[1].textContent).toContain('县级科技局审核中');
    expect(
      rows()[1]
        .querySelector('[data-testid="application-open"]')
        ?.getAttribute('href'),
    ).toBe('/applications/a-2');

    // A phone shows each row as a card: every cell but the link names what it holds.
    expect(
      [...rows()[0].querySelectorAll('td')].map((td) =>
        td.getAttribute('data-label'),
      ),
    ).toEqual([
      '申报编号',
      '申报类型',
      '申报批次',
      '办理状态',
      '下一截止',
      '更新时间',
      null,
    ]);

    TestBed.inject(LanguageService).use('en');
    await fixture.whenStable();
    expect(rows()[1].textContent).toContain(
      'Under review by the county S&T bureau',
    );

    click(fixture, 'applications-load-more');
    await fixture.whenStable();
    const next = http.expectOne(isList);
    expect(next.request.params.get('cursor')).toBe('cur-2');
    next.flush({ items: [testSummary('a-3')], nextCursor: null });
    await fixture.whenStable();
    expect(rows()).toHaveLength(3);
    expect(
      fixture.nativeElement.querySelector(
        '[data-testid="applications-load-more"]',
      ),
    ).toBeNull();
  });

  it('starts a draft in an open call and opens it', async () => {
    http.expectOne(isList).flush({ items: [], nextCursor: null });
    await fixture.whenStable();
    const navigate = jest
      .spyOn(TestBed.inject(Router), 'navigate')
      .mockResolvedValue(true);

    click(fixture, 'application-new');
    await fixture.whenStable();
    http
      .expectOne(ApiRoutes.calls)
      .flush([
        testCall('call-open', 'open', '2026 年第一批'),
        testCall('call-next', 'upcoming', '2027 年第一批'),
        testCall('call-old', 'closed', '2025 年第二批'),
      ]);
    await fixture.whenStable();
    expect(
      inDocument('[data-testid="call-option"]').map((o) =>
        o.getAttribute('data-call-id'),
      ),
    ).toEqual(['call-open', 'call-next']);

    inDocument(
      '[data-call-id="call-open"] [data-testid="call-start"]',
    )[0].click();
    await fixture.whenStable();
    const create = http.expectOne(
      (req) => req.url === ApiRoutes.applications && req.method === 'POST',
    );
    expect(create.request.body).toEqual({ callId: 'call-open' });
    create.flush(testDetail({ id: 'a-new' }));
    await fixture.whenStable();
    expect(navigate).toHaveBeenCalledWith(['/applications', 'a-new']);
  });

  it('shows the reason when the call cannot take applications', async () => {
    http.expectOne(isList).flush({ items: [], nextCursor: null });
    click(fixture, 'application-new');
    await fixture.whenStable();
    http
      .expectOne(ApiRoutes.calls)
      .flush([testCall('call-open', 'open', '2026 年第一批')]);
    await fixture.whenStable();
    inDocument('[data-testid="call-start"]')[0].click();
    await fixture.whenStable();
    http
      .expectOne(
        (req) => req.url === ApiRoutes.applications && req.method === 'POST',
      )
      .flush(
        {
          statusCode: 409,
          code: 'CALL_CLOSED',
          message: 'The call is closed',
          correlationId: 'c-9',
        },
        { status: 409, statusText: 'Conflict' },
      );
    await fixture.whenStable();
    expect(
      inDocument('[data-testid="call-chooser"] [data-testid="error-alert"]')[0]
        ?.textContent,
    ).toContain('该申报批次已截止或尚未开始');
  });

  describe('for a company the county has not verified yet', () => {
    const company = (overrides: Partial<CompanyView> = {}): CompanyView => ({
      id: 'c-1',
      name: '嘉善小众科技有限公司',
      creditCode: '91330421MA2B3C4D5E',
      regionCode: '330421',
      regionName: '嘉善县',
      foundedOn: null,
      contactName: '钟小',
      contactPhone: '138****0000',
      contactEmail: 'xiaozhong@example.com',
      verificationStatus: 'pending',
      verificationComment: null,
      verifiedAt: null,
      createdAt: '2026-12-01T02:00:00.000Z',
      ...overrides,
    });

    async function asCompanyAdmin(): Promise<
      ComponentFixture<MyApplicationsPage>
    > {
      // The page the outer beforeEach opened signed out: it asked for the list only.
      http.expectOne(isList).flush({ items: [], nextCursor: null });
      TestBed.inject(SessionStore).signIn({
        id: 'u-9',
        email: 'xiaozhong@example.com',
        name: '钟小',
        language: 'zh-CN',
        secondFactorEnabled: false,
        memberships: [],
        permissions: [
          'company.profile.read',
          'applications.file',
          'calls.read',
        ],
      });
      const page = TestBed.createComponent(MyApplicationsPage);
      await page.whenStable();
      return page;
    }

    it('says the county is verifying the company and what follows, without a red error or a way to start', async () => {
      const page = await asCompanyAdmin();
      http.expectOne(ApiRoutes.myCompany).flush(company());
      await page.whenStable();
      http.expectNone(isList);
      const el = page.nativeElement as HTMLElement;
      const notice = el.querySelector<HTMLElement>(
        '[data-testid="company-unverified"]',
      );
      expect(notice?.dataset['status']).toBe('pending');
      expect(notice?.textContent).toContain(
        '区县科技局正在核验贵公司的注册信息',
      );
      expect(notice?.textContent).toContain('核验通过后，即可在这里新建申报');
      expect(el.querySelector('[data-testid="error-alert"]')).toBeNull();
      expect(el.querySelector('[data-testid="application-new"]')).toBeNull();

      TestBed.inject(LanguageService).use('en');
      await page.whenStable();
      expect(notice?.textContent).toContain(
        'The county S&T bureau is verifying your company',
      );
    });

    it("gives the county's comment when it did not verify the company", async () => {
      const page = await asCompanyAdmin();
      http.expectOne(ApiRoutes.myCompany).flush(
        company({
          verificationStatus: 'rejected',
          verificationComment: '营业执照照片不清晰',
        }),
      );
      await page.whenStable();
      const el = page.nativeElement as HTMLElement;
      expect(
        el.querySelector('[data-testid="company-unverified"]')?.textContent,
      ).toContain('区县科技局未通过贵公司的注册核验');
      expect(
        el.querySelector('[data-testid="verification-comment"]')?.textContent,
      ).toContain('核验意见：营业执照照片不清晰');
    });

    it('explains a refused start by the company not being verified, not as a permission error', async () => {
      // Signed out of the session's permissions the page skipped the check; the API refuses.
      http.expectOne(isList).flush({ items: [], nextCursor: null });
      await fixture.whenStable();
      click(fixture, 'application-new');
      await fixture.whenStable();
      http
        .expectOne(ApiRoutes.calls)
        .flush([testCall('call-open', 'open', '2026 年第一批')]);
      await fixture.whenStable();
      inDocument('[data-testid="call-start"]')[0].click();
      await fixture.whenStable();
      http
        .expectOne(
          (req) => req.url === ApiRoutes.applications && req.method === 'POST',
        )
        .flush(
          {
            statusCode: 403,
            code: 'FORBIDDEN',
            message:
              'Your company has not been verified by the county bureau yet; applications open once it is.',
            correlationId: 'c-4',
          },
          { status: 403, statusText: 'Forbidden' },
        );
      await fixture.whenStable();
      http.expectOne(ApiRoutes.myCompany).flush(company());
      await fixture.whenStable();
      const el = fixture.nativeElement as HTMLElement;
      expect(
        el.querySelector('[data-testid="company-unverified"]')?.textContent,
      ).toContain('区县科技局正在核验贵公司的注册信息');
      expect(document.body.textContent).not.toContain('您没有执行此操作的权限');
    });

    it('lists the applications once the company is verified', async () => {
      const page = await asCompanyAdmin();
      http
        .expectOne(ApiRoutes.myCompany)
        .flush(company({ verificationStatus: 'verified' }));
      await page.whenStable();
      http
        .expectOne(isList)
        .flush({ items: [testSummary('a-1')], nextCursor: null });
      await page.whenStable();
      const el = page.nativeElement as HTMLElement;
      expect(el.querySelector('[data-testid="company-unverified"]')).toBeNull();
      expect(
        el.querySelectorAll('[data-testid="application-row"]'),
      ).toHaveLength(1);
    });
  });
});
