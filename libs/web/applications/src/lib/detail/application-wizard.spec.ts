import { provideHttpClient } from '@angular/common/http';
import {
  HttpTestingController,
  provideHttpClientTesting,
} from '@angular/common/http/testing';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import {
  type ApplicationDetail,
  type AvailableAction,
  ApiRoutes,
  type CompanyView,
} from '@portal/contracts';
import {
  APPLICATION_FORMS,
  type ApplicationType,
  type FormSchema,
} from '@portal/domain';
import { LanguageService, provideI18n } from '@portal/web-i18n';
import { byTestId, click } from '@portal/web-ui/testing';
import { buildFormGroup } from '../shared/form-model';
import { testDetail } from '../shared/test-data';
import { ApplicationWizard, wizardSteps } from './application-wizard';

const SUBMIT: AvailableAction = {
  action: 'submit',
  label: { 'zh-CN': '提交申报', en: 'Submit' },
  to: 'accepting',
  commentRequired: false,
  itemsRequired: false,
  payloadFields: [],
};

const attachment = (materialKey: string, id: string) => ({
  id,
  materialKey,
  fileName: `${materialKey}.pdf`,
  kind: 'pdf' as const,
  sizeBytes: 2048,
  sha256: 'ab'.repeat(32),
  uploadedAt: '2026-11-20T02:00:00.000Z',
});

