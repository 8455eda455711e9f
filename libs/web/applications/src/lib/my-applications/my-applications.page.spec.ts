import { provideHttpClient } from '@angular/common/http';
import {
  HttpTestingController,
  provideHttpClientTesting,
} from '@angular/common/http/testing';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { Router, provideRouter } from '@angular/router';
import { ApiRoutes } from '@portal/contracts';
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
});
