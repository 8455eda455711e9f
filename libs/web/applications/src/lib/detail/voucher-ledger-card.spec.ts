import { provideHttpClient } from '@angular/common/http';
import {
  HttpTestingController,
  provideHttpClientTesting,
} from '@angular/common/http/testing';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { ApiRoutes, type VoucherLedgerView } from '@portal/contracts';
import { LanguageService, provideI18n } from '@portal/web-i18n';
import { byTestId } from '@portal/web-ui/testing';
import { VoucherLedgerCard } from './voucher-ledger-card';

const LEDGER: VoucherLedgerView = {
  companyId: 'c-1',
  year: 2026,
  capYuan: 500_000,
  committedYuan: 60_000,
  remainingYuan: 440_000,
  entries: [
    {
      applicationId: 'a-1',
      reference: 'CXQ-2026-330421-00002',
      kind: 'reserve',
      amountYuan: 80_000,
      bookedAt: '2026-03-02T02:00:00.000Z',
    },
    {
      applicationId: 'a-2',
      reference: 'CXQ-2026-330421-00003',
      kind: 'reserve',
      amountYuan: 80_000,
      bookedAt: '2026-03-05T02:00:00.000Z',
    },
    {
      applicationId: 'a-1',
      reference: 'CXQ-2026-330421-00002',
      kind: 'release',
      amountYuan: -80_000,
      bookedAt: '2026-06-01T02:00:00.000Z',
    },
    {
      applicationId: 'a-1',
      reference: 'CXQ-2026-330421-00002',
      kind: 'redeem',
      amountYuan: 60_000,
      bookedAt: '2026-06-01T02:00:00.000Z',
    },
    {
      applicationId: 'a-2',
      reference: 'CXQ-2026-330421-00003',
      kind: 'release',
      amountYuan: -80_000,
      bookedAt: '2027-03-05T02:00:00.000Z',
    },
  ],
};

describe('VoucherLedgerCard', () => {
  let fixture: ComponentFixture<VoucherLedgerCard>;
  let http: HttpTestingController;
  const element = () => fixture.nativeElement as HTMLElement;
  const text = (testId: string) =>
    byTestId(fixture, testId).textContent?.trim();

  async function render(caseId: string, version = 1) {
    localStorage.clear();
    TestBed.configureTestingModule({
      imports: [VoucherLedgerCard],
      providers: [
        provideI18n(),
        provideHttpClient(),
        provideHttpClientTesting(),
      ],
    });
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(VoucherLedgerCard);
    fixture.componentRef.setInput('caseId', caseId);
    fixture.componentRef.setInput('version', version);
    await fixture.whenStable();
  }

  afterEach(() => {
    http.verify();
    document.body.innerHTML = '';
  });

  it("shows the year's cap, committed and remaining, and each booking with its case, this case's marked", async () => {
    await render('a-1');
    http.expectOne(ApiRoutes.applicationVoucherLedger('a-1')).flush(LEDGER);
    await fixture.whenStable();

    expect(byTestId(fixture, 'voucher-ledger').textContent).toContain(
      '创新券年度额度（2026 年）',
    );
    expect(text('ledger-cap')).toBe('500,000 元');
    expect(text('ledger-committed')).toBe('60,000 元');
    expect(text('ledger-remaining')).toBe('440,000 元');
    const entries = [
      ...element().querySelectorAll<HTMLElement>(
        '[data-testid="ledger-entry"]',
      ),
    ];
    expect(entries.map((e) => e.dataset['kind'])).toEqual([
      'reserve',
      'reserve',
      'release',
      'redeem',
      'release',
    ]);
    expect(entries[0]?.textContent).toContain('CXQ-2026-330421-00002');
    expect(entries[0]?.textContent).toContain('本申请');
    expect(entries[0]?.textContent).toContain('发券预留');
    expect(entries[1]?.textContent).not.toContain('本申请');
    expect(entries[2]?.textContent).toContain('释放额度');
    expect(
      entries.map((e) =>
        e.querySelector('[data-testid="ledger-amount"]')?.textContent?.trim(),
      ),
    ).toEqual([
      '+80,000 元',
      '+80,000 元',
      '−80,000 元',
      '+60,000 元',
      '−80,000 元',
    ]);

    TestBed.inject(LanguageService).use('en');
    await fixture.whenStable();
    expect(byTestId(fixture, 'voucher-ledger').textContent).toContain(
      'Innovation voucher cap (2026)',
    );
    expect(text('ledger-remaining')).toBe('440,000 CNY');
    expect(entries[3]?.textContent).toContain('Redeemed');
  });

  it('says when nothing is booked yet, and reads the ledger again when the case moves on', async () => {
    await render('a-3', 2);
    http.expectOne(ApiRoutes.applicationVoucherLedger('a-3')).flush({
      ...LEDGER,
      committedYuan: 0,
      remainingYuan: 500_000,
      entries: [],
    });
    await fixture.whenStable();
    expect(text('ledger-empty')).toBe('本年度尚无额度记录');

    fixture.componentRef.setInput('version', 3);
    await fixture.whenStable();
    http.expectOne(ApiRoutes.applicationVoucherLedger('a-3')).flush(LEDGER);
    await fixture.whenStable();
    expect(text('ledger-committed')).toBe('60,000 元');
  });

  it('stays hidden when the API refuses the ledger, and says so when it fails', async () => {
    await render('a-9');
    http.expectOne(ApiRoutes.applicationVoucherLedger('a-9')).flush(
      {
        statusCode: 404,
        code: 'NOT_FOUND',
        message: 'x',
        correlationId: 'c',
      },
      { status: 404, statusText: 'Not Found' },
    );
    await fixture.whenStable();
    expect(
      element().querySelector('[data-testid="voucher-ledger"]'),
    ).toBeNull();
    expect(element().querySelector('[data-testid="error-alert"]')).toBeNull();

    fixture.componentRef.setInput('version', 2);
    await fixture.whenStable();
    http
      .expectOne(ApiRoutes.applicationVoucherLedger('a-9'))
      .flush(
        { statusCode: 500, code: 'INTERNAL', message: 'x', correlationId: 'c' },
        { status: 500, statusText: 'Server Error' },
      );
    await fixture.whenStable();
    expect(
      element().querySelector('[data-testid="voucher-ledger"]'),
    ).toBeNull();
    expect(
      element().querySelector('[data-testid="error-alert"]'),
    ).not.toBeNull();
  });
});
