import { provideHttpClient } from '@angular/common/http';
import {
  HttpTestingController,
  provideHttpClientTesting,
} from '@angular/common/http/testing';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { ApiRoutes } from '@portal/contracts';
import type {
  HighTechSelfCheck,
  HighTechSelfCheckPrefill,
} from '@portal/domain';
import { provideI18n } from '@portal/web-i18n';
import { byTestId, click, fieldText, typeInto } from '@portal/web-ui/testing';
import { HighTechSelfCheckPage } from './high-tech-self-check.page';

const RESULT: HighTechSelfCheck = {
  policy: '国科发火〔2016〕32号',
  passed: false,
  rules: [
    {
      rule: 'registered_one_year',
      passed: true,
      explanation: { 'zh-CN': '注册于 2019-05-10，已满一年', en: 'ok' },
    },
    {
      rule: 'rd_intensity',
      passed: false,
      explanation: {
        'zh-CN': '缺少近三个会计年度的财务数据（还差 1 年）',
        en: 'missing',
      },
    },
  ],
  growthScore: null,
  growthExplanation: { 'zh-CN': '成长性得分需要近三年的数据', en: 'n/a' },
};

describe('HighTechSelfCheckPage', () => {
  let fixture: ComponentFixture<HighTechSelfCheckPage>;
  let http: HttpTestingController;

  async function render(prefill: HighTechSelfCheckPrefill) {
    localStorage.clear();
    TestBed.configureTestingModule({
      imports: [HighTechSelfCheckPage],
      providers: [
        provideI18n(),
        provideRouter([]),
        provideHttpClient(),
        provideHttpClientTesting(),
      ],
    });
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(HighTechSelfCheckPage);
    await fixture.whenStable();
    http.expectOne(ApiRoutes.myCompanyHighTechSelfCheckPrefill).flush(prefill);
    http
      .expectOne(ApiRoutes.myCompanyFigures)
      .flush([{ year: 2024 }, { year: 2023 }]);
    await fixture.whenStable();
  }

  afterEach(() => http.verify());

  it('prefills the incident answer from the registration and names it', async () => {
    await render({
      majorIncidentLastYear: false,
      registration: { number: 'KXQY-2026-0007', validUntil: '2026-12-31' },
    });
    expect(byTestId(fixture, 'self-check-prefill').textContent).toContain(
      'KXQY-2026-0007',
    );
    expect(byTestId(fixture, 'check-incident').textContent).toContain('否');
  });

  it('asks for the registration date before checking', async () => {
    await render({ majorIncidentLastYear: null, registration: null });
    click(fixture, 'check-submit');
    await fixture.whenStable();
    expect(fieldText(fixture, 'check-registered-on')).toContain('必填');
    expect(
      fixture.nativeElement.querySelector('[data-testid="self-check-prefill"]'),
    ).toBeNull();
  });

  it('refuses a registration date after today, in words, without asking the API', async () => {
    await render({ majorIncidentLastYear: false, registration: null });
    const tomorrow = new Date(Date.now() + 8 * 3_600_000 + 86_400_000)
      .toISOString()
      .slice(0, 10);
    typeInto(fixture, 'check-registered-on', tomorrow);
    click(fixture, 'check-submit');
    await fixture.whenStable();
    expect(fieldText(fixture, 'check-registered-on')).toContain(
      '该日期不能晚于今天',
    );
    http.expectNone(ApiRoutes.myCompanyHighTechSelfCheck);
  });

  it('shows each rule with its verdict and links the missing fiscal years', async () => {
    await render({
      majorIncidentLastYear: false,
      registration: { number: 'KXQY-2026-0007', validUntil: '2026-12-31' },
    });
    typeInto(fixture, 'check-registered-on', '2019-05-10');
    typeInto(fixture, 'check-application-date', '2025-06-01');
    click(fixture, 'check-submit');
    await fixture.whenStable();
    const post = http.expectOne(ApiRoutes.myCompanyHighTechSelfCheck);
    expect(post.request.body).toEqual({
      registeredOn: '2019-05-10',
      field: null,
      majorIncidentLastYear: false,
      applicationDate: '2025-06-01',
    });
    post.flush(RESULT);
    await fixture.whenStable();
    const rules = (fixture.nativeElement as HTMLElement).querySelectorAll(
      '[data-testid="self-check-rule"]',
    );
    expect(rules).toHaveLength(2);
    expect(rules[0]?.textContent).toContain('符合');
    expect(rules[1]?.getAttribute('data-passed')).toBe('false');
    expect(rules[1]?.textContent).toContain('研发费用占销售收入比例');
    expect(byTestId(fixture, 'self-check-missing').textContent).toContain(
      '2022',
    );
    const link = byTestId<HTMLAnchorElement>(fixture, 'self-check-enter-year');
    expect(link.getAttribute('href')).toBe('/company/figures?year=2022');
  });
});
