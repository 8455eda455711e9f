import { randomUUID } from 'node:crypto';
import {
  GrantEntity,
  OrganisationEntity,
  OutboxEntity,
  UserEntity,
} from '@portal/api-db';
import { DIALECTS, MINIMAL_PDF } from '@portal/api-testing';
import {
  ApiRoutes,
  type ApplicationDetail,
  type ApplicationSummary,
  type ErrorBody,
  type ExpertPanelView,
  type ExpertProfileView,
  type Page,
  type PublicNoticeView,
  type StartNoticeResult,
} from '@portal/contracts';
import { JobProducer } from '@portal/api-jobs';
import { expectNotifiedAsDefined } from '../testing/notified-as-defined';
import type { TestApp } from '../testing/test-app';
import { atProvincialReview, scoredByPanel } from '../testing/walks';
import { act, expectState, readyDraft } from '../testing/workflow-steps';
import { workflowSuite } from '../testing/workflow-suite';

describe.each(DIALECTS)('high-tech applications on %s', (dialect) => {
  const suite = workflowSuite(dialect);
  const { as, openCall } = suite;
  let t: TestApp;
  beforeAll(() => {
    t = suite.t;
  });

  it('walks a high-tech application from draft through the automated check and the county, city and provincial reviews, with a return for supplement on the way', async () => {
    const antai = await as('antai@example.com');
    const county = await as('reviewer.jiashan@example.com');
    const city = await as('reviewer.jiaxing@example.com');
    const province = await as('reviewer.zhejiang@example.com');
    const draft = await readyDraft(
      antai,
      'high_tech',
      await openCall('high_tech', '330000'),
    );
    expect(draft.reference).toMatch(/^GX-\d{4}-330421-\d{5}$/);
    expect(draft.status).toMatchObject({
      state: 'draft',
      stage: null,
      waitingForApplicant: true,
    });

    expect((await act(antai, draft.id, 'submit')).status).toBe(200);
    // Bull runs the automated check and moves the case on by itself.
    const atCounty = await expectState(antai, draft.id, 'county_review');
    expect(atCounty.autoCheck).toMatchObject({
      passed: true,
      missingMaterials: [],
      formProblems: [],
    });
    expect(atCounty.status.label.en).not.toMatch(/county review/i);
    // Rule by rule with the figure each computed and its requirement, and the years it read.
    expect(
      atCounty.autoCheck?.eligibility?.figuresUsed?.map((y) => y.year),
    ).toEqual([2023, 2024, 2025]);
    expect(
      atCounty.autoCheck?.eligibility?.rules.find(
        (r) => r.rule === 'science_tech_staff_share',
      ),
    ).toMatchObject({
      passed: true,
      label: { en: 'S&T staff share' },
      measured: {
        en: expect.stringMatching(/^\d+\.\d% \(\d+ of \d+ people\)$/),
      },
      threshold: { en: '≥ 10%' },
    });

    const todo = await county.get<Page<ApplicationSummary>>(
      `${ApiRoutes.inbox}?view=todo`,
    );
    expect(todo.body.items.map((a) => a.id)).toContain(draft.id);
    const countyView = await county.get<ApplicationDetail>(
      ApiRoutes.application(draft.id),
    );
    expect(countyView.body.status.stage?.en).toBe('County review');
    expect(countyView.body.availableActions.map((a) => a.action)).toEqual([
      'recommend',
      'accept_with_missing_items',
      'return_for_supplement',
      'reject',
    ]);

    const noItems = await act(county, draft.id, 'return_for_supplement', {
      comment: '请补正',
    });
    expect(noItems.status).toBe(400);
    expect(noItems.body.fields?.[0]?.code).toBe('items.required');
    const returned = await act(county, draft.id, 'return_for_supplement', {
      comment: '请补充专项审计报告',
      items: [{ target: 'special_audit_report', note: '审计报告缺少签章页' }],
    });
    expect(returned.status).toBe(200);
    const atCompany = await antai.get<ApplicationDetail>(
      ApiRoutes.application(draft.id),
    );
    expect(atCompany.body.supplementItems).toEqual([
      { target: 'special_audit_report', note: '审计报告缺少签章页' },
    ]);
    expect(atCompany.body.status.waitingForApplicant).toBe(true);
    // Nothing to compare while the return is with the enterprise, and never for the enterprise.
    expect(atCompany.body.changesSinceReturn).toBeNull();
    expect(
      (await county.get<ApplicationDetail>(ApiRoutes.application(draft.id)))
        .body.changesSinceReturn,
    ).toBeNull();
    // The fix: one field changed, the audit report replaced by a signed one.
    expect(
      (
        await antai.patch(ApiRoutes.applicationForm(draft.id), {
          version: atCompany.body.version,
          form: { ...atCompany.body.form, auditReportNumber: 'SJ-2026-002' },
        })
      ).status,
    ).toBe(200);
    const oldReport = atCompany.body.materials.find(
      (m) => m.materialKey === 'special_audit_report',
    );
    expect(oldReport).toBeDefined();
    expect(
      (
        await antai.delete(
          ApiRoutes.applicationMaterial(draft.id, oldReport?.id ?? ''),
        )
      ).status,
    ).toBeLessThan(300);
    expect(
      (
        await antai.upload(
          ApiRoutes.applicationMaterials(draft.id),
          { materialKey: 'special_audit_report' },
          { name: '审计报告-签章.pdf', content: MINIMAL_PDF },
        )
      ).status,
    ).toBe(201);
    expect((await act(antai, draft.id, 'resubmit')).status).toBe(200);
    const resubmitted = await county.get<ApplicationDetail>(
      ApiRoutes.application(draft.id),
    );
    expect(resubmitted.body.changesSinceReturn).toMatchObject({
      fields: [
        {
          key: 'auditReportNumber',
          before: 'SJ-2026-001',
          after: 'SJ-2026-002',
        },
      ],
      materials: [
        {
          materialKey: 'special_audit_report',
          fileName: 'special_audit_report.pdf',
          change: 'removed',
        },
        {
          materialKey: 'special_audit_report',
          fileName: '审计报告-签章.pdf',
          change: 'added',
        },
      ],
    });
    expect(
      (await antai.get<ApplicationDetail>(ApiRoutes.application(draft.id))).body
        .changesSinceReturn,
    ).toBeNull();

    expect((await act(county, draft.id, 'recommend')).status).toBe(400); // a comment is required
    expect(
      (
        await act(county, draft.id, 'recommend', {
          comment: '材料齐全，同意推荐',
        })
      ).status,
    ).toBe(200);
    expect(
      (await act(county, draft.id, 'recommend', { comment: 'again' })).status,
    ).toBe(403);
    expect(
      (await act(city, draft.id, 'recommend', { comment: '同意推荐' })).status,
    ).toBe(200);
    const atProvince = await province.get<ApplicationDetail>(
      ApiRoutes.application(draft.id),
    );
    expect(atProvince.body.status.state).toBe('provincial_review');
    expect((await act(province, draft.id, 'send_to_experts')).status).toBe(409); // no panel drawn

    const done = await county.get<Page<ApplicationSummary>>(
      `${ApiRoutes.inbox}?view=done`,
    );
    expect(
      done.body.items.filter((a) => a.id === draft.id).length,
    ).toBeGreaterThanOrEqual(2);

    const timeline = (
      await antai.get<ApplicationDetail>(ApiRoutes.application(draft.id))
    ).body.events;
    expect(timeline.map((e) => e.action)).toEqual([
      'create',
      'submit',
      'auto_check_passed',
      'return_for_supplement',
      'resubmit',
      'recommend',
      'recommend',
    ]);
    // The enterprise never sees internal stage names or who at the bureau acted.
    expect(
      timeline.find((e) => e.action === 'recommend')?.actorName,
    ).toBeNull();
    await expectNotifiedAsDefined(t, suite.smtp, [draft.id]);
  });

  it('refuses a public notice as a whole, before any item, to whoever does not run notices (403) and for a case the reviewer cannot see (404)', async () => {
    const antai = await as('antai@example.com');
    const province = await as('reviewer.zhejiang@example.com');
    const id = await atProvincialReview(suite, antai);
    const { version } = (
      await province.get<ApplicationDetail>(ApiRoutes.application(id))
    ).body;
    const listing = { applications: [{ id, version }] };

    for (const who of [
      antai,
      await as('reviewer.jiaxing@example.com'),
      await as('reviewer.jiashan@example.com'),
    ]) {
      const refused = await who.post<ErrorBody>(
        ApiRoutes.publicNotices,
        listing,
      );
      expect(refused.status).toBe(403);
      expect(refused.body.code).toBe('FORBIDDEN');
    }
    const unseen = await province.post<ErrorBody>(ApiRoutes.publicNotices, {
      applications: [...listing.applications, { id: randomUUID(), version: 1 }],
    });
    expect(unseen.status).toBe(404);
    // Nothing was started by any of the refused requests.
    await expectState(province, id, 'provincial_review');
  });

  it('takes a high-tech application through expert scoring, public notice, an objection and its dismissal to a certificate', async () => {
    const antai = await as('antai@example.com');
    const province = await as('reviewer.zhejiang@example.com');
    const id = await atProvincialReview(suite, antai);
    const panel = await scoredByPanel(suite, id, {
      ip: 24,
      transformation: 24,
      rd_management: 15,
      growth: 14,
      standard_bonus: 0,
    });
    expect(panel.aggregate).toMatchObject({
      count: 5,
      total: 77,
      passes: true,
    });

    const seen = (
      await province.get<ApplicationDetail>(ApiRoutes.application(id))
    ).body.version;
    const started = await province.post<StartNoticeResult>(
      ApiRoutes.publicNotices,
      { applications: [{ id, version: seen }] },
    );
    expect(started.body.results).toEqual([{ id, started: true, error: null }]);
    const notices = await (
      await as('seed@example.com')
    ).get<PublicNoticeView[]>(ApiRoutes.publicNotices);
    expect(notices.body.find((n) => n.applicationId === id)).toMatchObject({
      reference: expect.any(String),
      noticeEndsAt: expect.any(String),
    });

    // Anyone signed in may object under their real name; the case goes to objection review.
    const objector = await as('seed@example.com');
    expect(
      (
        await objector.post(ApiRoutes.noticeObjections(id), {
          realName: '周海',
          reasons: '该企业知识产权存在权属纠纷，请核查。',
        })
      ).status,
    ).toBe(204);
    const inReview = await province.get<ApplicationDetail>(
      ApiRoutes.application(id),
    );
    expect(inReview.body.status.state).toBe('objection_review');
    expect(
      (
        await act(province, id, 'dismiss_objection', {
          comment: '经核查，权属清晰，异议不成立',
        })
      ).status,
    ).toBe(200);
    const [open] = await t.dataSource.query(
      "SELECT COUNT(*) AS n FROM objections WHERE application_id = ? AND status = 'open'",
      [id],
    );
    expect(Number(open.n)).toBe(0);

    // The notice's end is a real Bull delayed job; promote it instead of waiting 10 working days.
    const expiry = await t.dataSource.getRepository(OutboxEntity).find({
      where: { applicationId: id, jobName: 'time-limit-end' },
      order: { createdAt: 'DESC' },
    });
    expect(expiry).toHaveLength(2);
    const workflow = t.app.get(JobProducer).queue('workflow');
    let job = null;
    for (let i = 0; i < 50 && !job; i++) {
      job = await workflow.getJob(`time-limit-end:${expiry[0]?.id}`);
      if (!job) await new Promise((r) => setTimeout(r, 50));
    }
    expect(await job?.getState()).toBe('delayed');
    await job?.promote();
    const certified = await expectState(antai, id, 'certified');
    const certificate = certified.decision.certificate;
    if (!certificate) throw new Error('certified without a certificate');
    expect(certificate.number).toMatch(/^GR\d{4}33\d{6}$/);
    // The certificate is also a grant other programmes read (a tech-SME direct qualification).
    expect(
      await t.dataSource
        .getRepository(GrantEntity)
        .findOneByOrFail({ applicationId: id }),
    ).toMatchObject({
      series: 'high_tech_certificate',
      number: certificate.number,
      validUntil: certificate.validUntil,
    });
    expect(
      Number(certificate.validUntil.slice(0, 4)) -
        Number(certificate.issuedOn.slice(0, 4)),
    ).toBe(3);
    // The older expiry job finds the case moved on and does nothing.
    const older = await workflow.getJob(`time-limit-end:${expiry[1]?.id}`);
    await older?.promote();
    await expectNotifiedAsDefined(t, suite.smtp, [id]);
  });

  it('shows the applicant a history in public wording after the expert review: no internal step, stage or remark, while the province reads them', async () => {
    const antai = await as('antai@example.com');
    const province = await as('reviewer.zhejiang@example.com');
    const id = await atProvincialReview(suite, antai);
    const remark = '内部意见：请重点核查知识产权权属';
    await scoredByPanel(
      suite,
      id,
      {
        ip: 24,
        transformation: 24,
        rd_management: 15,
        growth: 14,
        standard_bonus: 0,
      },
      'provincial_decision',
      remark,
    );
    const internal =
      /专家|expert|自动|automat|评分|scoring|形式审查|异议复核|objection|系统|system/i;

    const own = (await antai.get<ApplicationDetail>(ApiRoutes.application(id)))
      .body;
    const steps = own.events.map((e) => e.action);
    expect(steps).toEqual(
      expect.arrayContaining([
        'auto_check_passed',
        'send_to_experts',
        'scoring_complete',
      ]),
    );
    for (const event of own.events)
      for (const label of [event.actionLabel, event.toLabel])
        for (const text of [label['zh-CN'], label.en])
          expect(text).not.toMatch(internal);
    expect(own.status.stage).toBeNull();
    const sent = own.events.find((e) => e.action === 'send_to_experts');
    expect(sent?.comment).toBeNull();
    // Nothing of the internal wording or the remark anywhere in what the company receives.
    const body = JSON.stringify(own);
    for (const word of ['专家', '自动校验', '省级形式审查', remark])
      expect(body).not.toContain(word);
    // The recommendations it is told of keep their comments.
    expect(
      own.events.filter((e) => e.action === 'recommend').map((e) => e.comment),
    ).toEqual(['推荐', '推荐']);

    const staff = (
      await province.get<ApplicationDetail>(ApiRoutes.application(id))
    ).body;
    const staffSent = staff.events.find((e) => e.action === 'send_to_experts');
    expect(staffSent?.actionLabel['zh-CN']).toBe('组织专家评审');
    expect(staffSent?.comment).toBe(remark);
    // Staff see which remarks stay within the bureau; the enterprise is never told of the flag.
    expect(staffSent?.internal).toBe(true);
    expect(
      staff.events
        .filter((e) => e.action === 'recommend')
        .map((e) => e.internal),
    ).toEqual([undefined, undefined]);
    expect(own.events.some((e) => 'internal' in e)).toBe(false);
    expect(
      staff.events.find((e) => e.action === 'scoring_complete')?.actionLabel.en,
    ).toBe('Expert scoring complete');
  });

  it('rejects a high-tech application whose objection is upheld', async () => {
    const lihua = await as('lihua@example.com');
    const province = await as('reviewer.zhejiang@example.com');
    const id = await atProvincialReview(suite, lihua);
    await scoredByPanel(suite, id, {
      ip: 10,
      transformation: 10,
      rd_management: 10,
      growth: 10,
      standard_bonus: 0,
    });
    expect((await act(province, id, 'start_public_notice')).status).toBe(200);
    expect(
      (
        await (
          await as('jinghua@example.com')
        ).post(ApiRoutes.noticeObjections(id), {
          realName: '陈精华',
          reasons: '申报的研发费用与实际严重不符，有证据。',
        })
      ).status,
    ).toBe(204);
    expect(
      (await act(province, id, 'uphold_objection', { comment: '异议成立' }))
        .status,
    ).toBe(200);
    const rejected = await lihua.get<ApplicationDetail>(
      ApiRoutes.application(id),
    );
    expect(rejected.body.status).toMatchObject({
      state: 'rejected',
      terminal: true,
    });
    const [upheld] = await t.dataSource.query(
      'SELECT status FROM objections WHERE application_id = ?',
      [id],
    );
    expect(upheld.status).toBe('upheld');
    await expectNotifiedAsDefined(t, suite.smtp, [id]);
  });

  it('returns a high-tech application whose automated check fails, listing what is wrong', async () => {
    const shengze = await as('shengze@example.com'); // keeps no yearly figures
    const draft = await readyDraft(
      shengze,
      'high_tech',
      await openCall('high_tech', '330400'),
    );
    expect((await act(shengze, draft.id, 'submit')).status).toBe(200);
    const returned = await expectState(shengze, draft.id, 'returned_by_county');
    expect(returned.autoCheck?.passed).toBe(false);
    expect(returned.supplementItems?.length).toBeGreaterThan(0);
    await expectNotifiedAsDefined(t, suite.smtp, [draft.id]);
  });

  it('never draws an expert for an organisation they declared a conflict with', async () => {
    const expert = await as('expert1@example.com');
    const antaiId = (
      await t.dataSource
        .getRepository(OrganisationEntity)
        .findOneByOrFail({ contactEmail: 'antai@example.com' })
    ).id;
    expect(
      (
        await expert.put(ApiRoutes.myExpertConflicts, {
          organisationIds: [randomUUID()],
        })
      ).status,
    ).toBe(400);
    expect(
      (
        await (
          await as('antai@example.com')
        ).put(ApiRoutes.myExpertConflicts, { organisationIds: [] })
      ).status,
    ).toBe(403);
    const declared = await expert.put<ExpertProfileView>(
      ApiRoutes.myExpertConflicts,
      { organisationIds: [antaiId] },
    );
    expect(declared.body).toEqual({
      discipline: 'technical',
      conflictOrganisationIds: [antaiId],
    });
    try {
      const id = await atProvincialReview(suite, await as('antai@example.com'));
      const panel = await (
        await as('reviewer.zhejiang@example.com')
      ).post<ExpertPanelView>(ApiRoutes.applicationExpertDraw(id));
      const expert1 = await t.dataSource
        .getRepository(UserEntity)
        .findOneByOrFail({ email: 'expert1@example.com' });
      expect(panel.body.experts).toHaveLength(5);
      expect(panel.body.experts.map((e) => e.userId)).not.toContain(expert1.id);
      await expectNotifiedAsDefined(t, suite.smtp, [id]);
    } finally {
      await expert.put(ApiRoutes.myExpertConflicts, { organisationIds: [] });
    }
  });
});
