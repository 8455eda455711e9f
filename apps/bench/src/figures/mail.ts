import { randomUUID } from 'node:crypto';
import { connect, type Socket } from 'node:net';
import Queue from 'bull';
import type { Pool } from 'mysql2/promise';
import { createTransport } from 'nodemailer';
import type SMTPPool from 'nodemailer/lib/smtp-pool';
import type { BenchContext, FigureGroup } from '../context';
import { companySessions, readyDrafts, submit } from '../drafts';
import { figure, type Figure } from '../report';
import type { CountingSmtpServer } from '../smtp';

/** The steady rate of P6-latency: transitions (submissions) per second. */
const STEADY_RATE = 100;

/**
 * C6, P6 and P6-latency: nodemailer alone into the local SMTP server; the portal's send hop
 * (worker: claim, send, record) at full speed; commit → SMTP accept at a steady 100 transitions/s.
 */
export const mail: FigureGroup = {
  ids: ['C6', 'P6', 'P6-queue', 'P6-latency', 'P6-rate', 'P6-errors'],
  async measure(context) {
    const { smtp, pool, env, quick, log } = context;
    const mails = quick ? 2_000 : 20_000;
    log(`C6: ${mails} mails through nodemailer alone`);
    const raw = await rawMailRate(smtp, mails, 10);
    log(`P6: ${mails} queued mails through the worker's send hop`);
    const portal = await portalMailRate(
      pool,
      env['REDIS_URL'] ?? '',
      env['REDIS_PREFIX'] ?? '',
      mails,
    );
    const steady = await steadyLatency(context, quick ? 5 : 60);
    const figures: Figure[] = [
      figure({
        id: 'C6',
        name: 'nodemailer alone, pool of 10, Nagle off, into a local SMTP server',
        value: raw,
        unit: 'mails/s',
        ceiling: 0,
        goal: 'ceiling (LIMITS.md: ~1,200, ~2,400 with maxMessages raised)',
        met: true,
      }),
      figure({
        id: 'P6',
        name: `portal send hop, ${mails} queued mails, one worker`,
        value: portal.perSecond,
        unit: 'mails/s',
        ceiling: raw,
        goal: '>= 500 mails/s',
        met: portal.perSecond >= 500,
      }),
      figure({
        id: 'P6-queue',
        name: 'row written → SMTP accept p95 in that burst (queueing included)',
        value: portal.p95Ms,
        unit: 'ms',
        ceiling: 0,
        goal: 'informational (the goal is at 100 transitions/s)',
        met: true,
      }),
      figure({
        id: 'P6-latency',
        name: `commit → SMTP accept p95, ${steady.mails} mails of ${steady.fired} submissions at ${STEADY_RATE}/s (p50 ${steady.p50Ms} ms, max ${steady.maxMs} ms)`,
        value: steady.p95Ms,
        unit: 'ms',
        ceiling: 0,
        goal: '<= 1000 ms',
        met: steady.mails > 0 && steady.p95Ms <= 1000 && steady.errors === 0,
      }),
      figure({
        id: 'P6-rate',
        name: 'transitions per second the portal committed in that window',
        value: steady.committedPerSecond,
        unit: 'transitions/s',
        ceiling: STEADY_RATE,
        goal: `informational (offered ${STEADY_RATE}/s)`,
        met: true,
      }),
      figure({
        id: 'P6-errors',
        name: 'submissions answered other than 2xx, and mails failed',
        value: steady.errors,
        unit: 'errors',
        ceiling: 0,
        goal: '0',
        met: steady.errors === 0,
      }),
    ];
    return figures;
  },
};

/**
 * A TCP connection with Nagle's algorithm off, as 51c7371 gave the portal's mailer: with it on,
 * the end of each message waits for the server's delayed ACK (~40 ms).
 */
function connectWithoutDelay(
  options: { host?: string; port?: number },
  callback: (error: Error | null, socket?: { connection: Socket }) => void,
): void {
  const socket = connect({ host: options.host, port: options.port ?? 25 });
  socket.setNoDelay(true);
  const failed = (error: Error) => callback(error);
  socket.once('error', failed);
  socket.once('connect', () => {
    socket.off('error', failed);
    callback(null, { connection: socket });
  });
}

