import { provideHttpClient } from '@angular/common/http';
import {
  HttpTestingController,
  type TestRequest,
  provideHttpClientTesting,
} from '@angular/common/http/testing';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import {
  type ActionResult,
  type ApplicationDetail,
  ApiRoutes,
  type CompanyView,
  IDEMPOTENCY_HEADER,
  type Me,
} from '@portal/contracts';
import {
  APPLICATION_FORMS,
  GUARD_PAYLOAD_FIELDS,
  type Permission,
  formFields,
} from '@portal/domain';
import { SessionStore } from '@portal/web-data-access';
import { LanguageService, provideI18n } from '@portal/web-i18n';
import { byTestId, click, typeInto } from '@portal/web-ui/testing';
import { testDetail, testStatus } from '../shared/test-data';
import {
  AUTOSAVE_DELAY_MS,
  ApplicationDetailPage,
} from './application-detail.page';

const ENTERPRISE: Permission[] = [
  'calls.read',
  'applications.file',
  'applications.read',
  'applications.act',
];
const REVIEWER: Permission[] = [
  'applications.read',
  'applications.act',
  'applications.inbox',
];

function me(permissions: Permission[]): Me {
  return {
    id: 'u-1',
    email: 'li.wei@example.com',
    name: '李伟',
    language: 'zh-CN',
    secondFactorEnabled: true,
    memberships: [],
    permissions,
  };
}

const SUBMIT = {
  action: 'submit',
  label: { 'zh-CN': '提交申报', en: 'Submit' },
  to: 'accepting',
  commentRequired: false,
  itemsRequired: false,
  payloadFields: [],
};

/** A loan draft with every required field and material: the wizard lets it be submitted. */
function completeDraft(overrides: Partial<ApplicationDetail> = {}) {
  const file = (materialKey: string, id: string) => ({
    id,
    materialKey,
    fileName: `${materialKey}.pdf`,
    kind: 'pdf' as const,
    sizeBytes: 2048,
    sha256: 'ab'.repeat(32),
    uploadedAt: '2026-11-20T02:00:00.000Z',
  });
  return testDetail({
    form: {
      amountYuan: 5_000_000,
      termMonths: 24,
      purpose: '购买中试设备',
      achievement: '智能传感器',
    },
    materials: [
      file('business_licence', 'f-0'),
      file('financial_statements', 'f-1'),
      file('achievement_proof', 'f-2'),
    ],
    availableActions: [SUBMIT],
    ...overrides,
  });
}

