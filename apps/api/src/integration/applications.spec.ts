import { randomUUID } from 'node:crypto';
import {
  CallEntity,
  DEMO_PASSWORD,
  OutboxEntity,
  UserEntity,
} from '@portal/api-db';
import {
  DIALECTS,
  TestSmtpServer,
  waitFor,
  type TestClient,
} from '@portal/api-testing';
import {
  ApiRoutes,
  IDEMPOTENCY_HEADER,
  type ActionRequest,
  type ActionResult,
  type ApplicationDetail,
  type ApplicationSummary,
  type CallView,
  type ChainVerification,
  type ErrorBody,
  type ExpertPanelView,
  type Page,
} from '@portal/contracts';
import {
  CallDeadlinesService,
  DemoApplicationsSeeder,
  OutboxRelay,
} from '@portal/api-applications';
import { JobProducer } from '@portal/api-jobs';
import { currentWorkflow, stateOf, type ApplicationType } from '@portal/domain';
import { addWorkingDays } from '@portal/domain/calendar';
import { In } from 'typeorm';
import { insertCall } from '../testing/factories';
import {
  act,
  expectState,
  FIGURES,
  readyDraft,
} from '../testing/workflow-steps';
import { startTestApp, type TestApp } from '../testing/test-app';

const M = 1_000_000;

