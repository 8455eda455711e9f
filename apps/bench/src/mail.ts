import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import Queue from 'bull';
import type { Pool } from 'mysql2/promise';
import { createTransport } from 'nodemailer';
import type SMTPPool from 'nodemailer/lib/smtp-pool';
import { SMTPServer } from 'smtp-server';
import { connectWithoutDelay, smtpEndpoint } from '@portal/api-mail';

/** A local SMTP server that accepts everything and counts it. */
export class CountingSmtpServer {
  accepted = 0;

  private constructor(
    private readonly server: SMTPServer,
    readonly port: number,
  ) {}

  static async start(): Promise<CountingSmtpServer> {
    let self: CountingSmtpServer | null = null;
    const server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS', 'AUTH'],
      logger: false,
      onData(stream, _session, callback) {
        stream.on('data', () => undefined);
        stream.on('end', () => {
          if (self) self.accepted++;
          callback();
        });
      },
    });
    server.on('error', () => undefined);
    await new Promise<void>((resolve) =>
      server.listen(0, '127.0.0.1', resolve),
    );
    self = new CountingSmtpServer(
      server,
      (server.server.address() as AddressInfo).port,
    );
    return self;
  }

  get url(): string {
    return `smtp://127.0.0.1:${this.port}`;
  }

  close(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}

/** The ceiling of P6: nodemailer alone, pooled, into the same server. */
export async function rawMailRate(
  smtp: CountingSmtpServer,
  count: number,
  connections: number,
): Promise<number> {
  const transport = createTransport({
    ...smtpEndpoint(smtp.url),
    pool: true,
    maxConnections: connections,
    maxMessages: Infinity,
    // As the portal does: without it every message waits ~40 ms for a delayed ACK.
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
export async function portalMailRate(
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
