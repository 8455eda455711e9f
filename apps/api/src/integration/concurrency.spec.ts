import { CallEntity, OutboxEntity, UserEntity } from '@portal/api-db';
import { DIALECTS, type TestClient } from '@portal/api-testing';
import {
  ApiRoutes,
  type ActionRequest,
  type ActionResult,
  type ApplicationDetail,
  type ChainVerification,
  type ExpertPanelView,
} from '@portal/contracts';
import { In } from 'typeorm';
import { expectNotifiedAsDefined } from '../testing/notified-as-defined';
import type { TestApp } from '../testing/test-app';
import { atProvincialReview } from '../testing/walks';
import { act, expectState, readyDraft } from '../testing/workflow-steps';
import { workflowSuite } from '../testing/workflow-suite';

describe.each(DIALECTS)('requests that race on %s', (dialect) => {
  const suite = workflowSuite(dialect);
  const { as, openCall } = suite;
  let t: TestApp;
  beforeAll(() => {
    t = suite.t;
  });

  /** Two companies' high-tech cases at 嘉善县's desk, in a call whose quota there is one. */
  async function twoAtCountyWithQuotaOfOne(): Promise<{
    county: TestClient;
    ids: string[];
  }> {
    const county = await as('reviewer.jiashan@example.com');
    const callId = await openCall('high_tech', '330000');
    await t.dataSource
      .getRepository(CallEntity)
      .update({ id: callId }, { quotas: [{ regionCode: '330421', limit: 1 }] });
    const ids: string[] = [];
    for (const email of ['antai@example.com', 'lihua@example.com']) {
      const company = await as(email);
      const draft = await readyDraft(company, 'high_tech', callId);
      expect((await act(company, draft.id, 'submit')).status).toBe(200);
      await expectState(county, draft.id, 'county_review');
      ids.push(draft.id);
    }
    return { county, ids };
  }

  it("stops county recommendations at the call's quota for the county", async () => {
    const { county, ids } = await twoAtCountyWithQuotaOfOne();
    const [first = '', second = ''] = ids;
    expect(
      (await act(county, first, 'recommend', { comment: '推荐' })).status,
    ).toBe(200);
    const over = await act(county, second, 'recommend', {
      comment: '推荐',
    });
    expect(over.status).toBe(409);
    expect(over.body.code).toBe('QUOTA_EXHAUSTED');
    await expectNotifiedAsDefined(t, suite.smtp, ids);
  });

  if (dialect === 'mariadb')
    it('lets only as many recommendations through as the quota has left, when they come at once', async () => {
      const { county, ids } = await twoAtCountyWithQuotaOfOne();
      const answers = await Promise.all(
        ids.map((id) => act(county, id, 'recommend', { comment: '推荐' })),
      );
      const statuses = answers.map((a) => a.status).sort();
      expect(statuses).toEqual([200, 409]);
      expect(answers.find((a) => a.status === 409)?.body.code).toBe(
        'QUOTA_EXHAUSTED',
      );
      await expectNotifiedAsDefined(t, suite.smtp, ids);
    });

  if (dialect === 'mariadb')
    it('moves the case on when the last two experts score at the same moment', async () => {
      const id = await atProvincialReview(suite, await as('lihua@example.com'));
      const province = await as('reviewer.zhejiang@example.com');
      const drawn = await province.post<ExpertPanelView>(
        ApiRoutes.applicationExpertDraw(id),
      );
      expect(drawn.status).toBe(201);
      expect((await act(province, id, 'send_to_experts')).status).toBe(200);
      const users = await t.dataSource
        .getRepository(UserEntity)
        .findBy({ id: In(drawn.body.experts.map((e) => e.userId)) });
      const score = (expert: TestClient) =>
        expert.put(ApiRoutes.applicationScore(id), {
          score: {
            ip: 24,
            transformation: 24,
            rd_management: 15,
            growth: 14,
            standard_bonus: 0,
          },
          opinion: '研发组织管理规范，成果转化情况良好。',
        });
      const experts = await Promise.all(users.map((u) => as(u.email)));
      const [first, second, ...firstThree] = experts;
      for (const expert of firstThree)
        expect((await score(expert)).status).toBe(200);
      const last = await Promise.all([
        score(first as TestClient),
        score(second as TestClient),
      ]);
      expect(last.map((r) => r.status)).toEqual([200, 200]);
      await expectState(province, id, 'provincial_decision');
      await expectNotifiedAsDefined(t, suite.smtp, [id]);
    });

  if (dialect === 'mariadb') {
    /**
     * A voucher application at the county desk, and `n` requests of one county action on it at
     * once, all with the version the reviewer saw. The answers come back as a histogram of
     * statuses, so that a failure shows what the other answers were.
     */
    async function countyRace(
      n: number,
      body: (i: number) => Omit<ActionRequest, 'version'>,
    ) {
      const antai = await as('antai@example.com');
      const draft = await readyDraft(
        antai,
        'innovation_voucher',
        await openCall('innovation_voucher', '330421'),
      );
      expect((await act(antai, draft.id, 'submit')).status).toBe(200);
      const county = await as('reviewer.jiashan@example.com');
      const seen = (
        await county.get<ApplicationDetail>(ApiRoutes.application(draft.id))
      ).body.version;
      const results = await Promise.all(
        Array.from({ length: n }, (_, i) =>
          county.post<ActionResult>(ApiRoutes.applicationActions(draft.id), {
            ...body(i),
            version: seen,
          }),
        ),
      );
      const statuses: Record<number, number> = {};
      for (const r of results)
        statuses[r.status] = (statuses[r.status] ?? 0) + 1;
      return { draft, county, seen, statuses };
    }

    it('lets exactly one of 50 parallel approvals through: 49 × 409, one event, one outbox row', async () => {
      const { draft, statuses } = await countyRace(50, () => ({
        action: 'approve',
        comment: '同意',
      }));
      expect(statuses).toEqual({ 200: 1, 409: 49 });
      const approvals = await t.dataSource.query(
        "SELECT COUNT(*) AS n FROM application_events WHERE application_id = ? AND action = 'approve'",
        [draft.id],
      );
      expect(Number(approvals[0].n)).toBe(1);
      const rows = await t.dataSource
        .getRepository(OutboxEntity)
        .findBy({ applicationId: draft.id, jobName: 'validity-end' });
      expect(rows).toHaveLength(1);
      const entries = await t.dataSource.query(
        'SELECT COUNT(*) AS n FROM voucher_ledger_entries WHERE application_id = ?',
        [draft.id],
      );
      expect(Number(entries[0].n)).toBe(1);
      await expectNotifiedAsDefined(t, suite.smtp, [draft.id]);
    });

    it('lets exactly one of 20 parallel returns through, a transition that locks nothing but its case UPDATE', async () => {
      const { draft, county, seen, statuses } = await countyRace(20, (i) => ({
        action: 'return_for_supplement',
        comment: `请补充材料 ${i}`,
        items: [{ target: 'other', note: `补充说明 ${i}` }],
      }));
      expect(statuses).toEqual({ 200: 1, 409: 19 });
      const events: { seq: number; action: string }[] =
        await t.dataSource.query(
          'SELECT seq, action FROM application_events WHERE application_id = ? ORDER BY seq',
          [draft.id],
        );
      expect(events.map((e) => e.action)).toEqual([
        'create',
        'submit',
        'return_for_supplement',
      ]);
      const detail = await county.get<ApplicationDetail>(
        ApiRoutes.application(draft.id),
      );
      expect(detail.body.version).toBe(seen + 1);
      expect(detail.body.status.state).toBe('returned_by_county');
      const verified = await (
        await as('auditor@example.com')
      ).get<ChainVerification>(
        `${ApiRoutes.eventChain}?applicationId=${draft.id}`,
      );
      expect(verified.body).toMatchObject({ intact: true, firstBreak: null });
      await expectNotifiedAsDefined(t, suite.smtp, [draft.id]);
    });
  }
});
