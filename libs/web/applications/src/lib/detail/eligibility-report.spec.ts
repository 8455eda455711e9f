import { TestBed } from '@angular/core/testing';
import { highTechSelfCheck, type CompanyYearFigures } from '@portal/domain';
import { LanguageService, provideI18n } from '@portal/web-i18n';
import { EligibilityReportView } from './eligibility-report';

const M = 1_000_000;
const year = (y: number): CompanyYearFigures => ({
  year: y,
  totalRevenue: 40 * M,
  salesRevenue: 40 * M,
  highTechRevenue: 30 * M,
  rdExpense: 2.4 * M,
  rdExpenseDomestic: 2.4 * M,
  staff: 100,
  scienceTechStaff: 20,
  netAssets: 20 * M,
  totalAssets: 50 * M,
  totalCosts: 30 * M,
  ip: { classOne: 1, classTwo: 4 },
});

describe('EligibilityReportView', () => {
  afterEach(() => {
    document.body.innerHTML = '';
  });

  async function render(language: 'zh-CN' | 'en') {
    localStorage.clear();
    TestBed.configureTestingModule({
      imports: [EligibilityReportView],
      providers: [provideI18n()],
    });
    TestBed.inject(LanguageService).use(language);
    const years = [year(2023), year(2024), year(2025)];
    const fixture = TestBed.createComponent(EligibilityReportView);
    fixture.componentRef.setInput('report', {
      ...highTechSelfCheck({
        registeredOn: '2019-05-10',
        applicationDate: '2026-06-01',
        field: 'biology_new_medicine',
        majorIncidentLastYear: false,
        years,
      }),
      figuresUsed: years,
    });
    await fixture.whenStable();
    return fixture.nativeElement as HTMLElement;
  }

  it('shows each rule by name with the figure it computed and what it requires', async () => {
    const page = await render('en');
    const rule = page.querySelector<HTMLElement>(
      '[data-testid="eligibility-rule"][data-rule="rd_intensity"]',
    );
    expect(
      rule?.querySelector('[data-testid="eligibility-rule-name"]')?.textContent,
    ).toContain('R&D intensity');
    expect(
      rule?.querySelector('[data-testid="eligibility-measured"]')?.textContent,
    ).toContain('Figure: 6.0% (R&D 7.20M of sales 120.00M CNY)');
    expect(
      rule?.querySelector('[data-testid="eligibility-threshold"]')?.textContent,
    ).toContain('Required: ≥ 5%');
  });

  it('lists the yearly figures the check read, one column a year', async () => {
    const page = await render('zh-CN');
    const table = page.querySelector('[data-testid="eligibility-figures"]');
    expect(
      [...(table?.querySelectorAll('thead th') ?? [])].map((th) =>
        th.textContent?.trim(),
      ),
    ).toEqual(['会计年度', '2023', '2024', '2025']);
    const staff = table?.querySelector('tr[data-figure="scienceTechStaff"]');
    expect(
      [...(staff?.querySelectorAll('td') ?? [])].map((td) => td.textContent),
    ).toEqual(['20', '20', '20']);
    expect(
      table?.querySelector('tr[data-figure="salesRevenue"] td')?.textContent,
    ).toBe('40,000,000');
  });
});
