import { provideHttpClient } from '@angular/common/http';
import {
  HttpTestingController,
  provideHttpClientTesting,
} from '@angular/common/http/testing';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import {
  ApiRoutes,
  type AwaitingSettlementView,
  type Me,
} from '@portal/contracts';
import type { MembershipGrant } from '@portal/domain';
import { PortalClockStore, SessionStore } from '@portal/web-data-access';
import { provideI18n } from '@portal/web-i18n';
import { byTestId, click, typeInto } from '@portal/web-ui/testing';
import { SettlementsPage } from './settlements.page';

const JIAXING = '330400';

function reviewer(level: 'city' | 'province', regionCode: string): Me {
  const membership: MembershipGrant = {
    role: 'reviewer',
    organisationId: 'b-1',
    level,
    regionCode,
  };
  return {
    id: 'u-1',
    email: 'reviewer@example.com',
    name: '审核员',
    language: 'zh-CN',
    secondFactorEnabled: true,
    permissions: ['vouchers.settlements.read'],
    memberships: [
      { ...membership, organisationName: '科技局', organisationKind: 'bureau' },
    ],
  };
}

const AWAITING: AwaitingSettlementView = {
  cityCode: JIAXING,
  month: '2026-12',
  settlementId: null,
  totalYuan: 80_000,
  cases: [
    {
      applicationId: 'v-1',
      reference: 'CXQ-2026-330421-00001',
      version: 7,
      companyId: 'c-1',
      companyName: '嘉善智造科技有限公司',
      approvedAt: '2026-12-02T02:00:00.000Z',
      amountYuan: 50_000,
      payeeKind: 'company',
      payeeName: '嘉善智造科技有限公司',
      providerName: '浙江检测服务中心',
    },
    {
      applicationId: 'v-2',
      reference: 'CXQ-2026-330421-00002',
      version: 4,
      companyId: 'c-2',
      companyName: '嘉善盛泽机械制造有限公司',
      approvedAt: '2026-12-03T02:00:00.000Z',
      amountYuan: 30_000,
      payeeKind: 'company',
      payeeName: '嘉善盛泽机械制造有限公司',
      providerName: null,
    },
  ],
};

describe('SettlementsPage', () => {
  let fixture: ComponentFixture<SettlementsPage>;
  let http: HttpTestingController;

  async function open(me: Me): Promise<void> {
    TestBed.configureTestingModule({
      imports: [SettlementsPage],
      providers: [
        provideI18n(),
        provideRouter([]),
        provideHttpClient(),
        provideHttpClientTesting(),
      ],
    });
    http = TestBed.inject(HttpTestingController);
    TestBed.inject(SessionStore).signIn(me);
    const clock = TestBed.inject(PortalClockStore);
    clock.load();
    http.expectOne(ApiRoutes.clock).flush({
      now: '2026-12-07T04:00:00.000Z',
      offsetMs: 0,
      moved: false,
      movable: false,
    });
    fixture = TestBed.createComponent(SettlementsPage);
    await fixture.whenStable();
    const regions = http.expectOne((r) => r.url === ApiRoutes.regions);
    // The cities are asked for: the default list is the counties a company registers in.
    expect(regions.request.params.get('levels')).toBe('all');
    regions.flush([
      { code: '330000', name: '浙江省', level: 'province' },
      { code: JIAXING, name: '嘉兴市', level: 'city' },
      { code: '330421', name: '嘉善县', level: 'county' },
    ]);
    await fixture.whenStable();
    const awaiting = http.expectOne(
      (r) => r.url === ApiRoutes.voucherSettlementsAwaiting,
    );
    expect(awaiting.request.params.get('cityCode')).toBe(JIAXING);
    expect(awaiting.request.params.get('month')).toBe('2026-12');
    awaiting.flush(AWAITING);
    http.expectOne((r) => r.url === ApiRoutes.voucherSettlements).flush([]);
    await fixture.whenStable();
  }

  afterEach(() => http.verify());

  it("lets the city's reviewer record the month's payment after a confirmation", async () => {
    await open(reviewer('city', JIAXING));
    const rows = (fixture.nativeElement as HTMLElement).querySelectorAll(
      '[data-testid="settlements-case"]',
    );
    expect(rows).toHaveLength(2);
    expect(byTestId(fixture, 'settlements-total').textContent).toContain(
      '合计 2 件',
    );
    const record = byTestId<HTMLButtonElement>(fixture, 'settlements-record');
    expect(record.disabled).toBe(true);
    typeInto(fixture, 'settlements-reference', 'BOC-202612-0042');
    await fixture.whenStable();
    expect(record.disabled).toBe(false);
    click(fixture, 'settlements-record');
    await fixture.whenStable();
    expect(byTestId(fixture, 'settlements-confirm-text').textContent).toContain(
      '2026-12-07',
    );
    click(fixture, 'settlements-confirm');
    const post = http.expectOne(
      (r) => r.method === 'POST' && r.url === ApiRoutes.voucherSettlements,
    );
    expect(post.request.body).toEqual({
      cityCode: JIAXING,
      month: '2026-12',
      paidOn: '2026-12-07',
      paymentReference: 'BOC-202612-0042',
      cases: [
        { applicationId: 'v-1', version: 7, amountYuan: 50_000 },
        { applicationId: 'v-2', version: 4, amountYuan: 30_000 },
      ],
    });
    post.flush({
      id: 's-1',
      cityCode: JIAXING,
      month: '2026-12',
      paidOn: '2026-12-07',
      paymentReference: 'BOC-202612-0042',
      caseCount: 2,
      totalYuan: 80_000,
      createdAt: '2026-12-07T04:00:00.000Z',
      items: [],
    });
    await fixture.whenStable();
    http
      .expectOne((r) => r.url === ApiRoutes.voucherSettlementsAwaiting)
      .flush({ ...AWAITING, settlementId: 's-1', cases: [], totalYuan: 0 });
    http.expectOne((r) => r.url === ApiRoutes.voucherSettlements).flush([]);
    await fixture.whenStable();
    expect(byTestId(fixture, 'settlements-recorded').textContent).toContain(
      '2 件',
    );
  });

  it('refuses a payment date after today before anything is sent', async () => {
    await open(reviewer('city', JIAXING));
    typeInto(fixture, 'settlements-reference', 'BOC-202612-0042');
    typeInto(fixture, 'settlements-paid-on', '2026-12-09');
    await fixture.whenStable();
    expect(
      byTestId<HTMLButtonElement>(fixture, 'settlements-record').disabled,
    ).toBe(true);
    expect((fixture.nativeElement as HTMLElement).textContent).toContain(
      '付款日期不能晚于今天',
    );
  });

  it("shows the province's reviewer the month and the history, without recording", async () => {
    await open(reviewer('province', '330000'));
    expect(byTestId(fixture, 'settlements-read-only')).toBeTruthy();
    expect(
      (fixture.nativeElement as HTMLElement).querySelector(
        '[data-testid="settlements-record"]',
      ),
    ).toBeNull();
  });
});
