import { provideHttpClient } from '@angular/common/http';
import {
  HttpTestingController,
  provideHttpClientTesting,
} from '@angular/common/http/testing';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { ApiRoutes, type YearlyTargetView } from '@portal/contracts';
import { SEED_REPORT_TARGETS } from '@portal/domain';
import { LanguageService, provideI18n } from '@portal/web-i18n';
import { byTestId } from '@portal/web-ui/testing';
import { portalYear } from '../shared/year-select';
import { TargetsPage } from './targets.page';

const JIASHAN: YearlyTargetView = {
  regionCode: '330421',
  regionName: '嘉善县',
  level: 'county',
  year: 2026,
  values: SEED_REPORT_TARGETS,
  gdpWanYuan: null,
  updatedAt: '2026-01-05T02:00:00.000Z',
};

describe('TargetsPage', () => {
  let fixture: ComponentFixture<TargetsPage>;
  let http: HttpTestingController;
  const isTargets = (req: { url: string }) =>
    req.url === ApiRoutes.yearlyTargets;
  const region = () => byTestId(fixture, 'target-region');
  const input = (testId: string) =>
    region().querySelector<HTMLInputElement>(
      `[data-testid="${testId}"]`,
    ) as HTMLInputElement;
  const type = async (testId: string, value: string) => {
    const el = input(testId);
    el.value = value;
    el.dispatchEvent(new Event('input'));
    await fixture.whenStable();
  };
  const save = async () => {
    (
      region().querySelector('[data-testid="target-save"]') as HTMLElement
    ).click();
    await fixture.whenStable();
  };

  beforeEach(async () => {
    localStorage.clear();
    TestBed.configureTestingModule({
      imports: [TargetsPage],
      providers: [
        provideI18n(),
        provideHttpClient(),
        provideHttpClientTesting(),
      ],
    });
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(TargetsPage);
    await fixture.whenStable();
    const first = http.expectOne(isTargets);
    expect(first.request.params.get('year')).toBe(String(portalYear(null)));
    first.flush([JIASHAN]);
    await fixture.whenStable();
  });

  afterEach(() => http.verify());

  it("shows the region's seeded targets and saves a change with the GDP, showing what the R&D share means", async () => {
    expect(input('target-high_tech_gained').value).toBe('6');
    expect(input('target-rd_share_of_gdp').value).toBe('1.7');
    await type('target-high_tech_gained', '8');
    await type('target-gdp', '9000000');
    expect(byTestId(fixture, 'target-rd-needed').textContent).toContain(
      '153000',
    );
    await save();
    const put = http.expectOne(isTargets);
    expect(put.request.method).toBe('PUT');
    expect(put.request.params.get('region')).toBe('330421');
    expect(put.request.body).toEqual({
      values: { ...SEED_REPORT_TARGETS, high_tech_gained: 8 },
      gdpWanYuan: 9_000_000,
    });
    put.flush({
      ...JIASHAN,
      values: { ...SEED_REPORT_TARGETS, high_tech_gained: 8 },
      gdpWanYuan: 9_000_000,
    });
    await fixture.whenStable();
    expect(input('target-high_tech_gained').value).toBe('8');
  });

  it('refuses a fraction of an enterprise or a share over 100 in the page, in both languages', async () => {
    await type('target-platforms', '2.5');
    await type('target-rd_share_of_gdp', '120');
    await save();
    http.expectNone(isTargets);
    expect(region().textContent).toContain('请输入 0 或以上的整数');
    expect(region().textContent).toContain('请输入 0 到 100 之间的数');
    TestBed.inject(LanguageService).use('en');
    await fixture.whenStable();
    expect(region().textContent).toContain('Enter a whole number of 0 or more');
  });

  it("shows the API's refusal for a region as its message", async () => {
    await save();
    http.expectOne(isTargets).flush(
      {
        statusCode: 403,
        code: 'FORBIDDEN',
        message:
          'You may set only the targets of your own region and those below it.',
        correlationId: 'x',
      },
      { status: 403, statusText: 'Forbidden' },
    );
    await fixture.whenStable();
    expect(
      region().querySelector('app-error-alert')?.textContent?.trim(),
    ).not.toBe('');
  });
});
