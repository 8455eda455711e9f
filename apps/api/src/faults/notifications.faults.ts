import { DEMO_PASSWORD, NotificationEntity } from '@portal/api-db';
import {
  TestRedisServer,
  TestSmtpServer,
  waitFor,
  type TestClient,
} from '@portal/api-testing';
import { insertCall } from '../testing/factories';
import {
  startTestApp,
  TEST_PERSONAL_DATA_KEYS,
  type TestApp,
} from '../testing/test-app';
import { act, fileYearlyFigures, readyDraft } from '../testing/workflow-steps';
import { addCountyReviewers } from './county-reviewers';
import { PortalProcess } from './portal-process';
import { FAULT_RECOVERY_ENV } from './recovery-timings';

const EXTRA_REVIEWERS = 250;
const APPLICATIONS = 4;
/** Per application: submit → the company admin; the passed check → the admin and every county reviewer. */
const MAILS_PER_APPLICATION = 2 + EXTRA_REVIEWERS + 1;
const MAIL_CONCURRENCY = 10;

/**
 * A burst of about a thousand e-mails — four submissions to a county bureau of 251 reviewers —
 * while the worker process is SIGKILLed, or Redis dies and comes back empty.
 */
describe('e-mail under faults (built worker process, MariaDB, own Redis and SMTP server)', () => {
  let redis: TestRedisServer;
  let smtp: TestSmtpServer;
  let t: TestApp;
  let worker: PortalProcess;
  let company: TestClient;

  beforeAll(async () => {
    redis = await TestRedisServer.start();
    smtp = await TestSmtpServer.start();
    t = await startTestApp('mariadb', {
      REDIS_URL: redis.url,
      SMTP_URL: smtp.url,
      RUN_WORKERS: 'false',
      PUBLIC_URL: 'https://portal.test',
      ...FAULT_RECOVERY_ENV,
    });
    worker = new PortalProcess('worker', {
      NODE_ENV: 'test',
      DATABASE_URL: t.db.url,
      DATA_DIR: t.db.dataDir,
      // The key the in-process app sealed the seeded phone numbers with.
      PERSONAL_DATA_KEYS: TEST_PERSONAL_DATA_KEYS,
      REDIS_URL: redis.url,
      REDIS_PREFIX: t.config.redisPrefix,
      SMTP_URL: smtp.url,
      PUBLIC_URL: 'https://portal.test',
      SEED_DEMO_DATA: 'false',
      MAIL_CONCURRENCY: String(MAIL_CONCURRENCY),
      LOG_LEVEL: 'info',
      ...FAULT_RECOVERY_ENV,
    });
    await worker.start();
    await addCountyReviewers(t.dataSource, EXTRA_REVIEWERS);
    company = t.client();
    expect(
      (await company.login('antai@example.com', DEMO_PASSWORD)).status,
    ).toBe(200);
    await fileYearlyFigures(company);
  });

  afterAll(async () => {
    await worker?.stop();
    await t?.close();
    await smtp?.close();
    await redis?.dispose();
  });

  /** Files and submits `count` applications; the worker's automated check does the rest. */
  async function burst(count: number): Promise<string[]> {
    const callId = await insertCall(t.dataSource, 'high_tech', '330000');
    const ids: string[] = [];
    for (let i = 0; i < count; i++) {
      const draft = await readyDraft(company, 'high_tech', callId);
      expect((await act(company, draft.id, 'submit')).status).toBe(200);
      ids.push(draft.id);
    }
    return ids;
  }

  /** Every mail of these applications was accepted by the SMTP server; duplicates listed. */
  async function reconcile(ids: readonly string[]) {
    const rows = t.dataSource.getRepository(NotificationEntity);
    const expected = ids.length * MAILS_PER_APPLICATION;
    const emails = () =>
      rows
        .createQueryBuilder('n')
        .where('n.application_id IN (:...ids) AND n.channel = :channel', {
          ids,
          channel: 'email',
        })
        .getMany();
    await waitFor(async () => {
      const all = await emails();
      return all.length === expected && all.every((n) => n.status === 'sent');
    }, 240_000);
    const all = await emails();
    const received = new Map<string, number>();
    for (const mail of smtp.received)
      received.set(mail.messageId, (received.get(mail.messageId) ?? 0) + 1);
    const missing = all.filter((n) => !received.has(`<${n.id}@portal.test>`));
    const doubled = all.filter(
      (n) => (received.get(`<${n.id}@portal.test>`) ?? 0) > 1,
    );
    return { all, missing, doubled };
  }

  it('SIGKILL of the worker mid-burst: every mail arrives, none is lost, a repeat is possible only for a send cut off between the server’s acceptance and its record', async () => {
    smtp.clear();
    const ids = await burst(APPLICATIONS);
    await waitFor(() => smtp.received.length >= 200, 120_000);
    await worker.kill();
    const atKill = smtp.received.length;
    const inFlight = await t.dataSource
      .getRepository(NotificationEntity)
      .countBy({ channel: 'email', status: 'sending' });
    await worker.start();

    const { all, missing, doubled } = await reconcile(ids);
    expect(all).toHaveLength(APPLICATIONS * MAILS_PER_APPLICATION);
    expect(missing).toEqual([]);
    // The documented window: only a send that was in flight at the kill can repeat, never more
    // than the sends in flight (MAIL_CONCURRENCY), and the repeat carries the same Message-ID.
    expect(doubled.length).toBeLessThanOrEqual(
      Math.min(inFlight, MAIL_CONCURRENCY),
    );
    for (const row of doubled) expect(row.attempts).toBeGreaterThan(1);
    process.stdout.write(
      `SIGKILL fault: ${all.length} mails, ${atKill} accepted before the kill, ${inFlight} in flight, ${doubled.length} repeated\n`,
    );
  });

  it('Redis killed mid-burst and back empty: the outbox and the mail sweeper hand over again what it lost; every mail arrives once', async () => {
    smtp.clear();
    const ids = await burst(APPLICATIONS);
    await waitFor(() => smtp.received.length >= 200, 120_000);
    await redis.kill();
    await new Promise((r) => setTimeout(r, 2000));
    await redis.restart(); // no persistence: every queued and delayed job is gone

    const { all, missing, doubled } = await reconcile(ids);
    expect(all).toHaveLength(APPLICATIONS * MAILS_PER_APPLICATION);
    expect(missing).toEqual([]);
    expect(doubled).toEqual([]);
  });
});
