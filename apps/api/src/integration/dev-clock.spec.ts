import { chinaDate } from '@portal/api-core';
import {
  AuditLogEntity,
  DEMO_PASSWORD,
  GrantEntity,
  OutboxEntity,
} from '@portal/api-db';
import { DIALECTS } from '@portal/api-testing';
import {
  ApiRoutes,
  type ApplicationDetail,
  type ErrorBody,
  type MoveClockResult,
  type PortalClockView,
  type StartNoticeResult,
} from '@portal/contracts';
import { startTestApp } from '../testing/test-app';
import {
  atProvincialReview,
  bullJobOf,
  PASSING_SCORE,
  scoredByPanel,
} from '../testing/walks';
import { expectState } from '../testing/workflow-steps';
import { workflowSuite } from '../testing/workflow-suite';

const DAY_MS = 86_400_000;
const SYSTEM_ADMIN = 'sysadmin@example.com';

describe.each(DIALECTS)('the development clock on %s', (dialect) => {
  const suite = workflowSuite(dialect);
  const { as } = suite;

  it('reads the real time while nobody has moved it, for anyone', async () => {
    const clock = await suite.t.client().get<PortalClockView>(ApiRoutes.clock);
    expect(clock.status).toBe(200);
    expect(clock.body).toMatchObject({
      offsetMs: 0,
      moved: false,
      movable: true,
    });
    expect(Math.abs(Date.parse(clock.body.now) - Date.now())).toBeLessThan(
      5_000,
    );
  });

  it('lets only a system administrator move it, and never backwards', async () => {
    for (const who of ['antai@example.com', 'reviewer.zhejiang@example.com']) {
      const refused = await (
        await as(who)
      ).post<ErrorBody>(ApiRoutes.adminClock, { advanceDays: 1 });
      expect(refused.status).toBe(403);
    }
    const admin = await as(SYSTEM_ADMIN);
    const back = await admin.post<ErrorBody>(ApiRoutes.adminClock, {
      advanceTo: new Date(Date.now() - DAY_MS).toISOString(),
    });
    expect(back.status).toBe(400);
    expect(back.body.fields?.[0]).toMatchObject({
      field: 'advanceTo',
      code: 'clock.backwards',
    });
    for (const body of [
      {},
      { advanceDays: 1, advanceTo: new Date().toISOString() },
      { advanceDays: 0 },
      { advanceDays: 1.5 },
      { advanceTo: 'next tuesday' },
    ])
      expect((await admin.post(ApiRoutes.adminClock, body)).status).toBe(400);
    expect(
      (await suite.t.client().get<PortalClockView>(ApiRoutes.clock)).body.moved,
    ).toBe(false);
  });

  it('certifies a high-tech case in public notice when the administrator moves the clock past the notice’s end: the notice’s Bull job runs, the certificate is dated in the moved time, the move is audited', async () => {
    const antai = await as('antai@example.com');
    const province = await as('reviewer.zhejiang@example.com');
    const id = await atProvincialReview(suite, antai);
    await scoredByPanel(suite, id, PASSING_SCORE);
    const seen = (
      await province.get<ApplicationDetail>(ApiRoutes.application(id))
    ).body.version;
    const started = await province.post<StartNoticeResult>(
      ApiRoutes.publicNotices,
      { applications: [{ id, version: seen }] },
    );
    expect(started.body.results).toEqual([{ id, started: true, error: null }]);
    const inNotice = await expectState(antai, id, 'public_notice');
    const noticeEnds = inNotice.dueAt;
    if (!noticeEnds) throw new Error('a public notice without an end');
    // The notice's end waits in Bull as a delayed job, ten working days away in real time.
    const [timer] = await suite.t.dataSource
      .getRepository(OutboxEntity)
      .find({ where: { applicationId: id, jobName: 'time-limit-end' } });
    expect(timer?.runAt.toISOString()).toBe(noticeEnds);

    const admin = await as(SYSTEM_ADMIN);
    const target = new Date(Date.parse(noticeEnds) + 2 * 3_600_000);
    const moved = await admin.post<MoveClockResult>(ApiRoutes.adminClock, {
      advanceTo: target.toISOString(),
    });
    expect(moved.status).toBe(200);
    expect(moved.body).toMatchObject({ moved: true, pending: 0 });
    expect(moved.body.fired).toBeGreaterThanOrEqual(1);
    expect(Date.parse(moved.body.now)).toBeGreaterThanOrEqual(target.getTime());

    // Certified by the notice's own job, which ran with the clock at the notice's end.
    const certified = await expectState(antai, id, 'certified');
    const certificate = certified.decision.certificate;
    if (!certificate) throw new Error('certified without a certificate');
    expect([
      chinaDate(new Date(noticeEnds)),
      chinaDate(new Date(Date.parse(noticeEnds) + 1)),
    ]).toContain(certificate.issuedOn);
    expect(certificate.issuedOn > chinaDate(new Date())).toBe(true);
    expect(certificate.validUntil.slice(0, 4)).toBe(
      String(Number(certificate.issuedOn.slice(0, 4)) + 3),
    );
    expect(
      await suite.t.dataSource
        .getRepository(GrantEntity)
        .findOneByOrFail({ applicationId: id }),
    ).toMatchObject({ validUntil: certificate.validUntil });
    const ending = certified.events.at(-1);
    expect(Date.parse(ending?.createdAt ?? '')).toBeGreaterThanOrEqual(
      Date.parse(noticeEnds),
    );
    if (!timer) throw new Error('no notice timer');
    expect(await (await bullJobOf(suite.t, 'workflow', timer)).getState()).toBe(
      'completed',
    );

    // Every page hears of it: the clock reads the moved time.
    const clock = await suite.t.client().get<PortalClockView>(ApiRoutes.clock);
    expect(clock.body.moved).toBe(true);
    expect(clock.body.offsetMs).toBeGreaterThan(9 * DAY_MS);

    const [entry] = await suite.t.dataSource
      .getRepository(AuditLogEntity)
      .find({ where: { action: 'clock.moved' } });
    expect(entry).toMatchObject({
      result: 'success',
      userEmail: SYSTEM_ADMIN,
    });
    expect(JSON.parse(entry?.detail ?? '{}')).toMatchObject({
      from: moved.body.from,
      to: target.toISOString(),
    });

    // It does not go back: a time before the moved now is refused.
    const back = await admin.post<ErrorBody>(ApiRoutes.adminClock, {
      advanceTo: new Date(target.getTime() - DAY_MS).toISOString(),
    });
    expect(back.status).toBe(400);
  });

  it('is not there with DEV_CLOCK off (as always in production): the move answers 404, the clock reads real time', async () => {
    const off = await startTestApp(dialect, { DEV_CLOCK: 'false' });
    try {
      const admin = off.client();
      expect((await admin.login(SYSTEM_ADMIN, DEMO_PASSWORD)).status).toBe(200);
      const refused = await admin.post<ErrorBody>(ApiRoutes.adminClock, {
        advanceDays: 1,
      });
      expect(refused.status).toBe(404);
      expect(
        (await admin.get<PortalClockView>(ApiRoutes.clock)).body,
      ).toMatchObject({ offsetMs: 0, moved: false, movable: false });
      expect(
        await off.dataSource
          .getRepository(AuditLogEntity)
          .countBy({ action: 'clock.moved' }),
      ).toBe(0);
    } finally {
      await off.close();
    }
  });
});
