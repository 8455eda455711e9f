import { provideHttpClient } from '@angular/common/http';
import {
  HttpTestingController,
  provideHttpClientTesting,
} from '@angular/common/http/testing';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import {
  type ApplicationDetail,
  ApiRoutes,
  type ExpertPanelView,
  type Me,
  type MyExpertConflictsView,
  type PanelExpertView,
  type MembershipView,
} from '@portal/contracts';
import { aggregateScores, permissionsOf } from '@portal/domain';
import { SessionStore } from '@portal/web-data-access';
import { provideI18n } from '@portal/web-i18n';
import { byTestId, click } from '@portal/web-ui/testing';
import { testDetail, testStatus } from '../shared/test-data';
import { ExpertPanel, SEND_TO_EXPERTS } from './expert-panel';

function membership(
  role: MembershipView['role'],
  level: MembershipView['level'],
): MembershipView {
  return {
    role,
    level,
    organisationId: 'org-1',
    regionCode: '330000',
    organisationName: '浙江省科学技术厅',
    organisationKind: 'bureau',
  };
}

function me(id: string, memberships: MembershipView[]): Me {
  return {
    id,
    email: `${id}@example.com`,
    name: '陈静',
    language: 'zh-CN',
    secondFactorEnabled: true,
    memberships,
    permissions: permissionsOf(memberships),
  };
}

const SCORE_A = {
  ip: 25,
  transformation: 24,
  rd_management: 16,
  growth: 15,
  standard_bonus: 0,
};
const SCORE_B = {
  ip: 20,
  transformation: 20,
  rd_management: 14,
  growth: 12,
  standard_bonus: 1,
};

const HIGH_TECH: Partial<ApplicationDetail> = {
  type: 'high_tech',
  title: { 'zh-CN': '高新技术企业认定', en: 'High-tech enterprise' },
};

