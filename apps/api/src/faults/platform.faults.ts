import { readdirSync, readFileSync } from 'node:fs';
import { DEMO_PASSWORD } from '@portal/api-db';
import {
  TestMariaDbServer,
  TestRedisServer,
  TestSmtpServer,
  waitFor,
  type TestClient,
} from '@portal/api-testing';
import {
  ApiRoutes,
  type ActionResult,
  type ApplicationDetail,
  type HealthView,
} from '@portal/contracts';
import Redis from 'ioredis';
import { insertCall } from '../testing/factories';
import {
  startTestApp,
  TEST_PERSONAL_DATA_KEYS,
  type TestApp,
} from '../testing/test-app';
import { act, fileYearlyFigures, readyDraft } from '../testing/workflow-steps';
import { addCountyReviewers } from './county-reviewers';
import { httpClient } from './http-client';
import { freePort, NginxProxy } from './nginx';
import { PortalProcess } from './portal-process';
import { reconcile, report } from './reconcile';
import {
  CUT_OFF_SEND_RETRY_MS,
  FAULT_RECOVERY_ENV,
  REDIS_OUTAGE_MS,
  STALLED_RERUN_MS,
} from './recovery-timings';

const MAIL_HOST = 'portal.test';
/** Every API process must sign sessions and CSRF secrets alike, as behind a load balancer. */
const SESSION_SECRET = 'fault-suite-session-secret-shared-by-every-api-process';
/** Bull queues whose jobs the outbox feeds. */
const QUEUES = ['workflow', 'timers', 'notifications'] as const;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * The portal as deployed: the built API and worker as processes of their own (later two of
 * each behind nginx), a private MariaDB, Redis and SMTP server. Each case breaks one of them
 * under a load of submissions and approvals, then reconciles: every transition whole and once,
 * every outbox row done once, every mail delivered once.
 */
