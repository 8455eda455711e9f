import { CallDeadlinesService } from '@portal/api-applications';
import { WorkflowAutomationService } from '@portal/api-engine';
import {
  ApplicationEntity,
  ApplicationEventEntity,
  DEMO_PASSWORD,
  MembershipEntity,
  NotificationEntity,
  OrganisationEntity,
  UserEntity,
} from '@portal/api-db';
import { DigestService, NotifyService } from '@portal/api-notifications';
import { headerValue } from '@portal/api-mail';
import {
  DIALECTS,
  plainText,
  TestSmtpServer,
  waitFor,
  type ReceivedMail,
  type TestClient,
} from '@portal/api-testing';
import {
  ApiRoutes,
  type ErrorBody,
  type MailDeliveryPage,
  type MailDeliveryStats,
  type NoticePage,
  type NotificationPreferencesView,
  type UnreadNotices,
} from '@portal/contracts';
import { randomUUID } from 'node:crypto';
import { insertCall } from '../testing/factories';
import { startTestApp, type TestApp } from '../testing/test-app';
import {
  act,
  expectState,
  fileYearlyFigures,
  readyDraft,
} from '../testing/workflow-steps';

const COMPANY = 'antai@example.com';
const COUNTY = 'reviewer.jiashan@example.com';
const CITY = 'reviewer.jiaxing@example.com';
const PROVINCE = 'reviewer.zhejiang@example.com';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe.each(DIALECTS)('notifications on %s', (dialect) => {
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
    t = await startTestApp(dialect, {
      SMTP_URL: smtp.url,
      PUBLIC_URL: 'https://portal.test',
    });
    const company = await as(COMPANY);
    await fileYearlyFigures(company);
  });
  afterAll(async () => {
    await t?.close();
    await smtp?.close();
  });
  beforeEach(() => {
    smtp.clear();
    smtp.answer = () => 'accept';
  });

  /** Runs a step, waits for `count` mails, then a little longer to catch any extra one. */
  async function mailsOf(
    step: () => Promise<unknown>,
    count: number,
  ): Promise<ReceivedMail[]> {
    smtp.clear();
    await step();
    await waitFor(() => smtp.received.length >= count, 20_000);
    await sleep(700);
    return [...smtp.received];
  }

  const recipients = (mails: readonly ReceivedMail[]) =>
    mails.flatMap((m) => m.to).sort();
  const subject = (mail: ReceivedMail) =>
    headerValue(mail.raw.split(/\r?\n\r?\n/)[0] ?? '', 'Subject');

  async function atCountyReview(): Promise<string> {
    const company = await as(COMPANY);
    const callId = await insertCall(t.dataSource, 'high_tech', '330000');
    const draft = await readyDraft(company, 'high_tech', callId);
    // submit → the applicant; the passed check → the applicant and the county's reviewers.
    const mails = await mailsOf(async () => {
      expect((await act(company, draft.id, 'submit')).status).toBe(200);
      await expectState(company, draft.id, 'county_review');
    }, 3);
    expect(recipients(mails)).toEqual([COMPANY, COMPANY, COUNTY].sort());
    return draft.id;
  }

  async function setLanguage(email: string, language: 'en' | 'zh-CN') {
    await t.dataSource
      .getRepository(UserEntity)
      .update({ email }, { language });
  }

  it('a return for supplement reaches the company admin once, in their language, with the items, and the bell; the resubmission reaches the county once', async () => {
    await setLanguage(COMPANY, 'en');
    const company = await as(COMPANY);
    const county = await as(COUNTY);
    const id = await atCountyReview();
    const before = (await company.get<UnreadNotices>(ApiRoutes.myNoticesUnread))
      .body.unread;

    const returned = await mailsOf(async () => {
      const result = await act(county, id, 'return_for_supplement', {
        comment: 'Please add the signed audit report',
        items: [
          {
            target: 'special_audit_report',
            note: 'the signature page is missing',
          },
        ],
      });
      expect(result.status).toBe(200);
    }, 1);
    expect(recipients(returned)).toEqual([COMPANY]);
    const mail = returned[0] as ReceivedMail;
    const detail = await company.get<{ reference: string }>(
      ApiRoutes.application(id),
    );
    expect(subject(mail)).toContain(detail.body.reference);
    expect(subject(mail)).toMatch(/^\[GX-/);
    const text = plainText(mail.raw);
    expect(text).toContain('Dear ');
    expect(text).toContain('the signature page is missing');
    expect(text).toContain('Please add the signed audit report');
    expect(text).toContain(`https://portal.test/applications/${id}`);
    expect(mail.raw).toMatch(/Content-Type: text\/html/i);

    const notices = await company.get<NoticePage>(ApiRoutes.myNotices);
    expect(notices.status).toBe(200);
    expect(notices.body.unread).toBe(before + 1);
    const newest = notices.body.items[0];
    expect(newest).toMatchObject({
      kind: 'status_change',
      link: `/applications/${id}`,
      applicationId: id,
      readAt: null,
    });
    expect(newest?.title).toContain(detail.body.reference);
    expect(newest?.body).toContain('the signature page is missing');

    const resubmitted = await mailsOf(async () => {
      expect((await act(company, id, 'resubmit')).status).toBe(200);
    }, 1);
    expect(recipients(resubmitted)).toEqual([COUNTY]);
    // The county reviewer reads Chinese (the default) and the bureau's stage name.
    expect(subject(resubmitted[0] as ReceivedMail)).toContain('县级审核');
    await setLanguage(COMPANY, 'zh-CN');
  }, 60_000);

  it('each step of a review reaches exactly its people: recommendations to the applicant and the next desk', async () => {
    const county = await as(COUNTY);
    const city = await as(CITY);
    const id = await atCountyReview();
    const recommended = await mailsOf(async () => {
      expect(
        (await act(county, id, 'recommend', { comment: '推荐' })).status,
      ).toBe(200);
    }, 2);
    expect(recipients(recommended)).toEqual([COMPANY, CITY].sort());
    const toProvince = await mailsOf(async () => {
      expect(
        (await act(city, id, 'recommend', { comment: '推荐' })).status,
      ).toBe(200);
    }, 2);
    expect(recipients(toProvince)).toEqual([COMPANY, PROVINCE].sort());
    // Every mail carries a Message-ID of its own.
    const ids = [...recommended, ...toProvince].map((m) => m.messageId);
    expect(new Set(ids).size).toBe(ids.length);
  }, 60_000);

  it('preferences: a reviewer without status e-mails gets the notice only; a company that turned them off still gets what it must', async () => {
    const company = await as(COMPANY);
    const county = await as(COUNTY);
    const id = await atCountyReview();
    const off = await county.put<NotificationPreferencesView>(
      ApiRoutes.myNotificationPreferences,
      { statusChangeEmail: false },
    );
    expect(off.status).toBe(200);
    expect(off.body).toMatchObject({
      statusChangeEmail: false,
      reminderEmail: true,
      digestAvailable: true,
    });
    expect(
      (
        await company.put<NotificationPreferencesView>(
          ApiRoutes.myNotificationPreferences,
          { statusChangeEmail: false },
        )
      ).body.digestAvailable,
    ).toBe(false);
    const refused = await company.put<ErrorBody>(
      ApiRoutes.myNotificationPreferences,
      { dailyDigest: true },
    );
    expect(refused.status).toBe(400);
    expect(refused.body.fields?.[0]?.field).toBe('dailyDigest');
    expect(
      (
        await company.put<ErrorBody>(ApiRoutes.myNotificationPreferences, {
          statusChangeEmail: 'no',
        })
      ).status,
    ).toBe(400);

    // A return is a notice the company must get.
    const returned = await mailsOf(async () => {
      expect(
        (
          await act(county, id, 'return_for_supplement', {
            comment: '请补正',
            items: [{ target: 'other', note: '补充说明' }],
          })
        ).status,
      ).toBe(200);
    }, 1);
    expect(recipients(returned)).toEqual([COMPANY]);

    // The resubmission would mail the county reviewer, who turned that off: a notice only.
    const unreadBefore = (
      await county.get<UnreadNotices>(ApiRoutes.myNoticesUnread)
    ).body.unread;
    smtp.clear();
    expect((await act(company, id, 'resubmit')).status).toBe(200);
    await waitFor(
      async () =>
        (await county.get<UnreadNotices>(ApiRoutes.myNoticesUnread)).body
          .unread ===
        unreadBefore + 1,
      10_000,
    );
    await sleep(1000);
    expect(smtp.received).toEqual([]);

    // A recommendation is progress, not a decision: the company that opted out hears in the portal.
    const recommended = await mailsOf(async () => {
      expect(
        (await act(county, id, 'recommend', { comment: '推荐' })).status,
      ).toBe(200);
    }, 1);
    expect(recipients(recommended)).toEqual([CITY]);

    for (const client of [company, county])
      await client.put(ApiRoutes.myNotificationPreferences, {
        statusChangeEmail: true,
      });
  }, 60_000);

  it('enterprise members hear only when they opted in', async () => {
    const org = await t.dataSource
      .getRepository(OrganisationEntity)
      .findOneByOrFail({ name: await companyName() });
    const member = await t.dataSource.getRepository(UserEntity).save({
      id: randomUUID(),
      email: `member-${dialect}@example.com`,
      name: '成员',
      phone: null,
      passwordHash: 'x',
      language: 'zh-CN',
      totpSecret: null,
      totpEnabledAt: null,
      disabledAt: null,
    });
    await t.dataSource.getRepository(MembershipEntity).insert({
      id: randomUUID(),
      userId: member.id,
      organisationId: org.id,
      role: 'enterprise_member',
    });
    await atCountyReview(); // asserts the member got nothing
    await t.dataSource.getRepository('notification_preferences').insert({
      userId: member.id,
      category: 'status_change',
      email: true,
      updatedAt: new Date(),
    });
    const county = await as(COUNTY);
    const company = await as(COMPANY);
    const callId = await insertCall(t.dataSource, 'high_tech', '330000');
    const draft = await readyDraft(company, 'high_tech', callId);
    const mails = await mailsOf(async () => {
      expect((await act(company, draft.id, 'submit')).status).toBe(200);
      await expectState(company, draft.id, 'county_review');
    }, 5);
    expect(recipients(mails)).toEqual(
      [COMPANY, COMPANY, member.email, member.email, COUNTY].sort(),
    );
    void county;
    await t.dataSource
      .getRepository(MembershipEntity)
      .delete({ userId: member.id });
  }, 60_000);

  async function companyName(): Promise<string> {
    const company = await as(COMPANY);
    return (await company.get<{ name: string }>(ApiRoutes.myCompany)).body.name;
  }

  it('a reviewer on the daily digest gets one mail listing the day’s cases, once', async () => {
    const county = await as(COUNTY);
    const city = await as(CITY);
    expect(
      (
        await city.put<NotificationPreferencesView>(
          ApiRoutes.myNotificationPreferences,
          { dailyDigest: true },
        )
      ).body.dailyDigest,
    ).toBe(true);
    const first = await atCountyReview();
    const second = await atCountyReview();
    const held = await mailsOf(async () => {
      for (const id of [first, second])
        expect(
          (await act(county, id, 'recommend', { comment: '推荐' })).status,
        ).toBe(200);
    }, 2);
    expect(recipients(held)).toEqual([COMPANY, COMPANY]);

    const digest = await mailsOf(() => t.app.get(DigestService).run(), 1);
    expect(recipients(digest)).toEqual([CITY]);
    const text = plainText((digest[0] as ReceivedMail).raw);
    for (const id of [first, second]) {
      const reference = (
        await county.get<{ reference: string }>(ApiRoutes.application(id))
      ).body.reference;
      expect(text).toContain(reference);
    }
    smtp.clear();
    expect(await t.app.get(DigestService).run()).toBe(0);
    await sleep(700);
    expect(smtp.received).toEqual([]);
    await city.put(ApiRoutes.myNotificationPreferences, { dailyDigest: false });
  }, 60_000);

  it('timers notify too: the reminder reaches the desk, the escalation also the supervising level, the draft reminder the company', async () => {
    const automation = t.app.get(WorkflowAutomationService);
    const id = await atCountyReview();
    const application = await t.dataSource
      .getRepository(ApplicationEntity)
      .findOneByOrFail({ id });
    const event = await t.dataSource
      .getRepository(ApplicationEventEntity)
      .findOneByOrFail({ applicationId: id, seq: application.eventCount });
    const job = { applicationId: id, eventId: event.id, seq: event.seq };

    const reminded = await mailsOf(
      () => automation.stageDeadline(job, 'reminder'),
      1,
    );
    expect(recipients(reminded)).toEqual([COUNTY]);
    expect(subject(reminded[0] as ReceivedMail)).toContain('办理提醒');
    const escalated = await mailsOf(
      () => automation.stageDeadline(job, 'escalation'),
      2,
    );
    expect(recipients(escalated)).toEqual([COUNTY, CITY].sort());
    expect(subject(escalated[0] as ReceivedMail)).toContain('超期督办');
    // A timer that fires twice reminds once.
    smtp.clear();
    await automation.stageDeadline(job, 'reminder');
    await sleep(1000);
    expect(smtp.received).toEqual([]);

    const company = await as(COMPANY);
    const callId = await insertCall(t.dataSource, 'high_tech', '330000', {
      daysOpen: 2,
      title: '即将截止的批次',
    });
    const draft = await readyDraft(company, 'high_tech', callId);
    const drafts = await mailsOf(
      () => t.app.get(CallDeadlinesService).tick(),
      1,
    );
    expect(recipients(drafts)).toEqual([COMPANY]);
    expect(subject(drafts[0] as ReceivedMail)).toContain('即将截止的批次');
    expect(plainText((drafts[0] as ReceivedMail).raw)).toContain(
      draft.reference,
    );
  }, 60_000);

  it('a notify job that runs again writes and sends nothing more', async () => {
    const id = await atCountyReview();
    const rows = t.dataSource.getRepository(NotificationEntity);
    const written = await rows.countBy({ applicationId: id });
    const lastEvent = await rows.findOneOrFail({
      where: { applicationId: id, channel: 'email' },
      order: { createdAt: 'DESC' },
    });
    smtp.clear();
    await t.app.get(NotifyService).notify({
      kind: 'status_change',
      applicationId: id,
      eventId: lastEvent.eventId,
    });
    await sleep(1000);
    expect(await rows.countBy({ applicationId: id })).toBe(written);
    expect(smtp.received).toEqual([]);
  }, 60_000);

  it('451 answers are retried with backoff and the mail arrives once', async () => {
    const county = await as(COUNTY);
    const id = await atCountyReview();
    let refusals = 0;
    smtp.answer = (to) =>
      to.includes(COMPANY) && refusals++ < 2
        ? { code: 451, message: '4.3.0 Try again later' }
        : 'accept';
    const mails = await mailsOf(async () => {
      expect(
        (await act(county, id, 'recommend', { comment: '推荐' })).status,
      ).toBe(200);
    }, 2);
    expect(recipients(mails)).toEqual([COMPANY, CITY].sort());
    expect(smtp.refused).toBe(2);
    const row = await t.dataSource
      .getRepository(NotificationEntity)
      .findOneByOrFail({
        applicationId: id,
        channel: 'email',
        address: COMPANY,
        kind: 'status_change',
        status: 'sent',
        attempts: 3,
      });
    expect(row.lastError).toBeNull();
    expect(row.acceptedAt).not.toBeNull();
  }, 60_000);

  it('a 550 answer marks the mail failed without retrying; an administrator sends it again', async () => {
    const county = await as(COUNTY);
    const admin = await as('sysadmin@example.com');
    const id = await atCountyReview();
    smtp.answer = (to) =>
      to.includes(CITY)
        ? { code: 550, message: '5.1.1 Mailbox unavailable' }
        : 'accept';
    await mailsOf(async () => {
      expect(
        (await act(county, id, 'recommend', { comment: '推荐' })).status,
      ).toBe(200);
    }, 1);
    const rows = t.dataSource.getRepository(NotificationEntity);
    await waitFor(
      async () =>
        (await rows.countBy({
          applicationId: id,
          address: CITY,
          status: 'failed',
        })) === 1,
      10_000,
    );
    await sleep(3500); // longer than the first backoffs: nothing may be retried
    expect(smtp.refused).toBe(1);
    const failed = await admin.get<MailDeliveryPage>(
      `${ApiRoutes.mailDeliveries}?status=failed`,
    );
    expect(failed.status).toBe(200);
    const entry = failed.body.items.find((m) => m.applicationId === id);
    expect(entry).toMatchObject({ to: CITY, status: 'failed', attempts: 1 });
    expect(entry?.lastError).toMatch(/550/);

    const company = await as(COMPANY);
    expect((await company.get(ApiRoutes.mailDeliveries)).status).toBe(403);
    expect(
      (await company.post(ApiRoutes.mailDeliveryRetry(entry?.id as string), {}))
        .status,
    ).toBe(403);
    expect(
      (await admin.get<ErrorBody>(`${ApiRoutes.mailDeliveries}?status=lost`))
        .status,
    ).toBe(400);

    smtp.answer = () => 'accept';
    const retried = await mailsOf(async () => {
      expect(
        (await admin.post(ApiRoutes.mailDeliveryRetry(entry?.id as string), {}))
          .status,
      ).toBe(204);
    }, 1);
    expect(recipients(retried)).toEqual([CITY]);
    expect(
      (
        await admin.post<ErrorBody>(
          ApiRoutes.mailDeliveryRetry(entry?.id as string),
          {},
        )
      ).status,
    ).toBe(409);
    expect((await rows.findOneByOrFail({ id: entry?.id })).status).toBe('sent');
    const stats = await admin.get<MailDeliveryStats>(
      ApiRoutes.mailDeliveryStats,
    );
    expect(stats.status).toBe(200);
    expect(stats.body.byStatus.sent).toBeGreaterThan(0);
    expect(stats.body.commitToAcceptMs.p95).toBeGreaterThanOrEqual(0);
    expect(stats.body.accepted).toBeGreaterThan(0);
    const last = Date.parse(stats.body.lastAcceptedAt ?? '');
    expect(Math.abs(Date.now() - last)).toBeLessThan(10 * 60_000);
    expect(Date.parse(stats.body.firstAcceptedAt ?? '')).toBeLessThanOrEqual(
      last,
    );
  }, 60_000);

  it('the bell: unread count, mark one and all read, newest first in pages, nobody else’s notices', async () => {
    const company = await as(COMPANY);
    const county = await as(COUNTY);
    await atCountyReview();
    const page1 = await company.get<NoticePage>(
      `${ApiRoutes.myNotices}?limit=2`,
    );
    expect(page1.body.items).toHaveLength(2);
    expect(page1.body.nextCursor).not.toBeNull();
    const page2 = await company.get<NoticePage>(
      `${ApiRoutes.myNotices}?limit=2&cursor=${page1.body.nextCursor}`,
    );
    const seen = [...page1.body.items, ...page2.body.items].map((n) => n.id);
    expect(new Set(seen).size).toBe(seen.length);
    const times = [...page1.body.items, ...page2.body.items].map(
      (n) => n.createdAt,
    );
    expect([...times].sort().reverse()).toEqual(times);

    const one = page1.body.items[0]?.id as string;
    expect((await county.post(ApiRoutes.myNoticeRead(one), {})).status).toBe(
      404,
    );
    const unread = (await company.get<UnreadNotices>(ApiRoutes.myNoticesUnread))
      .body.unread;
    expect((await company.post(ApiRoutes.myNoticeRead(one), {})).status).toBe(
      204,
    );
    expect(
      (await company.get<UnreadNotices>(ApiRoutes.myNoticesUnread)).body.unread,
    ).toBe(unread - 1);
    expect((await company.post(ApiRoutes.myNoticesReadAll, {})).status).toBe(
      204,
    );
    expect(
      (await company.get<UnreadNotices>(ApiRoutes.myNoticesUnread)).body.unread,
    ).toBe(0);
    expect(
      (await company.get<NoticePage>(`${ApiRoutes.myNotices}?unreadOnly=true`))
        .body.items,
    ).toEqual([]);
    expect(
      (await county.get<UnreadNotices>(ApiRoutes.myNoticesUnread)).body.unread,
    ).toBeGreaterThan(0);
    expect(
      (await company.get(`${ApiRoutes.myNotices}?cursor=nonsense`)).status,
    ).toBe(400);
    expect(
      (await company.get(`${ApiRoutes.myNotices}?limit=1000`)).status,
    ).toBe(400);
    expect(
      (await company.post(ApiRoutes.myNoticeRead('not-a-uuid'), {})).status,
    ).toBe(400);
  }, 60_000);
});