describe('ExpertPanel', () => {
  let fixture: ComponentFixture<ExpertPanel>;
  let http: HttpTestingController;
  let changes = 0;
  const element = () => fixture.nativeElement as HTMLElement;
  /** The confirmation dialog renders in the overlay, outside the component. */
  const inDocument = (testId: string) =>
    document.querySelector<HTMLElement>(`[data-testid="${testId}"]`);
  async function confirmDialog(kind: string): Promise<string> {
    await fixture.whenStable();
    const dialog = inDocument('experts-confirm');
    expect(dialog?.getAttribute('data-kind')).toBe(kind);
    const text = dialog?.textContent ?? '';
    inDocument('experts-confirm-submit')?.click();
    await fixture.whenStable();
    return text;
  }
  const panel = (id = 'a-1') => ApiRoutes.applicationExperts(id);

  async function render(user: Me, application: ApplicationDetail) {
    localStorage.clear();
    TestBed.configureTestingModule({
      imports: [ExpertPanel],
      providers: [
        provideI18n(),
        provideHttpClient(),
        provideHttpClientTesting(),
      ],
    });
    http = TestBed.inject(HttpTestingController);
    TestBed.inject(SessionStore).signIn(user);
    fixture = TestBed.createComponent(ExpertPanel);
    changes = 0;
    fixture.componentInstance.changed.subscribe(() => changes++);
    fixture.componentRef.setInput('application', application);
    await fixture.whenStable();
  }

  afterEach(() => {
    http.verify();
    document.body.innerHTML = '';
  });

  it('lets the province draw the panel, then shows the experts and the aggregate', async () => {
    await render(
      me('u-province', [membership('reviewer', 'province')]),
      testDetail({
        ...HIGH_TECH,
        status: testStatus({ waitingForApplicant: false, holder: 'province' }),
        availableActions: [
          {
            action: SEND_TO_EXPERTS,
            label: { 'zh-CN': '提交专家评审', en: 'Send to experts' },
            to: 'expert_review',
            commentRequired: false,
            itemsRequired: false,
            payloadFields: [],
          },
        ],
      }),
    );
    http
      .expectOne(panel())
      .flush({ experts: [], aggregate: aggregateScores([]), recusals: [] });
    await fixture.whenStable();
    expect(byTestId(fixture, 'experts-none').textContent).toContain(
      '尚未抽取专家',
    );

    // The composition rules, from the domain, in the panel and in the confirmation.
    expect(byTestId(fixture, 'experts-rules').textContent).toContain(
      '不少于 5 名专家，技术专家不低于 60%（5 人时至少 3 名），财务专家至少 1 名',
    );
    click(fixture, 'experts-draw');
    await fixture.whenStable();
    http.expectNone(ApiRoutes.applicationExpertDraw('a-1'));
    const rules = await confirmDialog('draw');
    expect(rules).toContain('专家组不少于 5 名专家');
    expect(rules).toContain('5 人的专家组至少 3 名');
    expect(rules).toContain('财务专家至少 1 名');
    const draw = http.expectOne(ApiRoutes.applicationExpertDraw('a-1'));
    expect(draw.request.method).toBe('POST');
    draw.flush({
      experts: [
        {
          userId: 'e-1',
          name: '周明',
          discipline: 'technical',
          scoredAt: '2026-11-25T02:00:00.000Z',
          score: SCORE_A,
          opinion: '研发组织规范',
          recused: false,
        },
        {
          userId: 'e-2',
          name: '吴霞',
          discipline: 'finance',
          scoredAt: '2026-11-25T03:00:00.000Z',
          score: SCORE_B,
          opinion: '财务数据可信',
          recused: false,
        },
      ],
      aggregate: aggregateScores([SCORE_A, SCORE_B]),
      recusals: [],
    } satisfies ExpertPanelView);
    await fixture.whenStable();
    expect(changes).toBe(1);
    const rows = element().querySelectorAll('[data-testid="expert-row"]');
    expect(rows).toHaveLength(2);
    expect(rows[0].textContent).toContain('周明');
    expect(rows[0].textContent).toContain('技术专家');
    expect(rows[0].textContent).toContain('80');
    expect(rows[1].textContent).toContain('财务专家');
    expect(byTestId(fixture, 'experts-average').textContent).toContain('73.5');
    expect(byTestId(fixture, 'experts-result').textContent).toContain(
      '通过（高于 70 分）',
    );
    expect(element().querySelector('[data-testid="experts-draw"]')).toBeNull();
  });

  it('gives a drawn expert the rubric form with the total, and then their submitted score', async () => {
    await render(
      me('e-1', [membership('expert', null)]),
      testDetail({
        ...HIGH_TECH,
        status: testStatus({ waitingForApplicant: false, holder: 'expert' }),
      }),
    );
    http.expectOne(panel()).flush({
      experts: [
        {
          userId: 'e-1',
          name: '周明',
          discipline: 'technical',
          scoredAt: null,
          score: null,
          opinion: null,
          recused: false,
        },
      ],
      aggregate: null,
      recusals: [],
    } satisfies ExpertPanelView);
    await fixture.whenStable();
    expect(element().querySelector('[data-testid="experts-table"]')).toBeNull();
    const form = byTestId(fixture, 'score-form');
    expect(form.textContent).toContain('知识产权');
    expect(byTestId(fixture, 'score-ip').getAttribute('max')).toBe('30');

    const type = (testId: string, value: string) => {
      const input = byTestId<HTMLInputElement>(fixture, testId);
      input.value = value;
      input.dispatchEvent(new Event('input'));
    };
    type('score-ip', '29');
    type('score-transformation', '25');
    type('score-rd_management', '21');
    type('score-growth', '16');
    type('score-standard_bonus', '2');
    await fixture.whenStable();
    click(fixture, 'score-submit');
    await fixture.whenStable();
    http.expectNone(ApiRoutes.applicationScore('a-1'));
    expect(
      byTestId(fixture, 'score-rd_management').closest('nz-form-item')
        ?.textContent,
    ).toContain('超出该项分值范围');
    expect(
      byTestId(fixture, 'score-opinion').closest('nz-form-item')?.textContent,
    ).toContain('此项为必填项');

    type('score-rd_management', '18');
    type('score-opinion', '知识产权数量充足，成果转化效果明显。');
    await fixture.whenStable();
    // The standards bonus is capped inside intellectual property: 30 + 25 + 18 + 16.
    expect(byTestId(fixture, 'score-total').textContent).toContain('89 / 100');
    click(fixture, 'score-submit');
    await fixture.whenStable();
    http.expectNone(ApiRoutes.applicationScore('a-1'));
    const summary = await confirmDialog('score');
    expect(summary).toContain('您的总分为 89/100 分');
    expect(summary).toContain('知识产权: 29 / 30');
    const put = http.expectOne(ApiRoutes.applicationScore('a-1'));
    const score = {
      ip: 29,
      transformation: 25,
      rd_management: 18,
      growth: 16,
      standard_bonus: 2,
    };
    expect(put.request.body).toEqual({
      score,
      opinion: '知识产权数量充足，成果转化效果明显。',
    });
    put.flush({
      experts: [
        {
          userId: 'e-1',
          name: '周明',
          discipline: 'technical',
          scoredAt: '2026-11-27T02:00:00.000Z',
          score,
          opinion: '知识产权数量充足，成果转化效果明显。',
          recused: false,
        },
      ],
      aggregate: null,
      recusals: [],
    } satisfies ExpertPanelView);
    await fixture.whenStable();
    expect(changes).toBe(1);
    expect(element().querySelector('[data-testid="score-form"]')).toBeNull();
    expect(byTestId(fixture, 'experts-own-total').textContent).toContain('89');
    expect(byTestId(fixture, 'experts-own-score').textContent).toContain('30');
    expect(
      element().querySelector('[data-testid="experts-recuse"]'),
    ).toBeNull();
  });

  it('lists the recusals, draws again for a recused seat after a confirmation, and waits for every score before the result', async () => {
    const row = (
      userId: string,
      discipline: 'technical' | 'finance',
      extra: Partial<PanelExpertView> = {},
    ): PanelExpertView => ({
      userId,
      name: `专家${userId}`,
      discipline,
      scoredAt: null,
      score: null,
      opinion: null,
      recused: false,
      ...extra,
    });
    await render(
      me('u-province', [membership('reviewer', 'province')]),
      testDetail({
        ...HIGH_TECH,
        status: testStatus({ waitingForApplicant: false, holder: 'expert' }),
      }),
    );
    http.expectOne(panel()).flush({
      experts: [
        row('e-1', 'technical', {
          scoredAt: '2026-11-25T02:00:00.000Z',
          score: SCORE_A,
          opinion: '研发组织规范',
        }),
        row('e-2', 'finance', { recused: true }),
        row('e-3', 'technical'),
      ],
      aggregate: aggregateScores([SCORE_A]),
      recusals: [
        {
          userId: 'e-2',
          name: '专家e-2',
          discipline: 'finance',
          reason: 'conflict',
        },
        {
          userId: 'e-9',
          name: '王芳',
          discipline: 'technical',
          reason: 'employer',
        },
      ],
    } satisfies ExpertPanelView);
    await fixture.whenStable();
    expect(byTestId(fixture, 'experts-redraw-needed').textContent).toContain(
      '1 名专家已申请回避',
    );
    const recusals = element().querySelectorAll(
      '[data-testid="experts-recusal"]',
    );
    expect(recusals[0].textContent).toContain('已申报与该企业存在利益冲突');
    expect(recusals[1].textContent).toContain('王芳');
    expect(recusals[1].textContent).toContain('为该企业员工');
    // One of three scored: no result yet, only the progress.
    expect(
      element().querySelector('[data-testid="experts-aggregate"]'),
    ).toBeNull();
    expect(byTestId(fixture, 'experts-progress').textContent).toContain('1/3');
    const buttons = element().querySelectorAll(
      '[data-testid="expert-replace"]',
    );
    expect(buttons).toHaveLength(1);
    expect(buttons[0].closest('tr')?.getAttribute('data-recused')).toBe('true');

    click(fixture, 'expert-replace');
    const text = await confirmDialog('replace');
    expect(text).toContain('专家e-2（财务专家）已申请回避');
    const replace = http.expectOne(
      ApiRoutes.applicationExpertReplace('a-1', 'e-2'),
    );
    expect(replace.request.method).toBe('POST');
    replace.flush({
      experts: [
        row('e-1', 'technical', {
          scoredAt: '2026-11-25T02:00:00.000Z',
          score: SCORE_A,
        }),
        row('e-3', 'technical'),
        row('e-6', 'finance'),
      ],
      aggregate: aggregateScores([SCORE_A]),
      recusals: [],
    } satisfies ExpertPanelView);
    await fixture.whenStable();
    expect(changes).toBe(1);
    expect(
      element().querySelector('[data-testid="expert-replace"]'),
    ).toBeNull();
    expect(
      element().querySelector('[data-testid="experts-redraw-needed"]'),
    ).toBeNull();
    expect(element().textContent).toContain('专家e-6');
  });

  it('lets a drawn expert recuse after a confirmation, and then says the province draws again', async () => {
    await render(
      me('e-1', [membership('expert', null)]),
      testDetail({
        ...HIGH_TECH,
        status: testStatus({ waitingForApplicant: false, holder: 'expert' }),
      }),
    );
    const own = {
      userId: 'e-1',
      name: '周明',
      discipline: 'technical' as const,
      scoredAt: null,
      score: null,
      opinion: null,
    };
    http.expectOne(panel()).flush({
      experts: [{ ...own, recused: false }],
      aggregate: null,
      recusals: [],
    } satisfies ExpertPanelView);
    await fixture.whenStable();
    click(fixture, 'experts-recuse');
    await fixture.whenStable();
    http.expectNone(ApiRoutes.applicationExpertRecuse('a-1'));
    await confirmDialog('recuse');
    const recuse = http.expectOne(ApiRoutes.applicationExpertRecuse('a-1'));
    expect(recuse.request.method).toBe('POST');
    recuse.flush({
      experts: [{ ...own, recused: true }],
      aggregate: null,
      recusals: [],
    } satisfies ExpertPanelView);
    await fixture.whenStable();
    expect(byTestId(fixture, 'experts-own-recused').textContent).toContain(
      '重新抽取专家',
    );
    expect(element().querySelector('[data-testid="score-form"]')).toBeNull();
    expect(
      element().querySelector('[data-testid="experts-recuse"]'),
    ).toBeNull();

    // A recusal by mistake is withdrawn: this company off the declared conflicts, others kept.
    click(fixture, 'experts-withdraw');
    expect(await confirmDialog('withdraw')).toContain('嘉善智造科技有限公司');
    http.expectOne(ApiRoutes.myExpertProfile).flush({
      discipline: 'technical',
      conflicts: [
        { organisationId: 'c-1', name: '嘉善智造科技有限公司' },
        { organisationId: 'c-7', name: '海盐精工有限公司' },
      ],
    } satisfies MyExpertConflictsView);
    const put = http.expectOne(ApiRoutes.myExpertConflicts);
    expect(put.request.method).toBe('PUT');
    expect(put.request.body).toEqual({ organisationIds: ['c-7'] });
    put.flush({ discipline: 'technical', conflictOrganisationIds: ['c-7'] });
    http.expectOne(panel()).flush({
      experts: [{ ...own, recused: false }],
      aggregate: null,
      recusals: [],
    } satisfies ExpertPanelView);
    await fixture.whenStable();
    expect(byTestId(fixture, 'score-form')).toBeTruthy();
  });

  it('stays hidden when the API refuses the panel', async () => {
    await render(
      me('e-9', [membership('expert', null)]),
      testDetail({ ...HIGH_TECH }),
    );
    http.expectOne(panel()).flush(
      {
        statusCode: 403,
        code: 'FORBIDDEN',
        message: 'no',
        correlationId: 'c',
      },
      { status: 403, statusText: 'Forbidden' },
    );
    await fixture.whenStable();
    expect(element().querySelector('[data-testid="expert-panel"]')).toBeNull();
  });

  it('does not ask for the panel for a county reviewer', async () => {
    await render(
      me('u-county', [membership('reviewer', 'county')]),
      testDetail({ ...HIGH_TECH }),
    );
    http.expectNone(panel());
    expect(element().querySelector('[data-testid="expert-panel"]')).toBeNull();
  });
});