const UUID =
  /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('ApplicationDetailPage', () => {
  let fixture: ComponentFixture<ApplicationDetailPage>;
  let http: HttpTestingController;
  const element = () => fixture.nativeElement as HTMLElement;
  const inDocument = (testId: string) =>
    document.querySelector<HTMLElement>(`[data-testid="${testId}"]`);
  const isDetail = (req: { url: string; method: string }) =>
    req.url === ApiRoutes.application('a-1') && req.method === 'GET';

  async function render(permissions: Permission[], detail: ApplicationDetail) {
    localStorage.clear();
    TestBed.configureTestingModule({
      imports: [ApplicationDetailPage],
      providers: [
        provideI18n(),
        provideRouter([]),
        provideHttpClient(),
        provideHttpClientTesting(),
      ],
    });
    http = TestBed.inject(HttpTestingController);
    TestBed.inject(SessionStore).signIn(me(permissions));
    fixture = TestBed.createComponent(ApplicationDetailPage);
    fixture.componentRef.setInput('id', 'a-1');
    await fixture.whenStable();
    http.expectOne(isDetail).flush(detail);
    await fixture.whenStable();
  }

  /** Goes to a step of the wizard through its steps bar. */
  async function stepTo(key: string) {
    element()
      .querySelector<HTMLElement>(
        `[data-testid="wizard-step"][data-step="${key}"] .ant-steps-item-container`,
      )
      ?.click();
    await fixture.whenStable();
  }

  /** The review step, answering its read of the company (where the submission goes). */
  async function review() {
    await stepTo('review');
    http
      .expectOne(ApiRoutes.myCompany)
      .flush({ regionName: '嘉善县' } as CompanyView);
    await fixture.whenStable();
  }

  afterEach(() => {
    http.verify();
    document.body.innerHTML = '';
  });

  it('draws the form from the schema of its type, filled and editable for the enterprise', async () => {
    await render(ENTERPRISE, testDetail());
    expect(byTestId(fixture, 'application-reference').textContent).toContain(
      'KJ-2026-a-1',
    );
    expect(byTestId(fixture, 'application-company').textContent).toContain(
      '嘉善智造科技有限公司',
    );
    expect(byTestId(fixture, 'application-status').textContent).toContain(
      '草稿',
    );
    expect(
      element().querySelector('[data-testid="application-stage"]'),
    ).toBeNull();

    const keys = formFields(APPLICATION_FORMS.transformation_loan).map(
      (field) => field.key,
    );
    expect(
      [...element().querySelectorAll('[data-testid^="field-"]')].map((el) =>
        el.getAttribute('data-testid'),
      ),
    ).toEqual(keys.map((key) => `field-${key}`));
    const amount = byTestId<HTMLInputElement>(fixture, 'field-amountYuan');
    expect(amount.value).toBe('5000000');
    expect(amount.disabled).toBe(false);
    expect(byTestId<HTMLTextAreaElement>(fixture, 'field-purpose').value).toBe(
      '购买中试设备',
    );
    const form = byTestId(fixture, 'application-form');
    expect(form.textContent).toContain('申请金额（元）');
    TestBed.inject(LanguageService).use('en');
    await fixture.whenStable();
    expect(form.textContent).toContain('Amount (CNY)');
    await stepTo('materials');
    expect(
      [...element().querySelectorAll('[data-testid="material"]')].map((m) =>
        m.getAttribute('data-material-key'),
      ),
    ).toEqual(
      APPLICATION_FORMS.transformation_loan.materials.map((m) => m.key),
    );
  });

  it('shows a field error in the current language', async () => {
    await render(ENTERPRISE, testDetail());
    typeInto(fixture, 'field-termMonths', '48');
    await fixture.whenStable();
    const item = () =>
      byTestId(fixture, 'field-termMonths').closest('nz-form-item')
        ?.textContent ?? '';
    expect(item()).toContain('数值过大');
    TestBed.inject(LanguageService).use('en');
    await fixture.whenStable();
    expect(item()).toContain('Too large');
  });

  it('autosaves the form with the version it was read at', async () => {
    await render(ENTERPRISE, testDetail({ version: 7 }));
    typeInto(fixture, 'field-termMonths', '24');
    await fixture.whenStable();
    http.expectNone(ApiRoutes.applicationForm('a-1'));
    await new Promise((resolve) => setTimeout(resolve, AUTOSAVE_DELAY_MS + 50));
    const save = http.expectOne(ApiRoutes.applicationForm('a-1'));
    expect(save.request.method).toBe('PATCH');
    expect(save.request.body).toEqual({
      version: 7,
      form: { amountYuan: 5_000_000, purpose: '购买中试设备', termMonths: 24 },
    });
    save.flush({
      applicationId: 'a-1',
      action: 'save',
      version: 8,
      status: testStatus(),
    } satisfies ActionResult);
    await fixture.whenStable();
    expect(byTestId(fixture, 'save-state').textContent).toMatch(
      /已保存于 \d\d:\d\d/,
    );
  });

  /** Types, waits for the autosave and answers it with a 409; the newer version is read. */
  async function conflict() {
    await render(ENTERPRISE, testDetail({ version: 3 }));
    typeInto(fixture, 'field-termMonths', '12');
    await new Promise((resolve) => setTimeout(resolve, AUTOSAVE_DELAY_MS + 50));
    http.expectOne(ApiRoutes.applicationForm('a-1')).flush(
      {
        statusCode: 409,
        code: 'VERSION_CONFLICT',
        message: 'stale',
        correlationId: 'c-1',
      },
      { status: 409, statusText: 'Conflict' },
    );
    await fixture.whenStable();
    http.expectOne(isDetail).flush(
      testDetail({
        version: 5,
        form: {
          amountYuan: 3_000_000,
          purpose: '购买中试设备',
          termMonths: 36,
        },
      }),
    );
    await fixture.whenStable();
    const dialog = inDocument('conflict-dialog');
    expect(dialog?.textContent).toContain('已保存的版本（第 5 版）');
    const row = (field: string) =>
      document.querySelector<HTMLElement>(
        `[data-testid="conflict-row"][data-field="${field}"]`,
      );
    expect(row('termMonths')?.getAttribute('data-differs')).toBe('true');
    expect(
      row('termMonths')?.querySelector('[data-testid="conflict-mine"]')
        ?.textContent,
    ).toContain('12');
    expect(
      row('termMonths')?.querySelector('[data-testid="conflict-theirs"]')
        ?.textContent,
    ).toContain('36');
    expect(row('amountYuan')?.getAttribute('data-differs')).toBe('true');
    expect(row('purpose')?.getAttribute('data-differs')).toBe('false');
    expect(inDocument('conflict-count')?.textContent).toContain('2 项不同');
    expect(byTestId(fixture, 'save-state').getAttribute('data-state')).toBe(
      'conflict',
    );
  }

  it('on a save conflict shows both versions, and "keep mine" saves over the newer one', async () => {
    await conflict();
    inDocument('conflict-keep-mine')?.click();
    await fixture.whenStable();
    const save = http.expectOne(ApiRoutes.applicationForm('a-1'));
    expect(save.request.body).toEqual({
      version: 5,
      form: { amountYuan: 5_000_000, purpose: '购买中试设备', termMonths: 12 },
    });
    save.flush({
      applicationId: 'a-1',
      action: 'save',
      version: 6,
      status: testStatus(),
    } satisfies ActionResult);
    await fixture.whenStable();
    http.expectOne(isDetail).flush(testDetail({ version: 6 }));
    await fixture.whenStable();
    expect(inDocument('conflict-dialog')).toBeNull();
    expect(byTestId<HTMLInputElement>(fixture, 'field-termMonths').value).toBe(
      '12',
    );
    expect(byTestId(fixture, 'save-state').getAttribute('data-state')).toBe(
      'saved',
    );
  });

  it('on a save conflict, "take theirs" loads the saved version and drops the input', async () => {
    await conflict();
    inDocument('conflict-take-theirs')?.click();
    await fixture.whenStable();
    http.expectNone(ApiRoutes.applicationForm('a-1'));
    expect(inDocument('conflict-dialog')).toBeNull();
    expect(byTestId<HTMLInputElement>(fixture, 'field-termMonths').value).toBe(
      '36',
    );
    expect(byTestId<HTMLInputElement>(fixture, 'field-amountYuan').value).toBe(
      '3000000',
    );
    // Later input saves against the version loaded.
    typeInto(fixture, 'field-termMonths', '30');
    await new Promise((resolve) => setTimeout(resolve, AUTOSAVE_DELAY_MS + 50));
    const save = http.expectOne(ApiRoutes.applicationForm('a-1'));
    expect(save.request.body).toEqual(expect.objectContaining({ version: 5 }));
    save.flush({
      applicationId: 'a-1',
      action: 'save',
      version: 6,
      status: testStatus(),
    } satisfies ActionResult);
  });

  it('offers exactly the actions the API sends', async () => {
    await render(
      ENTERPRISE,
      testDetail({
        availableActions: [
          SUBMIT,
          {
            action: 'withdraw',
            label: { 'zh-CN': '撤回', en: 'Withdraw' },
            to: 'withdrawn',
            commentRequired: true,
            itemsRequired: false,
            payloadFields: [],
          },
        ],
      }),
    );
    const buttons = [
      ...element().querySelectorAll('[data-testid="action-button"]'),
    ];
    // The step that hands the form in is the wizard's last; the others stay in the panel.
    expect(buttons.map((b) => b.getAttribute('data-action'))).toEqual([
      'withdraw',
    ]);
    expect(buttons.map((b) => b.textContent?.trim())).toEqual(['撤回']);
    await review();
    expect(byTestId(fixture, 'wizard-submit').textContent).toContain(
      '提交申报',
    );
  });

  it('shows no action buttons when the API offers none', async () => {
    await render(ENTERPRISE, testDetail({ availableActions: [] }));
    expect(
      element().querySelectorAll('[data-testid="action-button"]'),
    ).toHaveLength(0);
    expect(byTestId(fixture, 'no-actions').textContent).toContain(
      '没有可执行的操作',
    );
  });

  it('sends an action with the version, a comment and a fresh Idempotency-Key, then reloads', async () => {
    await render(
      REVIEWER,
      testDetail({
        version: 5,
        status: testStatus({
          state: 'county_review',
          label: { 'zh-CN': '县级科技局审核中', en: 'Under county review' },
          stage: { 'zh-CN': '县级初审', en: 'County first review' },
          waitingForApplicant: false,
          holder: 'county',
        }),
        availableActions: [
          {
            action: 'county_reject',
            label: { 'zh-CN': '不予推荐', en: 'Do not recommend' },
            to: 'rejected',
            commentRequired: true,
            itemsRequired: false,
            payloadFields: [],
          },
        ],
      }),
    );
    expect(byTestId(fixture, 'application-stage').textContent).toContain(
      '县级初审',
    );
    // Staff read the form as a document, not as disabled inputs.
    expect(
      element().querySelector('[data-testid="field-amountYuan"]'),
    ).toBeNull();
    expect(
      element().querySelector(
        '[data-testid="form-value"][data-field="amountYuan"]',
      )?.textContent,
    ).toContain('5,000,000');

    click(fixture, 'action-button');
    await fixture.whenStable();
    expect(inDocument('action-dialog')?.getAttribute('data-action')).toBe(
      'county_reject',
    );
    inDocument('action-confirm')?.click();
    await fixture.whenStable();
    http.expectNone(ApiRoutes.applicationActions('a-1'));
    expect(
      inDocument('action-comment')?.closest('nz-form-item')?.textContent,
    ).toContain('此项为必填项');

    const comment = inDocument('action-comment') as HTMLTextAreaElement;
    comment.value = '  研发投入不足  ';
    comment.dispatchEvent(new Event('input'));
    inDocument('action-confirm')?.click();
    await fixture.whenStable();
    const act: TestRequest = http.expectOne(
      ApiRoutes.applicationActions('a-1'),
    );
    expect(act.request.method).toBe('POST');
    expect(act.request.body).toEqual({
      action: 'county_reject',
      version: 5,
      comment: '研发投入不足',
    });
    const key = act.request.headers.get(IDEMPOTENCY_HEADER) ?? '';
    expect(key).toMatch(UUID);
    act.flush({
      applicationId: 'a-1',
      action: 'county_reject',
      version: 6,
      status: testStatus({ state: 'rejected', waitingForApplicant: false }),
    } satisfies ActionResult);
    await fixture.whenStable();
    http.expectOne(isDetail).flush(testDetail({ version: 6 }));
    await fixture.whenStable();
    expect(inDocument('action-dialog')).toBeNull();
  });

  it('keeps the newest version when a read sent before an autosave answers after it (a false 409 at submit)', async () => {
    await render(ENTERPRISE, completeDraft());
    typeInto(fixture, 'field-termMonths', '36');
    await new Promise((resolve) => setTimeout(resolve, AUTOSAVE_DELAY_MS + 50));
    const save = http.expectOne(ApiRoutes.applicationForm('a-1'));
    // An upload finished meanwhile: the page reads the case again, and that read left first.
    (
      fixture.componentInstance as unknown as { materialsChanged(): void }
    ).materialsChanged();
    const read = http.expectOne(isDetail);
    save.flush({
      applicationId: 'a-1',
      action: 'save',
      version: 4,
      status: testStatus(),
    } satisfies ActionResult);
    read.flush(completeDraft({ version: 3 }));
    await fixture.whenStable();
    await review();
    click(fixture, 'wizard-submit');
    await fixture.whenStable();
    inDocument('wizard-submit-confirm')?.click();
    await fixture.whenStable();
    const submit = http.expectOne(ApiRoutes.applicationActions('a-1'));
    expect(submit.request.body).toEqual({ action: 'submit', version: 4 });
    submit.flush({
      applicationId: 'a-1',
      action: 'submit',
      version: 5,
      status: testStatus(),
    } satisfies ActionResult);
    await fixture.whenStable();
    for (const req of http.match(isDetail))
      req.flush(completeDraft({ version: 5 }));
  });

  it('submits from the review step after the confirmation, and shows why the API refused it', async () => {
    await render(ENTERPRISE, completeDraft());
    await review();
    click(fixture, 'wizard-submit');
    await fixture.whenStable();
    http.expectNone(ApiRoutes.applicationActions('a-1'));
    inDocument('wizard-submit-confirm')?.click();
    await fixture.whenStable();
    const first = http.expectOne(ApiRoutes.applicationActions('a-1'));
    expect(first.request.body).toEqual({ action: 'submit', version: 3 });
    const firstKey = first.request.headers.get(IDEMPOTENCY_HEADER);
    expect(firstKey).toMatch(UUID);
    first.flush(
      {
        statusCode: 409,
        code: 'CALL_CLOSED',
        message: 'closed',
        correlationId: 'c-3',
      },
      { status: 409, statusText: 'Conflict' },
    );
    await fixture.whenStable();
    expect(byTestId(fixture, 'wizard-problem').textContent).toContain(
      '该申报批次已截止',
    );

    click(fixture, 'wizard-submit');
    await fixture.whenStable();
    inDocument('wizard-submit-confirm')?.click();
    await fixture.whenStable();
    const second = http.expectOne(ApiRoutes.applicationActions('a-1'));
    expect(second.request.headers.get(IDEMPOTENCY_HEADER)).not.toBe(firstKey);
    second.flush({
      applicationId: 'a-1',
      action: 'submit',
      version: 4,
      status: testStatus({ state: 'accepting', waitingForApplicant: false }),
    } satisfies ActionResult);
    await fixture.whenStable();
    http.expectOne(isDetail).flush(
      completeDraft({
        version: 4,
        availableActions: [],
        status: testStatus({
          state: 'county_review',
          holder: 'county',
          waitingForApplicant: false,
        }),
      }),
    );
    await fixture.whenStable();
    expect(element().querySelector('[data-testid="wizard"]')).toBeNull();
    expect(byTestId(fixture, 'form-read-only')).toBeTruthy();
  });

  it('sends a return with the items the reviewer listed', async () => {
    await render(
      REVIEWER,
      testDetail({
        status: testStatus({ waitingForApplicant: false, holder: 'county' }),
        availableActions: [
          {
            action: 'county_return',
            label: { 'zh-CN': '退回补正', en: 'Return for supplement' },
            to: 'supplement',
            commentRequired: true,
            itemsRequired: true,
            payloadFields: [],
          },
        ],
      }),
    );
    click(fixture, 'action-button');
    await fixture.whenStable();
    expect(
      document.querySelectorAll('[data-testid="action-item"]'),
    ).toHaveLength(1);
    const comment = inDocument('action-comment') as HTMLTextAreaElement;
    comment.value = '材料不全';
    comment.dispatchEvent(new Event('input'));
    inDocument('action-confirm')?.click();
    await fixture.whenStable();
    http.expectNone(ApiRoutes.applicationActions('a-1'));
    expect(inDocument('action-items-error')?.textContent).toContain(
      '请至少列出一项',
    );

    inDocument('action-item-target-0')?.click();
    await fixture.whenStable();
    const option = [
      ...document.querySelectorAll<HTMLElement>('.ant-select-item-option'),
    ].find((o) => o.textContent?.includes('科技成果证明'));
    option?.click();
    await fixture.whenStable();
    const note = inDocument('action-item-note-0') as HTMLInputElement;
    note.value = '专利证书扫描件不清晰';
    note.dispatchEvent(new Event('input'));
    await fixture.whenStable();
    // The message goes once the list is complete, before the reviewer confirms again.
    expect(inDocument('action-items-error')).toBeNull();
    inDocument('action-confirm')?.click();
    await fixture.whenStable();
    const act = http.expectOne(ApiRoutes.applicationActions('a-1'));
    expect(act.request.body).toEqual({
      action: 'county_return',
      version: 3,
      comment: '材料不全',
      items: [{ target: 'achievement_proof', note: '专利证书扫描件不清晰' }],
    });
    act.flush({
      applicationId: 'a-1',
      action: 'county_return',
      version: 4,
      status: testStatus(),
    } satisfies ActionResult);
    await fixture.whenStable();
    http.expectOne(isDetail).flush(testDetail({ version: 4 }));
  });

  it('asks for the fields an action records, checks them and sends them as its payload', async () => {
    await render(
      REVIEWER,
      testDetail({
        status: testStatus({ waitingForApplicant: false, holder: 'bank' }),
        availableActions: [
          {
            action: 'bank_approve',
            label: { 'zh-CN': '银行审批通过', en: 'Approve the loan' },
            to: 'approved',
            commentRequired: false,
            itemsRequired: false,
            payloadFields: [
              ...(GUARD_PAYLOAD_FIELDS.bank_chosen ?? []),
              ...(GUARD_PAYLOAD_FIELDS.loan_terms_recorded ?? []),
            ],
          },
        ],
      }),
    );
    click(fixture, 'action-button');
    await fixture.whenStable();
    http
      .expectOne(ApiRoutes.partners('banks'))
      .flush([{ id: 'bank-1', name: '嘉善农商银行', regionCode: '330421' }]);
    await fixture.whenStable();
    expect(inDocument('action-payload')?.textContent).toContain('年利率（%）');
    expect(inDocument('payload-ratePercent')?.getAttribute('step')).toBe(
      '0.01',
    );

    inDocument('action-confirm')?.click();
    await fixture.whenStable();
    http.expectNone(ApiRoutes.applicationActions('a-1'));
    expect(
      inDocument('payload-amountYuan')?.closest('nz-form-item')?.textContent,
    ).toContain('此项为必填项');

    const type = (testId: string, value: string) => {
      const input = inDocument(testId) as HTMLInputElement;
      input.value = value;
      input.dispatchEvent(new Event('input'));
    };
    type('payload-amountYuan', '3000000');
    type('payload-ratePercent', '30');
    type('payload-termMonths', '24');
    inDocument('payload-bankId')?.click();
    await fixture.whenStable();
    [...document.querySelectorAll<HTMLElement>('.ant-select-item-option')]
      .find((o) => o.textContent?.includes('嘉善农商银行'))
      ?.click();
    await fixture.whenStable();
    inDocument('action-confirm')?.click();
    await fixture.whenStable();
    http.expectNone(ApiRoutes.applicationActions('a-1'));
    expect(
      inDocument('payload-ratePercent')?.closest('nz-form-item')?.textContent,
    ).toContain('数值过大');

    type('payload-ratePercent', '3.45');
    inDocument('action-confirm')?.click();
    await fixture.whenStable();
    const act = http.expectOne(ApiRoutes.applicationActions('a-1'));
    expect(act.request.body).toEqual({
      action: 'bank_approve',
      version: 3,
      payload: {
        bankId: 'bank-1',
        amountYuan: 3_000_000,
        ratePercent: 3.45,
        termMonths: 24,
      },
    });
    act.flush(
      {
        statusCode: 400,
        code: 'VALIDATION_FAILED',
        message: 'Payload invalid',
        correlationId: 'c-9',
        fields: [
          {
            field: 'payload.bankId',
            code: 'bank.out_of_region',
            message: 'This bank does not serve the province',
          },
        ],
      },
      { status: 400, statusText: 'Bad Request' },
    );
    await fixture.whenStable();
    expect(
      inDocument('payload-bankId')?.closest('nz-form-item')?.textContent,
    ).toContain('This bank does not serve the province');
    expect(inDocument('action-field-problems')).toBeNull();
    expect(
      byTestId(fixture, 'application-form-panel').textContent,
    ).not.toContain('This bank');
  });

  it('lists what a return asks the enterprise to supplement', async () => {
    await render(
      ENTERPRISE,
      testDetail({
        status: testStatus({
          state: 'returned_by_county',
          label: { 'zh-CN': '待补正材料', en: 'Returned' },
        }),
        supplementItems: [
          { target: 'purpose', note: '请写明设备型号' },
          { target: 'achievement_proof', note: '专利证书不清晰' },
          { target: 'other', note: '请补充联系人' },
        ],
      }),
    );
    const items = [
      ...element().querySelectorAll('[data-testid="supplement-item"]'),
    ].map((item) => item.textContent?.trim());
    expect(items[0]).toContain('请写明设备型号');
    expect(items[0]).toContain('资金用途');
    expect(items[1]).toContain('科技成果证明');
    expect(items[2]).toBe('其他：请补充联系人');
  });

  it('shows the recorded decisions with translated labels, only those present', async () => {
    await render(
      ENTERPRISE,
      testDetail({
        decision: {
          loanTerms: {
            amountYuan: 3_000_000,
            ratePercent: 3.45,
            termMonths: 24,
          },
          bank: { id: 'bank-1', name: '嘉善农商银行' },
          certificate: {
            number: 'GR202633001234',
            issuedOn: '2026-12-01',
            validUntil: '2029-11-30',
          },
          redemption: {
            invoiceAmountYuan: 80_000,
            requestedAt: '2026-11-20T02:00:00.000Z',
          },
        },
      }),
    );
    const card = byTestId(fixture, 'application-decisions');
    expect(card.textContent).toContain('决定事项');
    const terms = byTestId(fixture, 'decision-loanTerms').textContent ?? '';
    expect(terms).toContain('贷款条件');
    expect(terms).toContain('3,000,000 元');
    expect(terms).toContain('3.45 %');
    expect(terms).toContain('24 个月');
    expect(byTestId(fixture, 'decision-bank').textContent).toContain(
      '嘉善农商银行',
    );
    const certificate =
      byTestId(fixture, 'decision-certificate').textContent ?? '';
    expect(certificate).toContain('GR202633001234');
    expect(certificate).toContain('2029-11-30');
    expect(certificate).toContain('2026-12-01');
    // Requested, not yet paid: the subsidy row is left out, not shown empty.
    const redemption =
      byTestId(fixture, 'decision-redemption').textContent ?? '';
    expect(redemption).toContain('80,000 元');
    expect(redemption).not.toContain('兑付补助金额');
    expect(
      element().querySelector('[data-testid="decision-voucher"]'),
    ).toBeNull();
  });

  it('shows a tech-SME registration with its number, evaluation year and validity', async () => {
    await render(
      ENTERPRISE,
      testDetail({
        type: 'tech_sme',
        decision: {
          registration: {
            number: '2026330421000001',
            evaluationYear: 2026,
            issuedOn: '2026-12-07',
            validUntil: '2027-03-31',
          },
        },
      }),
    );
    const registration = byTestId(fixture, 'decision-registration');
    const text = registration.textContent ?? '';
    expect(text).toContain('科技型中小企业入库登记');
    expect(text).toContain('入库登记编号');
    expect(text).toContain('2026330421000001');
    expect(text).toContain('评价年度');
    // A year, not an amount: no thousands separator.
    expect(text).toContain('2026');
    expect(text).not.toContain('2,026');
    expect(text).toContain('2026-12-07');
    expect(text).toContain('2027-03-31');
    expect(text).not.toContain('decision.registration');

    TestBed.inject(LanguageService).use('en');
    await fixture.whenStable();
    // nz-descriptions redraws its rows a moment after their titles change.
    await new Promise((resolve) => setTimeout(resolve, 50));
    await fixture.whenStable();
    const english = registration.textContent ?? '';
    expect(english).toContain('Tech-based SME registration');
    expect(english).toContain('Registration number');
    expect(english).toContain('Evaluation year');
    expect(english).toContain('Valid until');
  });

  it('lists the eligibility rules of the automated check, each with its explanation', async () => {
    await render(
      REVIEWER,
      testDetail({
        type: 'tech_sme',
        status: testStatus({ state: 'formal_review', holder: 'county' }),
        form: {},
        autoCheck: {
          checkedAt: '2026-12-06T21:24:29.472Z',
          passed: false,
          formProblems: [],
          missingMaterials: [],
          eligibility: {
            policy: '国科发政〔2017〕115号',
            passed: false,
            rules: [
              {
                rule: 'staff_limit',
                passed: true,
                explanation: {
                  'zh-CN': '职工总数 150 人（不超过 500 人）',
                  en: '150 staff (at most 500)',
                },
              },
              {
                rule: 'staff',
                passed: false,
                explanation: {
                  'zh-CN': '科技人员占比 9%（低于 10% 得 0 分）',
                  en: 'S&T staff share 9% (below 10% scores 0)',
                },
              },
            ],
          },
        },
      }),
    );
    const report = byTestId(fixture, 'eligibility-report');
    expect(report.textContent).toContain('国科发政〔2017〕115号');
    const rules = [
      ...report.querySelectorAll<HTMLElement>(
        '[data-testid="eligibility-rule"]',
      ),
    ];
    expect(rules.map((r) => r.getAttribute('data-rule'))).toEqual([
      'staff_limit',
      'staff',
    ]);
    expect(rules.map((r) => r.getAttribute('data-passed'))).toEqual([
      'true',
      'false',
    ]);
    expect(rules[0].textContent).toContain('符合');
    expect(rules[0].textContent).toContain('职工总数 150 人（不超过 500 人）');
    expect(rules[1].textContent).toContain('不符合');
    expect(rules[1].textContent).toContain('科技人员占比 9%');

    TestBed.inject(LanguageService).use('en');
    await fixture.whenStable();
    expect(report.textContent).toContain('Eligibility rules');
    expect(rules[1].textContent).toContain('Not met');
    expect(rules[1].textContent).toContain(
      'S&T staff share 9% (below 10% scores 0)',
    );
  });

  it('shows no eligibility rules for a check without them', async () => {
    await render(
      ENTERPRISE,
      testDetail({
        autoCheck: {
          checkedAt: '2026-12-06T21:24:29.472Z',
          passed: true,
          formProblems: [],
          missingMaterials: [],
          eligibility: null,
        },
      }),
    );
    expect(byTestId(fixture, 'auto-check')).toBeTruthy();
    expect(
      document.querySelector('[data-testid="eligibility-report"]'),
    ).toBeNull();
  });

  it('shows no decisions card before anything is decided', async () => {
    await render(ENTERPRISE, testDetail());
    expect(
      element().querySelector('[data-testid="application-decisions"]'),
    ).toBeNull();
  });

  it("shows the company's voucher ledger where the programme keeps one, and asks for none elsewhere", async () => {
    await render(
      ENTERPRISE,
      testDetail({
        type: 'innovation_voucher',
        status: testStatus({ waitingForApplicant: false, holder: 'county' }),
      }),
    );
    http.expectOne(ApiRoutes.applicationVoucherLedger('a-1')).flush({
      companyId: 'c-1',
      year: 2026,
      capYuan: 500_000,
      committedYuan: 80_000,
      remainingYuan: 420_000,
      entries: [],
    });
    await fixture.whenStable();
    expect(byTestId(fixture, 'ledger-remaining').textContent).toContain(
      '420,000',
    );
    TestBed.resetTestingModule();

    // A loan keeps no ledger: no card and no request (afterEach verifies).
    await render(ENTERPRISE, testDetail());
    expect(
      element().querySelector('[data-testid="voucher-ledger"]'),
    ).toBeNull();
  });

  it("shows a granted voucher's form read-only, grouped as its schema groups it, and its materials without removal", async () => {
    await render(
      ENTERPRISE,
      testDetail({
        type: 'innovation_voucher',
        title: { 'zh-CN': '科技创新券', en: 'Innovation voucher' },
        form: {
          serviceCategory: 'testing',
          serviceDescription: '委托检测新型电池的安全性能',
          plannedCostYuan: 80_000,
        },
        materials: [
          {
            id: 'f-1',
            materialKey: 'business_licence',
            fileName: '营业执照.pdf',
            kind: 'pdf',
            sizeBytes: 20_480,
            sha256: 'ab',
            uploadedAt: '2026-11-20T02:00:00.000Z',
          },
        ],
        // Granted: the enterprise holds the case (it records a contract), yet edits nothing.
        status: testStatus({
          state: 'issued',
          label: { 'zh-CN': '创新券已发放', en: 'Voucher issued' },
        }),
      }),
    );
    http.expectOne(ApiRoutes.applicationVoucherLedger('a-1')).flush({
      companyId: 'c-1',
      year: 2026,
      capYuan: 500_000,
      committedYuan: 80_000,
      remainingYuan: 420_000,
      entries: [],
    });
    await fixture.whenStable();
    expect(element().querySelector('[data-testid^="field-"]')).toBeNull();
    const view = byTestId(fixture, 'application-form-view');
    expect(
      view.querySelector('[data-section="service"]')?.textContent,
    ).toContain('拟购买的科技服务');
    const value = (key: string) =>
      view.querySelector(`[data-field="${key}"]`)?.textContent?.trim();
    expect(value('serviceCategory')).toBe('检验检测');
    expect(value('plannedCostYuan')).toBe('80,000');
    expect(value('serviceDescription')).toBe('委托检测新型电池的安全性能');
    expect(
      element().querySelector('[data-testid="material-attachment"]')
        ?.textContent,
    ).toContain('营业执照.pdf');
    expect(
      element().querySelector('[data-testid="material-remove"]'),
    ).toBeNull();
    expect(
      element().querySelector('[data-testid^="material-upload-"]'),
    ).toBeNull();
  });

  it("draws where the case stands in its programme's steps", async () => {
    await render(
      ENTERPRISE,
      testDetail({
        status: testStatus({
          state: 'city_approval',
          waitingForApplicant: false,
          holder: 'city',
        }),
      }),
    );
    const current = element().querySelector<HTMLElement>(
      '[data-testid="case-step"][data-status="current"]',
    );
    expect(current?.textContent).toContain('市级科技局审核中');
  });

  it("says plainly that an application doesn't exist or isn't the company's", async () => {
    localStorage.clear();
    TestBed.configureTestingModule({
      imports: [ApplicationDetailPage],
      providers: [
        provideI18n(),
        provideRouter([]),
        provideHttpClient(),
        provideHttpClientTesting(),
      ],
    });
    http = TestBed.inject(HttpTestingController);
    TestBed.inject(SessionStore).signIn(me(ENTERPRISE));
    fixture = TestBed.createComponent(ApplicationDetailPage);
    fixture.componentRef.setInput('id', 'a-1');
    await fixture.whenStable();
    http.expectOne(isDetail).flush(
      {
        statusCode: 404,
        code: 'NOT_FOUND',
        message: 'The application was not found.',
        correlationId: 'c-9',
      },
      { status: 404, statusText: 'Not Found' },
    );
    await fixture.whenStable();
    expect(byTestId(fixture, 'application-not-found').textContent).toContain(
      '它不存在，或不属于您的企业',
    );
    expect(element().querySelector('[data-testid="error-alert"]')).toBeNull();
  });

  it('names the missing materials at the checklist when a submission is refused for them', async () => {
    await render(ENTERPRISE, completeDraft());
    await review();
    click(fixture, 'wizard-submit');
    await fixture.whenStable();
    inDocument('wizard-submit-confirm')?.click();
    await fixture.whenStable();
    // Removed meanwhile from another browser: the API names it.
    http.expectOne(ApiRoutes.applicationActions('a-1')).flush(
      {
        statusCode: 400,
        code: 'VALIDATION_FAILED',
        message: 'Upload the missing materials',
        correlationId: 'c-3',
        fields: [
          {
            field: 'materials.achievement_proof',
            code: 'material.missing',
            message: 'Upload "Proof of the achievement"',
          },
        ],
      },
      { status: 400, statusText: 'Bad Request' },
    );
    await fixture.whenStable();
    await stepTo('materials');
    expect(byTestId(fixture, 'materials-missing').textContent).toContain(
      '请先上传以下必需材料：科技成果证明（专利、鉴定等）',
    );
    expect(
      element().querySelector(
        '[data-material-key="achievement_proof"].app-material--flagged',
      ),
    ).toBeTruthy();
  });

  it('says at once that an emptied required field is needed for the submission', async () => {
    await render(ENTERPRISE, testDetail());
    const item = () =>
      byTestId(fixture, 'field-purpose').closest('nz-form-item')?.textContent;
    expect(item()).not.toContain('此项必填');
    typeInto(fixture, 'field-purpose', '');
    await fixture.whenStable();
    expect(item()).toContain('此项必填，提交前请填写。');
    // A draft still saves without it.
    await new Promise((resolve) => setTimeout(resolve, AUTOSAVE_DELAY_MS + 50));
    http.expectOne(ApiRoutes.applicationForm('a-1'));
  });
});