describe('the portal under faults (API and worker processes, own MariaDB, Redis, SMTP and nginx)', () => {
  let mariadb: TestMariaDbServer;
  let redis: TestRedisServer;
  let smtp: TestSmtpServer;
  let t: TestApp;
  let env: Record<string, string>;
  let api: PortalProcess;
  let worker: PortalProcess;
  let company: TestClient;
  let county: TestClient;
  let callId: string;
  const extra: { stop(): Promise<void> }[] = [];

  beforeAll(async () => {
    mariadb = await TestMariaDbServer.start();
    redis = await TestRedisServer.start();
    smtp = await TestSmtpServer.start();
    // In-process only to migrate and seed the private database and to read it; it serves nothing.
    t = await startTestApp('mariadb', {
      DATABASE_URL: mariadb.url,
      REDIS_URL: redis.url,
      SMTP_URL: smtp.url,
      RUN_WORKERS: 'false',
      PUBLIC_URL: `https://${MAIL_HOST}`,
      ...FAULT_RECOVERY_ENV,
    });
    env = {
      NODE_ENV: 'test',
      DATABASE_URL: mariadb.url,
      DATA_DIR: t.db.dataDir,
      // The key the in-process app sealed the seeded phone numbers with.
      PERSONAL_DATA_KEYS: TEST_PERSONAL_DATA_KEYS,
      REDIS_URL: redis.url,
      REDIS_PREFIX: t.config.redisPrefix,
      SMTP_URL: smtp.url,
      PUBLIC_URL: `https://${MAIL_HOST}`,
      SESSION_SECRET,
      SEED_DEMO_DATA: 'false',
      AUTH_RATE_LIMIT_PER_MINUTE: '100000',
      LOG_LEVEL: 'warn',
      ...FAULT_RECOVERY_ENV,
    };
    api = await startApi();
    worker = startableWorker();
    await worker.start();
    company = await login(api.url, 'antai@example.com');
    county = await login(api.url, 'reviewer.jiashan@example.com');
    await fileYearlyFigures(company);
    callId = await insertCall(t.dataSource, 'high_tech', '330000');
  });

  afterAll(async () => {
    for (const child of extra.reverse()) await child.stop();
    await api?.stop();
    await worker?.stop();
    await t?.close();
    await smtp?.close();
    await redis?.dispose();
    await mariadb?.dispose();
  });

  async function startApi(): Promise<PortalProcess> {
    const started = new PortalProcess('api', {
      ...env,
      PORT: String(await freePort()),
      RUN_WORKERS: 'false',
    });
    await started.start();
    return started;
  }

  /** The worker says it is ready at info level. */
  function startableWorker(): PortalProcess {
    return new PortalProcess('worker', { ...env, LOG_LEVEL: 'info' });
  }

  /**
   * Drafts ready to submit (form, figures, materials), filed before the fault. One at a time:
   * filed in parallel by one company, draft creation answered 500 (see the report).
   */
  async function drafts(client: TestClient, count: number): Promise<string[]> {
    const ids: string[] = [];
    for (let i = 0; i < count; i++)
      ids.push((await readyDraft(client, 'high_tech', callId)).id);
    return ids;
  }

  async function submitAll(
    client: TestClient,
    ids: readonly string[],
  ): Promise<number[]> {
    return Promise.all(
      ids.map(async (id) => (await act(client, id, 'submit')).status),
    );
  }

  function recommend(client: TestClient, id: string) {
    return act(client, id, 'recommend', { comment: '同意推荐' });
  }

  async function countWhere(sql: string, ids: readonly string[]) {
    const rows = (await t.dataSource.query(
      sql.replace('(:ids)', `(${ids.map(() => '?').join(',')})`),
      [...ids],
    )) as { n: string }[];
    return Number(rows[0]?.n);
  }

  async function inState(ids: readonly string[], state: string, ms: number) {
    await waitFor(
      async () =>
        (await countWhere(
          `SELECT COUNT(*) AS n FROM applications WHERE id IN (:ids) AND state = '${state}'`,
          ids,
        )) === ids.length,
      ms,
    );
  }

  async function figures(ids: readonly string[], deadlineMs = 60_000) {
    return reconcile({
      dataSource: t.dataSource,
      smtp,
      applicationIds: ids,
      mailHost: MAIL_HOST,
      deadlineMs,
    });
  }

  it('API SIGKILLed between commit and hand-over: the committed outbox rows stay, the worker’s sweeper hands them over, each automated check runs once', async () => {
    const ids = await drafts(company, 8);
    // A stopped (not dead) Redis: the post-commit hand-over hangs, the transaction is done.
    const redisPid = childPid('redis-server', redis.port);
    process.kill(redisPid, 'SIGSTOP');
    let stranded: number;
    try {
      expect(await submitAll(company, ids)).toEqual(ids.map(() => 200));
      const undispatched = () =>
        countWhere(
          'SELECT COUNT(*) AS n FROM outbox WHERE application_id IN (:ids) AND dispatched_at IS NULL',
          ids,
        );
      await waitFor(async () => (await undispatched()) >= ids.length, 10_000);
      await api.kill();
      stranded = await undispatched();
    } finally {
      process.kill(redisPid, 'SIGCONT');
    }
    const resumed = Date.now();
    await waitFor(
      async () =>
        (await countWhere(
          'SELECT COUNT(*) AS n FROM outbox WHERE application_id IN (:ids) AND dispatched_at IS NULL',
          ids,
        )) === 0,
      30_000,
    );
    const handedOverMs = Date.now() - resumed;
    const result = await figures(ids);
    expect(result.automatedChecks).toBe(ids.length);
    await inState(ids, 'county_review', 10_000);
    report('API SIGKILL between commit and hand-over', {
      stranded,
      handedOverMs,
      ...result,
    });
    api = await startApi();
    company = await login(api.url, 'antai@example.com');
    county = await login(api.url, 'reviewer.jiashan@example.com');
  });

  it(`Redis down for ${REDIS_OUTAGE_MS / 1000} s while companies keep submitting: submissions succeed, health says degraded, the queue resumes within 10 s and the outbox drains within 60 s`, async () => {
    const ids = await drafts(company, 10);
    await redis.kill();
    const down = Date.now();
    const statuses: number[] = [];
    const health: { status: number; body: HealthView }[] = [];
    for (const [i, id] of ids.entries()) {
      statuses.push((await act(company, id, 'submit')).status);
      health.push(await company.get<HealthView>(ApiRoutes.health));
      await sleep(
        down + ((i + 1) * REDIS_OUTAGE_MS * 0.9) / ids.length - Date.now(),
      );
    }
    await sleep(down + REDIS_OUTAGE_MS - Date.now());
    expect(statuses).toEqual(ids.map(() => 200));
    for (const h of health) {
      expect(h.status).toBe(503);
      expect(h.body).toEqual({
        status: 'degraded',
        database: 'up',
        redis: 'down',
      });
    }
    await redis.restart();
    const up = Date.now();
    await waitFor(async () => {
      const h = await company.get<HealthView>(ApiRoutes.health);
      const checked = await countWhere(
        'SELECT COUNT(*) AS n FROM outbox WHERE application_id IN (:ids) AND completed_at IS NOT NULL',
        ids,
      );
      return h.status === 200 && checked > 0;
    }, 10_000);
    const resumedMs = Date.now() - up;
    const result = await figures(ids, 60_000);
    expect(result.automatedChecks).toBe(ids.length);
    report(`Redis down ${REDIS_OUTAGE_MS / 1000} s`, {
      outageMs: up - down,
      submitted: statuses.length,
      degradedAnswers: health.length,
      resumedMs,
      ...result,
      drainedInMs: Date.now() - up,
    });
  });

  it('MariaDB SIGKILLed mid-transaction under a burst of approvals: answers during the outage are 503 without a partial write; after the restart every approval goes through once', async () => {
    const ids = await drafts(company, 12);
    expect(await submitAll(company, ids)).toEqual(ids.map(() => 200));
    await inState(ids, 'county_review', 30_000);
    await figures(ids); // the submissions' mails are out before the fault
    const statuses: number[] = [];
    const running: Promise<void>[] = [];
    let killed: Promise<void> | null = null;
    let inFlightAtKill = 0;
    // Killed as the first approval goes through, while the next ones are mid-transaction.
    for (const id of ids) {
      running.push(
        recommend(county, id).then((r) => {
          statuses.push(r.status);
          if (r.status === 200 && !killed) {
            inFlightAtKill = running.length - statuses.length;
            killed = mariadb.kill();
          }
        }),
      );
      await sleep(100);
    }
    await (killed ?? mariadb.kill());
    await sleep(2000);
    await mariadb.restart();
    const up = Date.now();
    await Promise.all(running);
    await waitFor(
      async () => (await county.get(ApiRoutes.health)).status === 200,
      10_000,
    );
    const healthyMs = Date.now() - up;
    // Every answer is a decision: done (200) or "briefly unavailable, try again" (503).
    expect(statuses.filter((s) => s !== 200 && s !== 503)).toEqual([]);
    expect(statuses.filter((s) => s === 503).length).toBeGreaterThan(0);
    // What a reviewer does after a 503: look again, and approve what is still waiting.
    const retried: number[] = [];
    for (const id of ids) {
      const detail = await county.get<ApplicationDetail>(
        ApiRoutes.application(id),
      );
      if (detail.body.status.state === 'county_review')
        retried.push((await recommend(county, id)).status);
    }
    expect(retried).toEqual(retried.map(() => 200));
    await inState(ids, 'city_review', 10_000);
    expect(
      await countWhere(
        "SELECT COUNT(*) AS n FROM application_events WHERE application_id IN (:ids) AND action = 'recommend'",
        ids,
      ),
    ).toBe(ids.length);
    const cutOff = (
      (await t.dataSource.query(
        "SELECT id FROM notifications WHERE channel = 'email' AND status = 'sending'",
      )) as { id: string }[]
    ).map((r) => r.id);
    report('MariaDB SIGKILL (answers)', {
      inFlightAtKill,
      answered200: statuses.filter((s) => s === 200).length,
      answered503: statuses.filter((s) => s === 503).length,
      retried: retried.length,
      healthyMs,
      sendsCutOff: cutOff.length,
    });
    // A send cut off between acceptance and record is retried once its claim runs out, and the
    // relay checks a row it could not mark done against Redis after the re-dispatch period.
    report(
      'MariaDB SIGKILL (reconciled)',
      await reconcile({
        dataSource: t.dataSource,
        smtp,
        applicationIds: ids,
        mailHost: MAIL_HOST,
        deadlineMs: CUT_OFF_SEND_RETRY_MS + 40_000,
        mayRepeat: cutOff,
      }),
    );
  });

  it('50 parallel approvals of one stage while a burst of submissions runs: one 200, 49 × 409, one event, one outbox row', async () => {
    const [target = '', ...burst] = await drafts(company, 9);
    expect(await submitAll(company, [target])).toEqual([200]);
    await inState([target], 'county_review', 30_000);
    const seen = (
      await county.get<ApplicationDetail>(ApiRoutes.application(target))
    ).body.version;
    const [approvals, submissions] = await Promise.all([
      Promise.all(
        Array.from({ length: 50 }, () =>
          county.post<ActionResult>(ApiRoutes.applicationActions(target), {
            action: 'recommend',
            version: seen,
            comment: '同意推荐',
          }),
        ),
      ),
      submitAll(company, burst),
    ]);
    const statuses = approvals.map((r) => r.status);
    expect(statuses.filter((s) => s === 200)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(49);
    expect(submissions).toEqual(burst.map(() => 200));
    const events = (await t.dataSource.query(
      "SELECT id FROM application_events WHERE application_id = ? AND action = 'recommend'",
      [target],
    )) as { id: string }[];
    expect(events).toHaveLength(1);
    const rows = (await t.dataSource.query(
      'SELECT job_name FROM outbox WHERE event_id = ?',
      [events[0]?.id],
    )) as { job_name: string }[];
    expect(rows.filter((r) => r.job_name === 'notify')).toHaveLength(1);
    expect(new Set(rows.map((r) => r.job_name)).size).toBe(rows.length);
    const result = await figures([target, ...burst]);
    report('50 parallel approvals', {
      ok: 1,
      conflicts: 49,
      outboxRowsOfTheApproval: rows.length,
      ...result,
    });
  });

  it(`two APIs and two workers behind nginx, one worker SIGKILLed mid-burst: its stalled jobs re-run once their lock runs out (within ${(STALLED_RERUN_MS + 10_000) / 1000} s) and everything reconciles`, async () => {
    const api2 = await startApi();
    extra.push(api2);
    const worker2 = startableWorker();
    await worker2.start();
    extra.push(worker2);
    const nginx = await NginxProxy.start([
      Number(new URL(api.url).port),
      Number(new URL(api2.url).port),
    ]);
    extra.push(nginx);
    // More mail per status change, so that jobs are in flight when the worker dies.
    await addCountyReviewers(t.dataSource, 30);
    const viaProxy = await login(nginx.url, 'antai@example.com');
    const reviewer = await login(nginx.url, 'reviewer.jiashan@example.com');
    const ids = await drafts(viaProxy, 10);
    const waiting = (await t.dataSource.query(
      "SELECT id FROM applications WHERE state = 'county_review'",
    )) as { id: string }[];

    const burst = Promise.all([
      submitAll(viaProxy, ids),
      Promise.all(
        waiting.map(async ({ id }) => (await recommend(reviewer, id)).status),
      ),
    ]);
    const bull = new Redis(redis.url);
    const prefix = env['REDIS_PREFIX'];
    const active = async () =>
      (
        await Promise.all(
          QUEUES.map(async (q) =>
            (await bull.lrange(`${prefix}:${q}:active`, 0, -1)).map(
              (id) => `${q}:${id}`,
            ),
          ),
        )
      ).flat();
    let atKill: string[] = [];
    await waitFor(async () => (atKill = await active()).length >= 3, 60_000);
    await worker2.kill();
    const killed = Date.now();
    const [submitted, recommended] = await burst;
    expect(submitted).toEqual(ids.map(() => 200));
    expect(recommended).toEqual(waiting.map(() => 200));
    const job = async (key: string) => {
      const [queue, ...id] = key.split(':');
      const hash = `${prefix}:${queue}:${id.join(':')}`;
      const [finishedOn, processedOn] = await bull.hmget(
        hash,
        'finishedOn',
        'processedOn',
      );
      // A hash already trimmed away (removeOnComplete) counts as finished.
      const gone = finishedOn === null && processedOn === null;
      return {
        finished: gone || finishedOn !== null,
        processedOn: Number(processedOn ?? Date.now()),
      };
    };
    await sleep(2000);
    // Jobs still unfinished 2 s after the kill were the dead worker's (the other one finishes
    // its own in milliseconds, and the dead one's locks hold for at least half their length):
    // they must be taken up again — processed anew — once their locks have run out.
    const stalled: string[] = [];
    for (const key of atKill) if (!(await job(key)).finished) stalled.push(key);
    try {
      await waitFor(
        async () => {
          for (const key of stalled)
            if ((await job(key)).processedOn < killed) return false;
          return true;
        },
        STALLED_RERUN_MS + 10_000 - (Date.now() - killed),
      );
    } finally {
      bull.disconnect();
    }
    const stalledRerunMs = Date.now() - killed;
    const result = await figures([...ids, ...waiting.map((w) => w.id)]);
    expect(result.automatedChecks).toBeGreaterThanOrEqual(ids.length);
    report('nginx, 2 APIs, 2 workers, one worker SIGKILL', {
      activeAtKill: atKill.length,
      stalled: stalled.length,
      stalledRerunMs,
      mailsReceived: smtp.received.length,
      ...result,
    });
  });
});

/** Signs in over HTTP; the session lives in the database, so any API process honours it. */
async function login(baseUrl: string, email: string): Promise<TestClient> {
  const client = httpClient(baseUrl);
  expect((await client.login(email, DEMO_PASSWORD)).status).toBe(200);
  return client;
}

/** The pid of a server this test process started (TestRedisServer keeps its child private). */
function childPid(name: string, port: number): number {
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const command = readFileSync(`/proc/${entry}/cmdline`, 'utf8');
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const parent = Number(
        stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1],
      );
      if (
        parent === process.pid &&
        command.startsWith(name) &&
        command.includes(`:${port}`)
      )
        return Number(entry);
    } catch {
      // the process ended while we looked
    }
  }
  throw new Error(`No ${name} on port ${port} started by this process`);
}