/** The ceiling of P6: nodemailer alone, pooled, into the same server. */
async function rawMailRate(
  smtp: CountingSmtpServer,
  count: number,
  connections: number,
): Promise<number> {
  const transport = createTransport({
    // Host and port, not `url`: with `url` nodemailer's pool ignores `getSocket`.
    host: '127.0.0.1',
    port: smtp.port,
    secure: false,
    pool: true,
    maxConnections: connections,
    maxMessages: Infinity,
    getSocket: connectWithoutDelay,
  } as SMTPPool.Options);
  const started = Date.now();
  let next = 0;
  await Promise.all(
    Array.from({ length: connections * 2 }, async () => {
      while (next < count) {
        next++;
        await transport.sendMail({
          from: 'bench@portal.localhost',
          to: 'someone@example.com',
          subject: '基准测试 / benchmark',
          text: '基准测试邮件正文。',
          html: '<p>基准测试邮件正文。</p>',
        });
      }
    }),
  );
  transport.close();
  return Math.round(count / ((Date.now() - started) / 1000));
}

/**
 * The portal's send hop at full speed: `count` queued e-mail rows written at once and their
 * send-mail jobs handed to Bull; the worker claims, sends and records each. Mails per second
 * from the hand-over to the last SMTP acceptance.
 */
async function portalMailRate(
  pool: Pool,
  redisUrl: string,
  prefix: string,
  count: number,
): Promise<{ perSecond: number; p95Ms: number }> {
  const [users] = (await pool.query(
    "SELECT id FROM users WHERE email LIKE 'reviewer.%' LIMIT 1",
  )) as unknown as [{ id: string }[]];
  const userId = users[0]?.id ?? '';
  const now = new Date();
  const ids = Array.from({ length: count }, () => randomUUID());
  for (let start = 0; start < count; start += 1000)
    await pool.query(
      'INSERT INTO notifications (id, cause_key, kind, category, channel, user_id, address, language, mandatory, subject, body_text, body_html, status, attempts, committed_at, created_at) VALUES ?',
      [
        ids
          .slice(start, start + 1000)
          .map((id) => [
            id,
            `bench-mail:${id}`,
            'status_change',
            'status_change',
            'email',
            userId,
            'someone@example.com',
            'zh-CN',
            0,
            '【基准】状态变更 / benchmark',
            '基准测试邮件正文。',
            '<p>基准测试邮件正文。</p>',
            'queued',
            0,
            now,
            now,
          ]),
      ],
    );
  const queue = new Queue('notifications', redisUrl, { prefix });
  const started = Date.now();
  for (let start = 0; start < count; start += 1000)
    await queue.addBulk(
      ids.slice(start, start + 1000).map((id) => ({
        name: 'send-mail',
        data: { notificationId: id },
        opts: {
          jobId: `send-mail:${id}`,
          attempts: 12,
          backoff: { type: 'exponential', delay: 2000 },
          removeOnComplete: 1000,
        },
      })),
    );
  await queue.close();
  const placeholders = ids.map(() => '?').join(',');
  for (;;) {
    const [rows] = (await pool.query(
      `SELECT COUNT(*) AS n FROM notifications WHERE status = 'sent' AND id IN (${placeholders})`,
      ids,
    )) as unknown as [{ n: number }[]];
    if (Number(rows[0]?.n ?? 0) >= count) break;
    if (Date.now() - started > 600_000)
      throw new Error('The mails were not all sent within 10 minutes');
    await new Promise((r) => setTimeout(r, 250));
  }
  const [times] = (await pool.query(
    `SELECT TIMESTAMPDIFF(MICROSECOND, committed_at, accepted_at) / 1000 AS ms, UNIX_TIMESTAMP(accepted_at) * 1000 AS at FROM notifications WHERE id IN (${placeholders}) ORDER BY ms`,
    ids,
  )) as unknown as [{ ms: number; at: number }[]];
  const last = Math.max(...times.map((t) => Number(t.at)));
  const p95 = Number(times[Math.ceil(times.length * 0.95) - 1]?.ms ?? 0);
  return {
    perSecond: Math.round(count / ((last - started) / 1000)),
    p95Ms: Math.round(p95),
  };
}

interface SteadyResult {
  readonly fired: number;
  readonly errors: number;
  readonly committedPerSecond: number;
  readonly mails: number;
  readonly p50Ms: number;
  readonly p95Ms: number;
  readonly maxMs: number;
}

/**
 * Real transitions at a steady rate: innovation-voucher drafts (complete form; the type needs no
 * material before submission) are made over HTTP first, then submitted over HTTP at
 * STEADY_RATE per second (open loop: a slow answer does not slow the schedule). Each submission
 * is one transition (draft → county review) that mails the company's administrator and the
 * county's reviewers. Latency: `accepted_at − committed_at` of those mails.
 */