describe('ApplicationWizard', () => {
  let fixture: ComponentFixture<ApplicationWizard>;
  let http: HttpTestingController;
  let submitted: number;
  const element = () => fixture.nativeElement as HTMLElement;
  const all = (testId: string) => [
    ...element().querySelectorAll<HTMLElement>(`[data-testid="${testId}"]`),
  ];
  const inDocument = (testId: string) =>
    document.querySelector<HTMLElement>(`[data-testid="${testId}"]`);

  async function render(
    type: ApplicationType,
    detail: ApplicationDetail,
    submitAction: AvailableAction | null = SUBMIT,
  ) {
    localStorage.clear();
    TestBed.configureTestingModule({
      imports: [ApplicationWizard],
      providers: [
        provideI18n(),
        provideRouter([]),
        provideHttpClient(),
        provideHttpClientTesting(),
      ],
    });
    http = TestBed.inject(HttpTestingController);
    const schema: FormSchema = APPLICATION_FORMS[type];
    fixture = TestBed.createComponent(ApplicationWizard);
    fixture.componentRef.setInput('application', { ...detail, type });
    fixture.componentRef.setInput('schema', schema);
    fixture.componentRef.setInput('group', buildFormGroup(schema, detail.form));
    fixture.componentRef.setInput('submitAction', submitAction);
    submitted = 0;
    fixture.componentInstance.submitted.subscribe(() => submitted++);
    await fixture.whenStable();
  }

  async function goToReview() {
    const steps = all('wizard-step');
    steps[steps.length - 1]
      ?.querySelector<HTMLElement>('.ant-steps-item-container')
      ?.click();
    await fixture.whenStable();
  }

  afterEach(() => {
    http.verify();
    document.body.innerHTML = '';
  });

  it("draws a step per group of the programme's form, then materials and review, for any programme", async () => {
    expect(wizardSteps(APPLICATION_FORMS.transformation_loan)).toEqual([
      expect.objectContaining({ key: 'loan', kind: 'section' }),
      expect.objectContaining({ key: 'materials', kind: 'materials' }),
      expect.objectContaining({ key: 'review', kind: 'review' }),
    ]);

    for (const type of ['transformation_loan', 'high_tech'] as const) {
      await render(type, testDetail({ form: {} }));
      const sections = APPLICATION_FORMS[type].sections;
      expect(
        all('wizard-step').map((s) => s.getAttribute('data-step')),
      ).toEqual([...sections.map((s) => s.key), 'materials', 'review']);
      expect(all('wizard-step')[0]?.textContent).toContain(
        sections[0]?.label['zh-CN'],
      );
      // The first step shows its own group's fields, and only those.
      expect(
        all('wizard-step').length &&
          [...element().querySelectorAll('[data-testid^="field-"]')].map((el) =>
            el.getAttribute('data-testid'),
          ),
      ).toEqual(sections[0]?.fields.map((f) => `field-${f.key}`));
      TestBed.resetTestingModule();
    }
  });

  it('moves with next and previous, jumps from the steps bar, and puts focus on the step heading', async () => {
    await render('high_tech', testDetail({ form: {} }));
    expect(byTestId(fixture, 'wizard-heading').textContent).toContain(
      '第 1 / 4 步',
    );
    expect(
      element().querySelector('[data-testid="wizard-previous"]'),
    ).toBeNull();
    click(fixture, 'wizard-next');
    await fixture.whenStable();
    expect(byTestId(fixture, 'wizard').getAttribute('data-step')).toBe(
      'declarations',
    );
    expect(byTestId(fixture, 'field-registeredOn')).toBeTruthy();
    expect(document.activeElement).toBe(byTestId(fixture, 'wizard-heading'));
    click(fixture, 'wizard-previous');
    await fixture.whenStable();
    expect(byTestId(fixture, 'wizard').getAttribute('data-step')).toBe(
      'technology',
    );

    // Enter on a step of the bar jumps there, as a click does.
    all('wizard-step')[2]
      ?.querySelector<HTMLElement>('.ant-steps-item-container')
      ?.dispatchEvent(
        new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }),
      );
    await fixture.whenStable();
    expect(byTestId(fixture, 'wizard').getAttribute('data-step')).toBe(
      'materials',
    );
    expect(
      element().querySelector('[data-material-key="special_audit_report"]'),
    ).toBeTruthy();
  });

  it('flags what is missing on the review step with links back to its step, and keeps submit disabled', async () => {
    await render('transformation_loan', testDetail({ form: {} }));
    await goToReview();
    http.expectOne(ApiRoutes.myCompany).flush({
      regionName: '嘉善县',
    } as CompanyView);
    await fixture.whenStable();
    const missing = all('review-missing-item').map((li) =>
      li.getAttribute('data-key'),
    );
    expect(missing).toEqual([
      'amountYuan',
      'termMonths',
      'purpose',
      'achievement',
      'business_licence',
      'financial_statements',
      'achievement_proof',
    ]);
    expect(byTestId(fixture, 'review-missing').textContent).toContain(
      '此项为必填项',
    );
    expect(
      element().querySelector<HTMLButtonElement>(
        '[data-testid="wizard-submit"]',
      )?.disabled,
    ).toBe(true);
    expect(
      element()
        .querySelector('[data-testid="review-group"][data-section="loan"]')
        ?.querySelector('[data-testid="review-group-flag"]')?.textContent,
    ).toContain('4 项待补全');

    // The link of a missing material goes to the materials step.
    const materialLink = all('review-missing-go').find(
      (b) => b.closest('li')?.getAttribute('data-key') === 'achievement_proof',
    );
    expect(materialLink?.getAttribute('data-step')).toBe('materials');
    materialLink?.click();
    await fixture.whenStable();
    expect(byTestId(fixture, 'wizard').getAttribute('data-step')).toBe(
      'materials',
    );
    // The group the user left with fields missing reads as failing in the steps bar.
    expect(
      all('wizard-step')[0]?.classList.contains('ant-steps-item-error'),
    ).toBe(true);
    expect(
      all('wizard-step')[1]?.classList.contains('ant-steps-item-process'),
    ).toBe(true);
  });

  it('submits only a complete application, after a confirmation that names the county bureau', async () => {
    await render(
      'transformation_loan',
      testDetail({
        form: {
          amountYuan: 2_000_000,
          termMonths: 24,
          purpose: '购买中试设备',
          achievement: '智能传感器',
        },
        materials: [
          attachment('business_licence', 'f-0'),
          attachment('financial_statements', 'f-1'),
          attachment('achievement_proof', 'f-2'),
        ],
      }),
    );
    await goToReview();
    http.expectOne(ApiRoutes.myCompany).flush({
      regionName: '嘉善县',
    } as CompanyView);
    await fixture.whenStable();
    expect(byTestId(fixture, 'review-complete')).toBeTruthy();
    expect(
      all('review-material').map((m) => m.getAttribute('data-missing')),
    ).toEqual(['false', 'false', 'false']);
    const submit = byTestId<HTMLButtonElement>(fixture, 'wizard-submit');
    expect(submit.disabled).toBe(false);
    expect(submit.textContent).toContain('提交申报');
    submit.click();
    await fixture.whenStable();
    expect(inDocument('wizard-submit-dialog')?.textContent).toContain(
      '嘉善县科技主管部门',
    );
    expect(inDocument('wizard-submit-dialog')?.textContent).toContain(
      '提交后将不能再修改',
    );
    expect(submitted).toBe(0);
    inDocument('wizard-submit-confirm')?.click();
    await fixture.whenStable();
    expect(submitted).toBe(1);

    TestBed.inject(LanguageService).use('en');
    await fixture.whenStable();
    expect(byTestId(fixture, 'wizard-heading').textContent).toContain(
      'Step 3 of 3',
    );
  });

  it('shows the saving state, the time of the last save and a failure with a retry', async () => {
    await render('transformation_loan', testDetail());
    fixture.componentRef.setInput('saveState', 'saving');
    await fixture.whenStable();
    expect(byTestId(fixture, 'save-state').textContent).toContain('正在保存');
    fixture.componentRef.setInput('saveState', 'saved');
    // 01:05 UTC is 09:05 in Beijing, whatever the zone the test runs in.
    fixture.componentRef.setInput('savedAt', new Date('2026-12-07T01:05:00Z'));
    await fixture.whenStable();
    expect(byTestId(fixture, 'save-state').textContent).toContain(
      '已保存于 09:05',
    );
    let retried = 0;
    fixture.componentInstance.retrySave.subscribe(() => retried++);
    fixture.componentRef.setInput('saveState', 'failed');
    await fixture.whenStable();
    click(fixture, 'save-retry');
    expect(retried).toBe(1);
  });

  it("checks the programme's eligibility rules on the review step against the company's figures", async () => {
    await render(
      'high_tech',
      testDetail({
        form: { registeredOn: '2015-03-01', field: 'new_materials' },
      }),
    );
    await goToReview();
    http.expectOne(ApiRoutes.myCompany).flush({
      regionName: '嘉善县',
    } as CompanyView);
    const year = new Date(Date.now() + 8 * 3_600_000).getUTCFullYear();
    const figures = (y: number) => ({
      year: y,
      totalRevenue: 30_000_000,
      salesRevenue: 30_000_000,
      highTechRevenue: 24_000_000,
      // 1% of sales on R&D: below the 5% a company of this size needs.
      rdExpense: 300_000,
      rdExpenseDomestic: 300_000,
      staff: 100,
      scienceTechStaff: 20,
      netAssets: 10_000_000,
      totalAssets: 20_000_000,
      totalCosts: 25_000_000,
      ip: { classOne: 1, classTwo: 3 },
      updatedAt: '2026-11-01T00:00:00.000Z',
    });
    http
      .expectOne(ApiRoutes.myCompanyFigures)
      .flush([figures(year - 1), figures(year - 2), figures(year - 3)]);
    await fixture.whenStable();
    const panel = byTestId(fixture, 'wizard-self-check');
    const rule = (key: string) =>
      panel.querySelector(
        `[data-testid="eligibility-rule"][data-rule="${key}"]`,
      );
    expect(rule('rd_intensity')?.getAttribute('data-passed')).toBe('false');
    // The company's figure and the threshold, in a sentence.
    expect(rule('rd_intensity')?.textContent).toContain('1.0%');
    expect(rule('rd_intensity')?.textContent).toContain('要求不低于 5%');
    expect(rule('science_tech_staff_share')?.getAttribute('data-passed')).toBe(
      'true',
    );
    expect(
      byTestId(fixture, 'wizard-self-check-verdict').getAttribute(
        'data-passed',
      ),
    ).toBe('false');
    expect(
      panel
        .querySelector('[data-testid="wizard-self-check-figures"]')
        ?.getAttribute('href'),
    ).toBe('/company/figures');
  });

  it('shows no self-check where the definition has no eligibility rules', async () => {
    await render('transformation_loan', testDetail());
    await goToReview();
    http.expectOne(ApiRoutes.myCompany).flush({
      regionName: '嘉善县',
    } as CompanyView);
    http.expectNone(ApiRoutes.myCompanyFigures);
    expect(
      element().querySelector('[data-testid="wizard-self-check"]'),
    ).toBeNull();
  });

  it("puts a return's items at the steps where they are corrected", async () => {
    await render(
      'high_tech',
      testDetail({
        supplementItems: [
          { target: 'registeredOn', note: '请按营业执照填写成立日期' },
          { target: 'staff_list', note: '请补充学历证明' },
          { target: 'other', note: '请电话联系县科技局' },
        ],
      }),
    );
    const steps = all('wizard-step');
    expect(steps.map((s) => s.textContent?.includes('需补正'))).toEqual([
      false,
      true,
      true,
      true,
    ]);
    expect(
      element().querySelector('[data-testid="wizard-returned"]'),
    ).toBeNull();
    click(fixture, 'wizard-next');
    await fixture.whenStable();
    expect(byTestId(fixture, 'wizard-returned').textContent).toContain(
      '企业注册成立日期：请按营业执照填写成立日期',
    );
    click(fixture, 'wizard-next');
    await fixture.whenStable();
    expect(
      all('wizard-returned-item').map((i) => i.getAttribute('data-target')),
    ).toEqual(['staff_list']);
  });

  it('says on blur, and on leaving the step, that an empty required field will be needed', async () => {
    await render('transformation_loan', testDetail({ form: {} }));
    const item = (key: string) =>
      byTestId(fixture, `field-${key}`).closest('nz-form-item')?.textContent ??
      '';
    expect(item('purpose')).not.toContain('此项必填');
    byTestId(fixture, 'field-purpose').dispatchEvent(new Event('blur'));
    await fixture.whenStable();
    expect(item('purpose')).toContain('此项必填，提交前请填写。');
    expect(item('amountYuan')).not.toContain('此项必填');
    // A value out of range says so as it is typed, in the user's language.
    const term = byTestId<HTMLInputElement>(fixture, 'field-termMonths');
    term.value = '48';
    term.dispatchEvent(new Event('input'));
    await fixture.whenStable();
    expect(item('termMonths')).toContain('数值过大');
    TestBed.inject(LanguageService).use('en');
    await fixture.whenStable();
    expect(item('termMonths')).toContain('Too large');
  });
});
