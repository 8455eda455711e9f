import { CallEntity, OutboxEntity } from '@portal/api-db';
import { DIALECTS, waitFor } from '@portal/api-testing';
import { ApiRoutes, type ApplicationDetail } from '@portal/contracts';
import { CallDeadlinesService } from '@portal/api-applications';
import { JobProducer } from '@portal/api-jobs';
import { currentWorkflow, stateOf } from '@portal/domain';
import { addWorkingDays } from '@portal/domain/calendar';
import { expectNotifiedAsDefined } from '../testing/notified-as-defined';
import type { TestApp } from '../testing/test-app';
import { act, readyDraft } from '../testing/workflow-steps';
import { workflowSuite } from '../testing/workflow-suite';

describe.each(DIALECTS)('clocks and calendars on %s', (dialect) => {
  const suite = workflowSuite(dialect);
  const { as, openCall } = suite;
  let t: TestApp;
  beforeAll(() => {
    t = suite.t;
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
    const submitted: string[] = [];
    /** The due date (China) a new submission gets. */
    const dueOfNewSubmission = async () => {
      const draft = await readyDraft(antai, 'innovation_voucher', call);
      expect((await act(antai, draft.id, 'submit')).status).toBe(200);
      submitted.push(draft.id);
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
    await expectNotifiedAsDefined(t, suite.smtp, submitted);
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
      (await act(county, draft.id, 'reject', { comment: '不符合条件' })).status,
    ).toBe(200);
    const reminder = await jobOf('stage-reminder');
    await reminder.promote();
    expect(await reminder.finished()).toBe('skipped');
    await expectNotifiedAsDefined(t, suite.smtp, [draft.id]);
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

    await calls.update({ id: soon }, { closesAt: new Date(Date.now() - 1000) });
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
});