async function steadyLatency(
  { base, pool, log }: BenchContext,
  seconds: number,
): Promise<SteadyResult> {
  const count = STEADY_RATE * seconds;
  const companies = await companySessions(base, Math.min(200, seconds * 10));
  log(`P6-latency: ${companies.length} companies logged in`);
  const drafts = await readyDrafts(
    base,
    pool,
    companies,
    'innovation_voucher',
    count,
    log,
  );
  log(`P6-latency: ${drafts.length} ready drafts; submitting ${STEADY_RATE}/s`);
  const statuses: Promise<number>[] = [];
  const failures = new Set<string>();
  const started = Date.now();
  await new Promise<void>((resolve) => {
    const tick = () => {
      const due = Math.min(
        count,
        Math.floor(((Date.now() - started) / 1000) * STEADY_RATE) + 1,
      );
      while (statuses.length < due) {
        const draft = drafts[statuses.length];
        if (!draft) break;
        statuses.push(
          submit(base, draft).catch((error: unknown) => {
            failures.add(errorText(error));
            return 0;
          }),
        );
      }
      if (statuses.length >= count) resolve();
      else setTimeout(tick, 5);
    };
    tick();
  });
  const answered = await Promise.all(statuses);
  const refused = answered.filter((s) => s < 200 || s >= 300).length;
  const byStatus: Record<number, number> = {};
  for (const s of answered) byStatus[s] = (byStatus[s] ?? 0) + 1;
  log(
    `P6-latency: answers by status ${JSON.stringify(byStatus)} (0: no answer${failures.size ? `: ${[...failures].join('; ')}` : ''})`,
  );
  const ids = drafts.map((d) => d.id);
  const placeholders = ids.map(() => '?').join(',');
  const [[span]] = (await pool.query(
    `SELECT COUNT(*) AS n, TIMESTAMPDIFF(MICROSECOND, MIN(created_at), MAX(created_at)) / 1e6 AS s FROM application_events WHERE action = 'submit' AND application_id IN (${placeholders})`,
    ids,
  )) as unknown as [{ n: number; s: number | string | null }[]];
  const committed = Number(span?.n ?? 0);
  // Wait until every notify job of these submissions ran and no mail of theirs is still on its way
  // (their stage timers, also outbox rows, fire in days).
  const waitStarted = Date.now();
  for (;;) {
    const [[state]] = (await pool.query(
      `SELECT (SELECT COUNT(*) FROM outbox WHERE queue = 'notifications' AND application_id IN (${placeholders}) AND completed_at IS NULL) AS pending, (SELECT COUNT(*) FROM notifications WHERE channel = 'email' AND application_id IN (${placeholders}) AND status IN ('queued', 'sending')) AS unsent`,
      [...ids, ...ids],
    )) as unknown as [{ pending: number; unsent: number }[]];
    if (Number(state?.pending) === 0 && Number(state?.unsent) === 0) break;
    if (Date.now() - waitStarted > 300_000) {
      log(
        `P6-latency: after 5 minutes ${state?.pending} outbox rows and ${state?.unsent} mails still pending`,
      );
      break;
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  const [times] = (await pool.query(
    `SELECT status, TIMESTAMPDIFF(MICROSECOND, committed_at, accepted_at) / 1000 AS ms FROM notifications WHERE channel = 'email' AND application_id IN (${placeholders})`,
    ids,
  )) as unknown as [{ status: string; ms: number | string | null }[]];
  log(
    `P6-latency: ${times.length} mails, ${times.filter((t) => t.status === 'failed').length} failed`,
  );
  const sent = times
    .filter((t) => t.status === 'sent' && t.ms !== null)
    .map((t) => Number(t.ms))
    .sort((a, b) => a - b);
  const at = (p: number) =>
    Math.round(sent[Math.max(0, Math.ceil(sent.length * p) - 1)] ?? 0);
  const spanSeconds = Number(span?.s ?? 0);
  return {
    fired: count,
    errors: refused + times.filter((t) => t.status === 'failed').length,
    committedPerSecond: spanSeconds
      ? Math.round((committed - 1) / spanSeconds)
      : 0,
    mails: sent.length,
    p50Ms: at(0.5),
    p95Ms: at(0.95),
    maxMs: Math.round(sent[sent.length - 1] ?? 0),
  };
}

/** A failed fetch's message with its cause (undici puts the socket error there). */
export function errorText(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause = (error as Error & { cause?: unknown }).cause;
  return cause instanceof Error
    ? `${error.message}: ${cause.message}`
    : error.message;
}
