import { provideHttpClient } from '@angular/common/http';
import {
  HttpTestingController,
  provideHttpClientTesting,
} from '@angular/common/http/testing';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import {
  ApiRoutes,
  type CompanyYearFiguresView,
  type Me,
} from '@portal/contracts';
import type { Permission } from '@portal/domain';
import { SessionStore } from '@portal/web-data-access';
import { provideI18n } from '@portal/web-i18n';
import { byTestId, click, fieldText, typeInto } from '@portal/web-ui/testing';
import { CompanyFiguresPage } from './company-figures.page';

const YEAR_2024: CompanyYearFiguresView = {
  year: 2024,
  totalRevenue: 52_000_000,
  salesRevenue: 50_000_000,
  highTechRevenue: 36_000_000,
  rdExpense: 3_100_000,
  rdExpenseDomestic: 3_000_000,
  staff: 120,
  scienceTechStaff: 30,
  netAssets: 20_000_000,
  totalAssets: 41_000_000,
  totalCosts: 44_000_000,
  ip: { classOne: 2, classTwo: 9 },
  updatedAt: '2025-03-01T08:00:00.000Z',
};

function me(permissions: Permission[]): Me {
  return {
    id: 'u-1',
    email: 'finance@jszz.example.cn',
    name: '王芳',
    language: 'zh-CN',
    secondFactorEnabled: false,
    memberships: [],
    permissions,
  };
}

describe('CompanyFiguresPage', () => {
  let fixture: ComponentFixture<CompanyFiguresPage>;
  let http: HttpTestingController;

  async function render(permissions: Permission[]) {
    localStorage.clear();
    TestBed.configureTestingModule({
      imports: [CompanyFiguresPage],
      providers: [
        provideI18n(),
        provideRouter([]),
        provideHttpClient(),
        provideHttpClientTesting(),
      ],
    });
    http = TestBed.inject(HttpTestingController);
    TestBed.inject(SessionStore).signIn(me(permissions));
    fixture = TestBed.createComponent(CompanyFiguresPage);
    await fixture.whenStable();
    http.expectOne(ApiRoutes.myCompanyFigures).flush([YEAR_2024]);
    await fixture.whenStable();
  }

  async function fill(values: Record<string, string>) {
    for (const [field, value] of Object.entries(values))
      typeInto(fixture, `figures-${field}`, value);
    await fixture.whenStable();
  }

  afterEach(() => http.verify());

  it('lists the kept years and opens one with its figures in 万元', async () => {
    await render(['company.profile.read', 'company.profile.update']);
    expect(byTestId(fixture, 'figures-row').textContent).toContain('5200');
    click(fixture, 'figures-open');
    await fixture.whenStable();
    expect(
      byTestId<HTMLInputElement>(fixture, 'figures-salesRevenue').value,
    ).toBe('5000');
    expect(
      byTestId<HTMLInputElement>(fixture, 'figures-ip-classTwo').value,
    ).toBe('9');
  });

  it('checks a part against its whole as the user types, and saves yuan', async () => {
    await render(['company.profile.read', 'company.profile.update']);
    click(fixture, 'figures-add');
    await fixture.whenStable();
    await fill({
      totalRevenue: '1000',
      salesRevenue: '1200',
      highTechRevenue: '700',
      rdExpense: '80',
      rdExpenseDomestic: '90',
      staff: '50',
      scienceTechStaff: '60',
      netAssets: '300',
      totalAssets: '900',
      totalCosts: '850.5',
      'ip-classOne': '1',
      'ip-classTwo': '3',
    });
    expect(fieldText(fixture, 'figures-salesRevenue')).toContain(
      '不能超过总收入',
    );
    expect(fieldText(fixture, 'figures-rdExpenseDomestic')).toContain(
      '不能超过研发费用总额',
    );
    expect(fieldText(fixture, 'figures-scienceTechStaff')).toContain(
      '不能超过职工总数',
    );

    // Raising the whole clears the part's error without touching the part.
    await fill({ totalRevenue: '1500', rdExpense: '95', staff: '60' });
    expect(fieldText(fixture, 'figures-salesRevenue')).not.toContain(
      '不能超过',
    );
    click(fixture, 'figures-submit');
    await fixture.whenStable();
    const put = http.expectOne(ApiRoutes.myCompanyFiguresYear(2025));
    expect(put.request.method).toBe('PUT');
    expect(put.request.body).toEqual({
      totalRevenue: 15_000_000,
      salesRevenue: 12_000_000,
      highTechRevenue: 7_000_000,
      rdExpense: 950_000,
      rdExpenseDomestic: 900_000,
      staff: 60,
      scienceTechStaff: 60,
      netAssets: 3_000_000,
      totalAssets: 9_000_000,
      totalCosts: 8_505_000,
      ip: { classOne: 1, classTwo: 3 },
    });
    put.flush(
      {
        statusCode: 400,
        code: 'VALIDATION_FAILED',
        message: 'invalid',
        correlationId: 'c',
        fields: [
          {
            field: 'ip.classOne',
            code: 'too_large',
            message: 'Too large',
          },
        ],
      },
      { status: 400, statusText: 'Bad Request' },
    );
    await fixture.whenStable();
    expect(fieldText(fixture, 'figures-ip-classOne')).toContain('数值过大');
  });

  it('switches the unit without changing an amount', async () => {
    await render(['company.profile.read', 'company.profile.update']);
    click(fixture, 'figures-open');
    await fixture.whenStable();
    fixture.componentInstance['switchUnit']('yuan');
    await fixture.whenStable();
    expect(byTestId<HTMLInputElement>(fixture, 'figures-rdExpense').value).toBe(
      '3100000',
    );
    typeInto(fixture, 'figures-rdExpense', '3100000.5');
    await fixture.whenStable();
    expect(fieldText(fixture, 'figures-rdExpense')).toContain('非负整数');
  });

  it('shows a member the figures read-only', async () => {
    await render(['company.profile.read']);
    expect(byTestId(fixture, 'figures-read-only').textContent).toContain(
      '企业管理员',
    );
    expect(
      fixture.nativeElement.querySelector('[data-testid="figures-add"]'),
    ).toBeNull();
    expect(byTestId(fixture, 'figures-open').textContent).toContain('查看');
    click(fixture, 'figures-open');
    await fixture.whenStable();
    expect(
      byTestId<HTMLInputElement>(fixture, 'figures-totalRevenue').disabled,
    ).toBe(true);
    expect(
      fixture.nativeElement.querySelector('[data-testid="figures-submit"]'),
    ).toBeNull();
  });

  it('opens the year the self-check asked for, empty when it is not kept', async () => {
    localStorage.clear();
    TestBed.configureTestingModule({
      imports: [CompanyFiguresPage],
      providers: [
        provideI18n(),
        provideRouter([]),
        provideHttpClient(),
        provideHttpClientTesting(),
      ],
    });
    http = TestBed.inject(HttpTestingController);
    TestBed.inject(SessionStore).signIn(
      me(['company.profile.read', 'company.profile.update']),
    );
    fixture = TestBed.createComponent(CompanyFiguresPage);
    fixture.componentRef.setInput('year', '2022');
    await fixture.whenStable();
    http.expectOne(ApiRoutes.myCompanyFigures).flush([YEAR_2024]);
    await fixture.whenStable();
    expect(byTestId(fixture, 'figures-form').textContent).toContain(
      '2022 年度经营数据',
    );
    expect(
      byTestId<HTMLInputElement>(fixture, 'figures-totalRevenue').value,
    ).toBe('');
  });
});
