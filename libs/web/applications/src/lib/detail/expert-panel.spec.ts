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
      .flush({ experts: [], aggregate: aggregateScores([]) });
    await fixture.whenStable();
    expect(byTestId(fixture, 'experts-none').textContent).toContain(
      '尚未抽取专家',
    );

    click(fixture, 'experts-draw');
    await fixture.whenStable();
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
        },
        {
          userId: 'e-2',
          name: '吴霞',
          discipline: 'finance',
          scoredAt: '2026-11-25T03:00:00.000Z',
          score: SCORE_B,
          opinion: '财务数据可信',
        },
      ],
      aggregate: aggregateScores([SCORE_A, SCORE_B]),
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
        },
      ],
      aggregate: null,
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
    expect(byTestId(fixture, 'score-total').textContent).toContain('89');
    click(fixture, 'score-submit');
    await fixture.whenStable();
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
        },
      ],
      aggregate: null,
    } satisfies ExpertPanelView);
    await fixture.whenStable();
    expect(changes).toBe(1);
    expect(element().querySelector('[data-testid="score-form"]')).toBeNull();
    expect(byTestId(fixture, 'experts-own-total').textContent).toContain('89');
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