describe.each(DIALECTS)(
  'applications moving through their workflows on %s',
  (dialect) => {
    let t: TestApp;
    let smtp: TestSmtpServer;
    const clients = new Map<string, TestClient>();
    const as = async (email: string): Promise<TestClient> => {
      const existing = clients.get(email);
      if (existing) return existing;
      const client = t.client();
      expect((await client.login(email, DEMO_PASSWORD)).status).toBe(200);
      clients.set(email, client);
      return client;
    };

    beforeAll(async () => {
      smtp = await TestSmtpServer.start();
      t = await startTestApp(dialect, { SMTP_URL: smtp.url });
      for (const email of ['antai@example.com', 'lihua@example.com']) {
        const company = await as(email);
        for (const year of [2023, 2024, 2025])
          expect(
            (await company.put(ApiRoutes.myCompanyFiguresYear(year), FIGURES))
              .status,
          ).toBe(200);
      }
    });
    afterAll(async () => {
      await t.close();
      await smtp.close();
    });

    async function openCall(
      type: ApplicationType,
      regionCode: string,
      window: 'open' | 'closed' = 'open',
    ): Promise<string> {
      return insertCall(t.dataSource, type, regionCode, {
        daysOpen: window === 'open' ? 30 : -1,
        title: `${type} ${window} call`,
      });
    }

    async function atProvincialReview(company: TestClient): Promise<string> {
      const draft = await readyDraft(
        company,
        'high_tech',
        await openCall('high_tech', '330000'),
      );
      expect((await act(company, draft.id, 'submit')).status).toBe(200);
      await expectState(company, draft.id, 'county_review');
      expect(
        (
          await act(
            await as('reviewer.jiashan@example.com'),
            draft.id,
            'recommend',
            { comment: '推荐' },
          )
        ).status,
      ).toBe(200);
      expect(
        (
          await act(
            await as('reviewer.jiaxing@example.com'),
            draft.id,
            'recommend',
            { comment: '推荐' },
          )
        ).status,
      ).toBe(200);
      return draft.id;
    }

    it("pages the reviewer's inbox and a company's own list by keyset, newest first, and narrows the inbox by its filters", async () => {
      const county = await as('reviewer.jiashan@example.com');
      const call = await openCall('high_tech', '330000');
      const submitted: ApplicationDetail[] = [];
      for (const email of ['antai@example.com', 'lihua@example.com']) {
        const company = await as(email);
        const draft = await readyDraft(company, 'high_tech', call);
        expect((await act(company, draft.id, 'submit')).status).toBe(200);
        submitted.push(await expectState(company, draft.id, 'county_review'));
      }
      const ids = submitted.map((a) => a.id);
      const inbox = (query: string) =>
        county.get<Page<ApplicationSummary>>(
          `${ApiRoutes.inbox}?view=todo&${query}`,
        );
      const walk = async (
        client: TestClient,
        url: string,
      ): Promise<string[]> => {
        const seen: string[] = [];
        let cursor: string | null = null;
        do {
          const page: { body: Page<ApplicationSummary> } = await client.get<
            Page<ApplicationSummary>
          >(`${url}limit=1${cursor ? `&cursor=${cursor}` : ''}`);
          expect(page.body.items.length).toBeLessThanOrEqual(1);
          seen.push(...page.body.items.map((a) => a.id));
          cursor = page.body.nextCursor;
        } while (cursor);
        return seen;
      };

      const all = await inbox('limit=100');
      expect(all.body.nextCursor).toBeNull();
      const listed = all.body.items.map((a) => a.id);
      expect(listed).toEqual(expect.arrayContaining(ids));
      const entered = all.body.items.map((a) => a.stateEnteredAt);
      expect([...entered].sort().reverse()).toEqual(entered);
      expect(await walk(county, `${ApiRoutes.inbox}?view=todo&`)).toEqual(
        listed,
      );
      const mine = all.body.items.find((a) => a.id === ids[1]);
      expect(mine).toMatchObject({
        reference: submitted[1]?.reference,
        companyName: submitted[1]?.companyName,
        callTitle: 'high_tech open call',
        status: { state: 'county_review', stage: { en: 'County review' } },
        overdue: false,
      });

      const byReference = await inbox(
        `q=${encodeURIComponent(submitted[1]?.reference ?? '')}`,
      );
      expect(byReference.body.items.map((a) => a.id)).toEqual([ids[1]]);
      const byName = await inbox(
        `q=${encodeURIComponent(submitted[0]?.companyName ?? '')}`,
      );
      expect(byName.body.items.map((a) => a.id)).toContain(ids[0]);
      expect(byName.body.items.map((a) => a.id)).not.toContain(ids[1]);
      const inState = await inbox('state=county_review&limit=100');
      expect(inState.body.items.map((a) => a.id)).toEqual(
        expect.arrayContaining(ids),
      );
      expect(
        inState.body.items.every((a) => a.status.state === 'county_review'),
      ).toBe(true);
      expect(
        (await inbox('type=innovation_voucher&limit=100')).body.items.map(
          (a) => a.id,
        ),
      ).not.toContain(ids[0]);
      expect(
        (await inbox('overdue=true&limit=100')).body.items.map((a) => a.id),
      ).not.toContain(ids[0]);
      expect(
        (await inbox(`callId=${call}&limit=100`)).body.items.map((a) => a.id),
      ).toEqual(expect.arrayContaining(ids));

      const antai = await as('antai@example.com');
      const own = await antai.get<Page<ApplicationSummary>>(
        `${ApiRoutes.applications}?limit=100`,
      );
      const ownIds = own.body.items.map((a) => a.id);
      expect(ownIds).toContain(ids[0]);
      expect(ownIds).not.toContain(ids[1]);
      const created = own.body.items.map((a) => a.id);
      expect(await walk(antai, `${ApiRoutes.applications}?`)).toEqual(created);
      expect(own.body.items.find((a) => a.id === ids[0])?.status.stage).toBe(
        null,
      );
    });

    it('lets the system administrator correct the holiday calendar, and the clocks follow it', async () => {
      const sysadmin = await as('sysadmin@example.com');
      expect(
        (
          await sysadmin.put(ApiRoutes.calendarOverride('2026-02-30'), {
            kind: 'holiday',
            note: '无效日期',
          })
        ).status,
      ).toBe(400);
      expect(
        (
          await (
            await as('reviewer.jiashan@example.com')
          ).put(ApiRoutes.calendarOverride('2027-01-04'), {
            kind: 'holiday',
            note: '本地停工',
          })
        ).status,
      ).toBe(403);
      const today = new Date(Date.now() + 8 * 3600_000)
        .toISOString()
        .slice(0, 10);
      const limit =
        stateOf(currentWorkflow('innovation_voucher'), 'county_review')
          .timeLimitDays ?? 0;
      const usualDue = addWorkingDays(today, limit);
      expect(
        (
          await sysadmin.put(ApiRoutes.calendarOverride(usualDue), {
            kind: 'holiday',
            note: '临时停工',
          })
        ).status,
      ).toBe(200);
      const antai = await as('antai@example.com');
      const call = await openCall('innovation_voucher', '330421');
      /** The due date (China) a new submission gets. */
      const dueOfNewSubmission = async () => {
        const draft = await readyDraft(antai, 'innovation_voucher', call);
        expect((await act(antai, draft.id, 'submit')).status).toBe(200);
        const due = (
          await antai.get<ApplicationDetail>(ApiRoutes.application(draft.id))
        ).body.dueAt as string;
        return new Date(Date.parse(due) + 8 * 3600_000)
          .toISOString()
          .slice(0, 10);
      };
      const shiftedDue = addWorkingDays(today, limit, {
        holidays: [usualDue],
        workdays: [],
      });
      expect(shiftedDue > usualDue).toBe(true);
      try {
        expect(await dueOfNewSubmission()).toBe(shiftedDue);
      } finally {
        expect(
          (await sysadmin.delete(ApiRoutes.calendarOverride(usualDue))).status,
        ).toBe(204);
      }
      expect(await dueOfNewSubmission()).toBe(usualDue);
      // Another API process sets it (its row and the revision, as CalendarService writes them):
      // this process sees it at its next transition, though it kept the overrides it read.
      const anotherProcess = async (sql: string, params: unknown[]) =>
        t.dataSource.transaction(async (em) => {
          await em.query(sql, params);
          await em.query(
            'UPDATE calendar_revision SET revision = revision + 1 WHERE id = 1',
          );
        });
      await anotherProcess(
        "INSERT INTO calendar_overrides (date, kind, note, created_by) VALUES (?, 'holiday', '临时停工', 'another-process')",
        [usualDue],
      );
      try {
        expect(await dueOfNewSubmission()).toBe(shiftedDue);
      } finally {
        await anotherProcess('DELETE FROM calendar_overrides WHERE date = ?', [
          usualDue,
        ]);
      }
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
        .update(
          { id: callId },
          { quotas: [{ regionCode: '330421', limit: 1 }] },
        );
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
    });

    if (dialect === 'mariadb')
      it('moves the case on when the last two experts score at the same moment', async () => {
        const id = await atProvincialReview(await as('lihua@example.com'));
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
      });

    it('keeps companies and regions apart: 404 for strangers, 403 for the wrong role, both audited', async () => {
      const antai = await as('antai@example.com');
      const draft = await readyDraft(
        antai,
        'innovation_voucher',
        await openCall('innovation_voucher', '330421'),
      );
      const [material] = draft.materials;
      if (!material) throw new Error('the draft has its materials');
      const otherCompany = await as('seed@example.com');
      const otherCounty = await as('reviewer.haiyan@example.com');
      expect(
        (await otherCompany.get(ApiRoutes.application(draft.id))).status,
      ).toBe(404);
      expect(
        (await otherCounty.get(ApiRoutes.application(draft.id))).status,
      ).toBe(404);
      expect(
        (
          await otherCounty.post(ApiRoutes.applicationActions(draft.id), {
            action: 'approve',
            version: draft.version,
            comment: 'x',
          })
        ).status,
      ).toBe(404);
      expect(
        (
          await otherCompany.get(
            ApiRoutes.applicationMaterial(draft.id, material.id),
          )
        ).status,
      ).toBe(404);
      const county = await as('reviewer.jiashan@example.com');
      expect((await act(county, draft.id, 'submit')).status).toBe(403);
      const download = await antai.get(
        ApiRoutes.applicationMaterial(draft.id, material.id),
      );
      expect(download.status).toBe(200);
      expect(String(download.headers['content-disposition'])).toMatch(
        /^attachment;/,
      );
      const [denials] = await t.dataSource.query(
        "SELECT COUNT(*) AS n FROM audit_log WHERE action = 'application.access_denied'",
      );
      expect(Number(denials.n)).toBeGreaterThanOrEqual(4);
    });

    it('refuses files that are not what they claim, a stale version and a closed call', async () => {
      const antai = await as('antai@example.com');
      const created = await antai.post<ApplicationDetail>(
        ApiRoutes.applications,
        { callId: await openCall('innovation_voucher', '330421') },
      );
      const fake = await antai.upload<ErrorBody>(
        ApiRoutes.applicationMaterials(created.body.id),
        { materialKey: 'business_licence' },
        { name: 'licence.pdf', content: Buffer.from('MZ not a pdf at all') },
      );
      expect(fake.status).toBe(415);
      expect(fake.body.code).toBe('FILE_REJECTED');
      const stale = await antai.patch<ErrorBody>(
        ApiRoutes.applicationForm(created.body.id),
        { version: created.body.version + 5, form: {} },
      );
      expect(stale.status).toBe(409);
      expect(stale.body.code).toBe('VERSION_CONFLICT');
      const closedCall = await openCall('high_tech', '330000', 'closed');
      const late = await antai.post<ErrorBody>(ApiRoutes.applications, {
        callId: closedCall,
      });
      expect(late.status).toBe(409);
      expect(late.body.code).toBe('CALL_CLOSED');
    });

    it('refuses a submission after the call has closed, saying when the window was', async () => {
      const antai = await as('antai@example.com');
      const callId = await openCall('innovation_voucher', '330421');
      const draft = await readyDraft(antai, 'innovation_voucher', callId);
      await t.dataSource
        .getRepository(CallEntity)
        .update({ id: callId }, { closesAt: new Date(Date.now() - 1000) });
      const late = await act(antai, draft.id, 'submit');
      expect(late.status).toBe(409);
      expect(late.body.code).toBe('CALL_CLOSED');
      expect(late.body.message).toMatch(
        /takes applications from \d{4}-\d\d-\d\d \d\d:\d\d to .* \(Beijing time\)/,
      );
      expect(
        (await antai.get<ApplicationDetail>(ApiRoutes.application(draft.id)))
          .body.status.state,
      ).toBe('draft');
    });

    it('runs the stage clock as real Bull delayed jobs: escalation while the case sits there, nothing once it has moved on', async () => {
      const antai = await as('antai@example.com');
      const county = await as('reviewer.jiashan@example.com');
      const draft = await readyDraft(
        antai,
        'innovation_voucher',
        await openCall('innovation_voucher', '330421'),
      );
      expect((await act(antai, draft.id, 'submit')).status).toBe(200);
      const rows = await t.dataSource
        .getRepository(OutboxEntity)
        .findBy({ applicationId: draft.id });
      const timers = t.app.get(JobProducer).queue('timers');
      const jobOf = async (name: string) => {
        const row = rows.find((r) => r.jobName === name);
        for (let i = 0; i < 50; i++) {
          const job = await timers.getJob(`${name}:${row?.id}`);
          if (job) return job;
          await new Promise((r) => setTimeout(r, 50));
        }
        throw new Error(`no ${name} job`);
      };
      const escalation = await jobOf('stage-escalation');
      const detail = (
        await county.get<ApplicationDetail>(ApiRoutes.application(draft.id))
      ).body;
      expect(await escalation.getState()).toBe('delayed');
      // Due at the end of the 20th working day; the job waits until then.
      expect(escalation.timestamp + Number(escalation.opts.delay)).toBeCloseTo(
        Date.parse(detail.dueAt ?? ''),
        -4,
      );
      await escalation.promote();
      await escalation.finished();
      const overdue = await t.dataSource.query(
        "SELECT COUNT(*) AS n FROM audit_log WHERE action = 'application.stage_overdue' AND object_id = ?",
        [draft.id],
      );
      expect(Number(overdue[0].n)).toBe(1);

      expect(
        (await act(county, draft.id, 'reject', { comment: '不符合条件' }))
          .status,
      ).toBe(200);
      const reminder = await jobOf('stage-reminder');
      await reminder.promote();
      expect(await reminder.finished()).toBe('skipped');
    });

    it('lets a bureau admin open a call for their own region only, with a sound window and quotas', async () => {
      const admin = await as('admin.jiashan@example.com');
      const body = {
        type: 'innovation_voucher',
        title: '2027年嘉善县科技创新券',
        opensAt: '2027-01-01T00:00:00+08:00',
        closesAt: '2027-06-30T17:00:00+08:00',
      };
      const opened = await admin.post<CallView>(ApiRoutes.calls, body);
      expect(opened.status).toBe(201);
      expect(opened.body).toMatchObject({
        regionCode: '330421',
        status: 'upcoming',
      });
      expect(
        (await admin.post(ApiRoutes.calls, { ...body, regionCode: '330424' }))
          .status,
      ).toBe(403);
      const backwards = await admin.post<ErrorBody>(ApiRoutes.calls, {
        ...body,
        closesAt: '2026-12-01T00:00:00+08:00',
      });
      expect(backwards.status).toBe(400);
      expect(backwards.body.fields?.[0]?.code).toBe('call.window');
      const badQuota = await admin.post<ErrorBody>(ApiRoutes.calls, {
        ...body,
        quotas: [{ regionCode: '330424', limit: 3 }],
      });
      expect(badQuota.status).toBe(400);
      const unknownField = await admin.post<ErrorBody>(ApiRoutes.calls, {
        ...body,
        budget: 1,
      });
      expect(unknownField.status).toBe(400);
      // Companies of the county see it; a company elsewhere does not.
      const calls = await (
        await as('antai@example.com')
      ).get<CallView[]>(ApiRoutes.calls);
      expect(calls.body.map((c) => c.id)).toContain(opened.body.id);
      const elsewhere = await (
        await as('seed@example.com')
      ).get<CallView[]>(ApiRoutes.calls);
      expect(elsewhere.body.map((c) => c.id)).not.toContain(opened.body.id);
    });

    it('reminds drafts three working days before a call closes and records each closing, once, on a repeatable Bull job', async () => {
      const workflow = t.app.get(JobProducer).queue('workflow');
      await waitFor(
        async () =>
          (await workflow.getRepeatableJobs()).some(
            (j) => j.name === 'calls-tick',
          ),
        10_000,
      );
      const soon = await openCall('innovation_voucher', '330421');
      const later = await openCall('innovation_voucher', '330421');
      const calls = t.dataSource.getRepository(CallEntity);
      await calls.update(
        { id: soon },
        { closesAt: new Date(Date.now() + 86_400_000) },
      );
      const antai = await as('antai@example.com');
      const draft = (
        await antai.post<ApplicationDetail>(ApiRoutes.applications, {
          callId: soon,
        })
      ).body;
      await antai.post(ApiRoutes.applications, { callId: later });
      const deadlines = t.app.get(CallDeadlinesService);
      await deadlines.tick();
      await deadlines.tick();
      const reminders = await t.dataSource.query(
        "SELECT object_id FROM audit_log WHERE action = 'call.draft_reminder' AND detail LIKE ?",
        [`%${soon}%`],
      );
      expect(reminders.map((r: { object_id: string }) => r.object_id)).toEqual([
        draft.id,
      ]);
      const none = await t.dataSource.query(
        "SELECT COUNT(*) AS n FROM audit_log WHERE action = 'call.draft_reminder' AND detail LIKE ?",
        [`%${later}%`],
      );
      expect(Number(none[0].n)).toBe(0);

      await calls.update(
        { id: soon },
        { closesAt: new Date(Date.now() - 1000) },
      );
      await deadlines.tick();
      await deadlines.tick();
      const closings = await t.dataSource.query(
        "SELECT detail FROM audit_log WHERE action = 'call.closed' AND object_id = ?",
        [soon],
      );
      expect(closings).toHaveLength(1);
      expect(JSON.parse(closings[0].detail)).toEqual({
        submitted: 0,
        unsubmittedDrafts: 1,
      });
    });

    it('gives the same answer for a repeated Idempotency-Key and has one effect', async () => {
      const antai = await as('antai@example.com');
      const draft = await readyDraft(
        antai,
        'innovation_voucher',
        await openCall('innovation_voucher', '330421'),
      );
      const key = randomUUID();
      const body = { action: 'submit', version: draft.version };
      const first = await antai.post<ActionResult>(
        ApiRoutes.applicationActions(draft.id),
        body,
        { headers: { [IDEMPOTENCY_HEADER]: key } },
      );
      const second = await antai.post<ActionResult>(
        ApiRoutes.applicationActions(draft.id),
        body,
        { headers: { [IDEMPOTENCY_HEADER]: key } },
      );
      expect(first.status).toBe(200);
      expect(second.status).toBe(200);
      expect(second.body).toEqual(first.body);
      const events = await t.dataSource.query(
        'SELECT COUNT(*) AS n FROM application_events WHERE application_id = ?',
        [draft.id],
      );
      expect(Number(events[0].n)).toBe(2); // create + one submit
      const reused = await antai.post<ErrorBody>(
        ApiRoutes.applicationActions(draft.id),
        { ...body, action: 'withdraw' },
        { headers: { [IDEMPOTENCY_HEADER]: key } },
      );
      expect(reused.status).toBe(422);
      // Reused for an action that would succeed (the current version): refused, and undone.
      const reusedCurrent = await antai.post<ErrorBody>(
        ApiRoutes.applicationActions(draft.id),
        { action: 'withdraw', version: first.body.version },
        { headers: { [IDEMPOTENCY_HEADER]: key } },
      );
      expect(reusedCurrent.status).toBe(422);
      expect(reusedCurrent.body.code).toBe('IDEMPOTENCY_KEY_REUSED');
      await expectState(antai, draft.id, 'county_review');
      const after = await t.dataSource.query(
        'SELECT COUNT(*) AS n FROM application_events WHERE application_id = ?',
        [draft.id],
      );
      expect(Number(after[0].n)).toBe(2);
      // Without the key the same withdrawal goes through: the 422 came from the key alone.
      expect(
        (
          await antai.post<ActionResult>(
            ApiRoutes.applicationActions(draft.id),
            { action: 'withdraw', version: first.body.version },
          )
        ).status,
      ).toBe(200);
    });

    it('lets the auditor verify every event chain and finds a tampered event', async () => {
      const auditor = await as('auditor@example.com');
      const intact = await auditor.get<ChainVerification>(ApiRoutes.eventChain);
      expect(intact.body).toMatchObject({ intact: true, firstBreak: null });
      expect(intact.body.events).toBeGreaterThan(10);
      const [victim] = await t.dataSource.query(
        "SELECT application_id, seq FROM application_events WHERE action = 'submit' ORDER BY created_at LIMIT 1",
      );
      // A DBA with full rights can drop the append-only trigger; the chain still shows the change.
      const q = (sql: string) =>
        t.dataSource.query(dialect === 'sqlite' ? sql.replace(/`/g, '"') : sql);
      await q('DROP TRIGGER `application_events_no_update`');
      await t.dataSource.query(
        "UPDATE application_events SET comment = 'rewritten' WHERE application_id = ? AND seq = ?",
        [victim.application_id, victim.seq],
      );
      const broken = await auditor.get<ChainVerification>(
        `${ApiRoutes.eventChain}?applicationId=${victim.application_id}`,
      );
      expect(broken.body).toMatchObject({
        intact: false,
        firstBreak: {
          applicationId: victim.application_id,
          seq: Number(victim.seq),
          reason: 'hash_mismatch',
        },
      });
      const denied = await (
        await as('antai@example.com')
      ).get(ApiRoutes.eventChain);
      expect(denied.status).toBe(403);
    });

    it('hands a row left behind at commit (Redis down, process killed) to Bull through the sweeper', async () => {
      const shengze = await as('shengze@example.com');
      const producer = t.app.get(JobProducer);
      const workflow = producer.queue('workflow');
      await workflow.pause(true); // this process stops taking workflow jobs
      const draft = await readyDraft(
        shengze,
        'high_tech',
        await openCall('high_tech', '330000'),
      );
      expect((await act(shengze, draft.id, 'submit')).status).toBe(200);
      const outbox = t.dataSource.getRepository(OutboxEntity);
      let row: OutboxEntity | null = null;
      for (let i = 0; i < 50 && !row?.dispatchedAt; i++) {
        row = await outbox.findOneBy({
          applicationId: draft.id,
          jobName: 'auto-check',
        });
        await new Promise((r) => setTimeout(r, 50));
      }
      // Undo the hand-over: as if the process had died right after the commit.
      await (await workflow.getJob(`auto-check:${row?.id}`))?.remove();
      await outbox.update({ id: row?.id }, { dispatchedAt: null });
      await workflow.resume(true);
      expect(await t.app.get(OutboxRelay).sweep(0)).toBeGreaterThanOrEqual(1);
      await expectState(shengze, draft.id, 'returned_by_county');
      expect(
        (await outbox.findOneByOrFail({ id: row?.id })).dispatchedAt,
      ).not.toBeNull();
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
          .findBy({ applicationId: draft.id, jobName: 'voucher-expiry' });
        expect(rows).toHaveLength(1);
        const entries = await t.dataSource.query(
          'SELECT COUNT(*) AS n FROM voucher_ledger_entries WHERE application_id = ?',
          [draft.id],
        );
        expect(Number(entries[0].n)).toBe(1);
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
      });
    }
  },
);

describe('the demo half-year', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp('sqlite');
  });
  afterAll(() => t.close());

  it('replays the county report (18 high-tech filings sent on, one returned by the city; 2 vouchers granted; loans of 5M, 3M and 5M at the bank) and leaves work at every desk', async () => {
    expect(await t.app.get(DemoApplicationsSeeder).seedIfEmpty()).toBe(27);
    const rows = async (sql: string) =>
      (await t.dataSource.query(sql)) as Record<string, string>[];
    const byState = await rows(
      "SELECT state, COUNT(*) AS n FROM applications WHERE type = 'high_tech' AND state IN ('provincial_review', 'expert_review', 'returned_by_city') GROUP BY state ORDER BY state",
    );
    expect(byState.map((r) => [r['state'], Number(r['n'])])).toEqual([
      ['expert_review', 1],
      ['provincial_review', 16],
      ['returned_by_city', 1],
    ]);
    const granted = await rows(
      "SELECT COUNT(DISTINCT e.application_id) AS n FROM application_events e JOIN applications a ON a.id = e.application_id WHERE a.type = 'innovation_voucher' AND e.action = 'approve'",
    );
    expect(Number(granted[0]?.['n'])).toBe(2);
    const loans = await rows(
      "SELECT form FROM applications WHERE type = 'transformation_loan' AND state = 'bank_review'",
    );
    expect(
      loans.map((r) => JSON.parse(r['form'] as string).amountYuan).sort(),
    ).toEqual([3 * M, 5 * M, 5 * M]);

    const expert = (
      await rows(
        'SELECT u.email AS email FROM expert_assignments x JOIN users u ON u.id = x.expert_user_id LIMIT 1',
      )
    )[0]?.['email'] as string;
    for (const email of [
      'reviewer.jiashan@example.com',
      'reviewer.haiyan@example.com',
      'reviewer.jiaxing@example.com',
      'reviewer.zhejiang@example.com',
      'bank@example.com',
      'provider@example.com',
      expert,
    ]) {
      const client = t.client();
      await client.login(email, DEMO_PASSWORD);
      const inbox = await client.get<Page<ApplicationSummary>>(ApiRoutes.inbox);
      expect([email, inbox.body.items.length > 0]).toEqual([email, true]);
    }
    const auditor = t.client();
    await auditor.login('auditor@example.com', DEMO_PASSWORD);
    expect(
      (await auditor.get<ChainVerification>(ApiRoutes.eventChain)).body,
    ).toMatchObject({ intact: true, applications: 27 });
    expect(await t.app.get(DemoApplicationsSeeder).seedIfEmpty()).toBe(0);
  });
});
