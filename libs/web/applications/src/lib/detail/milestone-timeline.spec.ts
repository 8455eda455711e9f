import { type ComponentFixture, TestBed } from '@angular/core/testing';
import type {
  ApplicationDetail,
  ApplicationEventView,
} from '@portal/contracts';
import { LanguageService, provideI18n } from '@portal/web-i18n';
import { testDetail, testStatus } from '../shared/test-data';
import { MilestoneTimeline, milestonesOf } from './milestone-timeline';

const L = (zh: string, en = zh) => ({ 'zh-CN': zh, en });

let seq = 0;
function event(
  from: string | null,
  to: string,
  createdAt: string,
): ApplicationEventView {
  seq++;
  return {
    seq,
    action: `step-${seq}`,
    actionLabel: L('步骤', 'Step'),
    from,
    to,
    toLabel: L('状态', 'State'),
    party: 'province',
    actorName: null,
    comment: null,
    items: null,
    createdAt,
  };
}

/** An S&T project case whose history reached the given states, in order. */
function project(
  path: readonly [string, string][],
  overrides: Partial<ApplicationDetail> = {},
): ApplicationDetail {
  seq = 0;
  let from: string | null = null;
  const events = path.map(([to, at]) => {
    const e = event(from, to, at);
    from = to;
    return e;
  });
  return testDetail({
    type: 'st_project',
    title: L('科技计划项目', 'S&T project'),
    events,
    status: testStatus({
      state: from ?? 'draft',
      waitingForApplicant: false,
      holder: 'province',
    }),
    ...overrides,
  });
}

const TO_APPROVAL: [string, string][] = [
  ['draft', '2026-01-05T02:00:00.000Z'],
  ['county_review', '2026-01-06T02:00:00.000Z'],
  ['formal_review', '2026-01-10T02:00:00.000Z'],
  ['expert_review', '2026-01-20T02:00:00.000Z'],
  ['initial_decision', '2026-02-01T02:00:00.000Z'],
  ['supplementing', '2026-02-03T02:00:00.000Z'],
  ['approval_review', '2026-02-10T02:00:00.000Z'],
  ['in_progress', '2026-03-02T02:00:00.000Z'],
];

describe('MilestoneTimeline', () => {
  let fixture: ComponentFixture<MilestoneTimeline>;
  const element = () => fixture.nativeElement as HTMLElement;
  const rows = () => [
    ...element().querySelectorAll<HTMLElement>('[data-testid="milestone"]'),
  ];

  async function render(application: ApplicationDetail) {
    localStorage.clear();
    TestBed.configureTestingModule({
      imports: [MilestoneTimeline],
      providers: [provideI18n()],
    });
    fixture = TestBed.createComponent(MilestoneTimeline);
    fixture.componentRef.setInput('application', application);
    await fixture.whenStable();
  }

  afterEach(() => {
    document.body.innerHTML = '';
  });

  it('draws each milestone of the definition in order: done, current with its due date and working days left, to come', async () => {
    await render(
      project(TO_APPROVAL, {
        status: testStatus({
          state: 'in_progress',
          label: L('已立项，实施中（请按期提交中期报告）'),
          waitingForApplicant: true,
          holder: 'enterprise',
        }),
        dueAt: '2026-08-20T15:59:59.999Z',
        dueInWorkingDays: 12,
      }),
    );
    expect(
      rows().map((r) => [r.dataset['state'], r.dataset['status']]),
    ).toEqual([
      ['supplementing', 'done'],
      ['in_progress', 'current'],
      ['final_stage', 'upcoming'],
    ]);
    const [supplement, midterm, final] = rows();
    expect(supplement?.textContent).toContain('提交补充材料');
    expect(supplement?.textContent).toContain('已完成');
    // Reached when it was entered, done when the company submitted the supplement.
    expect(supplement?.textContent).toContain('2026年2月3日');
    expect(supplement?.textContent).toContain('2026年2月10日');
    expect(midterm?.textContent).toContain('提交中期报告');
    expect(midterm?.textContent).toContain('进行中');
    expect(
      midterm?.querySelector('[data-testid="milestone-due"]')?.textContent,
    ).toContain('2026年8月20日');
    expect(
      midterm?.querySelector('[data-testid="milestone-days"]')?.textContent,
    ).toContain('剩余 12 个工作日');
    expect(final?.textContent).toContain('提交结题报告');
    expect(final?.textContent).toContain('未开始');
    expect(
      final?.querySelector('[data-testid="milestone-limit"]')?.textContent,
    ).toContain('时限 120 个工作日');
    // The enterprise reads its own wording of the stage, never the staff's.
    expect(element().textContent).not.toContain('中期报告待交');

    TestBed.inject(LanguageService).use('en');
    await fixture.whenStable();
    expect(midterm?.textContent).toContain('Submit the mid-term report');
    expect(midterm?.textContent).toContain('12 working days left');
  });

  it('shows an overdue milestone in red with the working days it is late', async () => {
    await render(
      project(TO_APPROVAL, {
        status: testStatus({
          state: 'in_progress',
          stage: L('实施中（中期报告待交）', 'Under way: mid-term report due'),
          waitingForApplicant: true,
          holder: 'enterprise',
        }),
        dueAt: '2026-08-20T15:59:59.999Z',
        overdue: true,
        dueInWorkingDays: -3,
      }),
    );
    const midterm = rows()[1];
    const days = midterm?.querySelector<HTMLElement>(
      '[data-testid="milestone-days"]',
    );
    expect(days?.textContent).toContain('已超期 3 个工作日');
    expect(days?.classList).toContain('milestone__overdue');
    expect(
      midterm?.querySelector('[data-testid="milestone-status"]')?.className,
    ).toContain('ant-tag-error');
    // Staff read the staff wording of the stage.
    expect(midterm?.textContent).toContain('实施中（中期报告待交）');
  });

  it('marks a return to a milestone as current again, and the milestones a terminated case never reached', () => {
    const returned = milestonesOf(
      project(
        [
          ...TO_APPROVAL,
          ['midterm_review', '2026-07-01T02:00:00.000Z'],
          ['in_progress', '2026-07-05T02:00:00.000Z'],
        ],
        {
          status: testStatus({ state: 'in_progress', holder: 'enterprise' }),
        },
      ),
    );
    expect(returned.map((m) => m.status)).toEqual([
      'done',
      'current',
      'upcoming',
    ]);
    expect(returned[1]?.reachedAt).toBe('2026-07-05T02:00:00.000Z');
    expect(returned[1]?.leftAt).toBeNull();

    const terminated = milestonesOf(
      project(
        [
          ...TO_APPROVAL,
          ['midterm_review', '2026-07-01T02:00:00.000Z'],
          ['terminated', '2026-07-10T02:00:00.000Z'],
        ],
        {
          status: testStatus({
            state: 'terminated',
            terminal: true,
            holder: null,
          }),
        },
      ),
    );
    expect(terminated.map((m) => m.status)).toEqual([
      'done',
      'done',
      'stopped',
    ]);
    expect(terminated[1]?.leftAt).toBe('2026-07-01T02:00:00.000Z');
  });

  it('draws nothing for a programme without milestones', async () => {
    await render(testDetail());
    expect(element().querySelector('[data-testid="milestones"]')).toBeNull();
  });
});
