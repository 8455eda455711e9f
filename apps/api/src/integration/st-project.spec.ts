import { OutboxEntity } from '@portal/api-db';
import { DIALECTS } from '@portal/api-testing';
import {
  ApiRoutes,
  type ApplicationDetail,
  type ExpertPanelView,
} from '@portal/contracts';
import { addWorkingDays } from '@portal/domain/calendar';
import type { TestApp } from '../testing/test-app';
import {
  bullJobOf,
  PROJECT_PASSING_SCORE,
  PROVINCE,
  COUNTY,
  scoredByPanel,
  uploads,
} from '../testing/walks';
import { act, expectState, readyDraft } from '../testing/workflow-steps';
import { workflowSuite } from '../testing/workflow-suite';

describe.each(DIALECTS)('S&T project calls on %s', (dialect) => {
  const suite = workflowSuite(dialect);
  const { as, openCall } = suite;
  let t: TestApp;
  beforeAll(() => {
    t = suite.t;
  });

  it('scores on the call’s own rubric, grants at most the funding requested, and holds the company to its mid-term report by a date with reminder and escalation', async () => {
    const jinghua = await as('jinghua@example.com');
    const county = await as(COUNTY);
    const province = await as(PROVINCE);
    const draft = await readyDraft(
      jinghua,
      'st_project',
      await openCall('st_project', '330000'),
    );
    expect(draft.reference).toMatch(/^XM-\d{4}-330421-\d{5}$/);
    const id = draft.id;
    expect((await act(jinghua, id, 'submit')).status).toBe(200);
    expect(
      (await act(county, id, 'recommend', { comment: '推荐' })).status,
    ).toBe(200);

    // Five experts score on the call's own four-part rubric; the mean of 80 passes (above 60).
    const panel = await scoredByPanel(
      suite,
      id,
      PROJECT_PASSING_SCORE,
      'initial_decision',
    );
    expect(panel.aggregate).toMatchObject({ total: 80, passes: true });
    expect(Object.keys(panel.aggregate?.average ?? {})).toEqual([
      'innovation',
      'feasibility',
      'benefit',
      'capacity',
    ]);

    expect(
      (
        await act(province, id, 'pass_initial_review', {
          comment: '初审通过，请补充材料',
          items: [{ target: 'budget_sheet', note: '补充经费预算明细' }],
        })
      ).status,
    ).toBe(200);
    const supplementing = await expectState(jinghua, id, 'supplementing');
    expect(supplementing.status.waitingForApplicant).toBe(true);
    expect((await act(jinghua, id, 'submit_supplement')).status).toBe(200);

    const tooMuch = await act(province, id, 'approve_project', {
      comment: '同意立项',
      payload: { approvedBudgetYuan: 2_000_001 },
    });
    expect(tooMuch.status).toBe(400);
    expect(tooMuch.body.fields?.[0]).toMatchObject({
      field: 'payload.approvedBudgetYuan',
      code: 'budget.over_requested',
    });
    const approvedAt = new Date();
    expect(
      (
        await act(province, id, 'approve_project', {
          comment: '同意立项',
          payload: { approvedBudgetYuan: 1_500_000 },
        })
      ).status,
    ).toBe(200);
    const underWay = await expectState(jinghua, id, 'in_progress');
    expect(underWay.decision.project?.approvedBudgetYuan).toBe(1_500_000);
    // The company sees the working days it has left on the report (the whole limit, on the day).
    expect(underWay.dueInWorkingDays).toBe(120);

    // The mid-term report is a milestone: 120 working days, reminded at 96, escalated at 120.
    const [reminder] = await t.dataSource.getRepository(OutboxEntity).find({
      where: { applicationId: id, jobName: 'stage-reminder' },
      order: { createdAt: 'DESC' },
    });
    const [escalation] = await t.dataSource.getRepository(OutboxEntity).find({
      where: { applicationId: id, jobName: 'stage-escalation' },
      order: { createdAt: 'DESC' },
    });
    const today = new Date(approvedAt.getTime() + 8 * 3600_000)
      .toISOString()
      .slice(0, 10);
    expect(escalation?.runAt.toISOString()).toBe(
      new Date(
        `${addWorkingDays(today, 120)}T23:59:59.999+08:00`,
      ).toISOString(),
    );
    expect(reminder?.runAt.toISOString()).toBe(
      new Date(`${addWorkingDays(today, 96)}T09:00:00+08:00`).toISOString(),
    );

    // Escalation reaches the company and the county that supervises it.
    if (!escalation) throw new Error('no escalation row');
    const countyMails = suite.smtp.to(COUNTY).length;
    await (await bullJobOf(t, 'timers', escalation)).promote();
    for (
      let i = 0;
      i < 100 && suite.smtp.to(COUNTY).length === countyMails;
      i++
    )
      await new Promise((r) => setTimeout(r, 100));
    expect(suite.smtp.to(COUNTY).length).toBeGreaterThan(countyMails);

    // The report is the milestone's proof: without it, no submission.
    const early = await act(jinghua, id, 'submit_midterm_report');
    expect(early.status).toBe(400);
    expect(early.body.fields?.[0]?.field).toBe('materials.midterm_report');
    await uploads('midterm_report').run(suite, id, jinghua);
    expect((await act(jinghua, id, 'submit_midterm_report')).status).toBe(200);
    const review = await province.get<ApplicationDetail>(
      ApiRoutes.application(id),
    );
    expect(review.body.status.state).toBe('midterm_review');
    // Outside a milestone no working days are counted for the detail.
    expect(review.body.dueInWorkingDays).toBeNull();
  });

  it('refuses a score on another programme’s rubric, part by part', async () => {
    const jinghua = await as('jinghua@example.com');
    const county = await as(COUNTY);
    const province = await as(PROVINCE);
    const draft = await readyDraft(
      jinghua,
      'st_project',
      await openCall('st_project', '330000'),
    );
    await act(jinghua, draft.id, 'submit');
    await act(county, draft.id, 'recommend', { comment: '推荐' });
    const drawn = await province.post<ExpertPanelView>(
      ApiRoutes.applicationExpertDraw(draft.id),
    );
    expect(drawn.status).toBe(201);
    await act(province, draft.id, 'send_to_experts');
    const [first] = drawn.body.experts;
    const [user]: { email: string }[] = await t.dataSource.query(
      'SELECT email FROM users WHERE id = ?',
      [first?.userId],
    );
    const expert = await as(user?.email ?? '');
    const wrong = await expert.put(ApiRoutes.applicationScore(draft.id), {
      score: { ip: 20, transformation: 20, rd_management: 15, growth: 15 },
      opinion: '按高新技术企业评分表打分。',
    });
    expect(wrong.status).toBe(400);
    const fields = (
      wrong.body as { fields?: { field: string; code: string }[] }
    ).fields;
    expect(fields).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          field: 'score.innovation',
          code: 'score.required',
        }),
        expect.objectContaining({
          field: 'score.ip',
          code: 'score.unknown_part',
        }),
      ]),
    );
  });
});
