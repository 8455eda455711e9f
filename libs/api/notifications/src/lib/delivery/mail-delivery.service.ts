import {
  Injectable,
  Logger,
  type BeforeApplicationShutdown,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  AppConfig,
  AppError,
  decodeCursor,
  encodeCursor,
  NotFoundError,
  rawTimestamp,
} from '@portal/api-core';
import {
  NotificationEntity,
  NotificationsRepository,
  PendingMarks,
  rawDateOrNull,
  updateRow,
} from '@portal/api-db';
import { JobProducer } from '@portal/api-jobs';
import { isPermanentMailError, MailerService } from '@portal/api-mail';
import {
  DELIVERY_STATUSES,
  type DeliveryStatus,
  type MailDeliveryPage,
  type MailDeliveryQuery,
  type MailDeliveryStats,
  type MailDeliveryView,
} from '@portal/contracts';
import { DataSource, IsNull, LessThan } from 'typeorm';

/** The sweeper looks this often, and at least four times per claim or re-dispatch period. */
const SWEEP_EVERY_MS = 15_000;
const SWEEP_BATCH = 1000;
/** Hand-over marks of concurrent notify runs share one UPDATE (the sweeper waits REDISPATCH_AFTER_SECONDS, a minute by default). */
const QUEUED_MARK_BATCH = 200;
const QUEUED_MARK_EVERY_MS = 10;
/** Commit → accept latency is computed over this many of the newest accepted mails. */
const LATENCY_SAMPLE = 10_000;
/**
 * A mail server that says "try later" gets about 68 minutes: twelve attempts 2 s, 4 s, … 34 min
 * apart; after the last the mail is failed and shown to administrators.
 */
const SEND_RETRIES = {
  attempts: 12,
  backoff: { type: 'exponential', delay: 2000 },
} as const;

export type SendOutcome = 'sent' | 'failed' | 'skipped';

/** Thrown so that Bull retries with backoff: the server said "try later", or another run holds the row. */
export class TemporaryMailError extends Error {}

/**
 * The second hop: one recorded e-mail, sent once. A run claims the row (`queued` → `sending`,
 * with a claim that runs out), sends with a Message-ID made from the row id, and records the
 * SMTP server's acceptance at once. Temporary failures go back to `queued` for Bull's backoff;
 * permanent ones are `failed` and wait for an administrator's retry.
 */
@Injectable()
export class MailDeliveryService
  implements
    OnApplicationBootstrap,
    BeforeApplicationShutdown,
    OnApplicationShutdown
{
  private readonly logger = new Logger(MailDeliveryService.name);
  private timer: NodeJS.Timeout | null = null;
  /** Mails handed to Bull, not yet marked queued. */
  private readonly queued = new PendingMarks(
    QUEUED_MARK_BATCH,
    QUEUED_MARK_EVERY_MS,
    (ids) => this.markQueued(ids),
  );

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly producer: JobProducer,
    private readonly mailer: MailerService,
    private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    if (!this.config.runWorkers) return;
    const { mailClaimMs, redispatchAfterMs } = this.config.recovery;
    this.timer = setInterval(
      () => void this.sweep(),
      Math.min(SWEEP_EVERY_MS, mailClaimMs / 4, redispatchAfterMs / 4),
    );
    this.timer.unref();
  }

  /** Before the database closes: the marks still pending are written. */
  beforeApplicationShutdown(): Promise<void> {
    return this.queued.flush();
  }

  onApplicationShutdown(): void {
    if (this.timer) clearInterval(this.timer);
  }

  /**
   * Hands the cause's queued e-mails to Bull (job id = row id, so twice is once). `written`: their
   * ids when the caller has just inserted every row of the cause itself (no read needed).
   */
  async enqueueCause(
    causeKey: string,
    written?: readonly string[],
  ): Promise<number> {
    if (written) return this.enqueue(written);
    const rows = await this.repo().find({
      where: { causeKey, channel: 'email', status: 'queued' },
      select: { id: true },
    });
    return this.enqueue(rows.map((r) => r.id));
  }

  async send(
    notificationId: string,
    lastAttempt: boolean,
  ): Promise<SendOutcome> {
    const em = this.dataSource.manager;
    const now = new Date();
    // Written out: one claim, one read and one mark per mail.
    const claimed = await NotificationsRepository.claimMail(
      em,
      notificationId,
      new Date(now.getTime() + this.config.recovery.mailClaimMs),
      now,
    );
    const row = await NotificationsRepository.byId(em, notificationId);
    if (!claimed || !row) {
      if (row?.status === 'sending')
        throw new TemporaryMailError(
          `Mail ${notificationId} is being sent by another run`,
        );
      return 'skipped';
    }
    try {
      await this.mailer.send({
        to: row.address as string,
        subject: row.subject,
        text: row.bodyText,
        html: row.bodyHtml ?? row.bodyText,
        messageId: `${row.id}@${new URL(this.config.publicUrl).hostname}`,
      });
    } catch (error) {
      const message = describe(error);
      const permanent = isPermanentMailError(error) || lastAttempt;
      await updateRow(
        em,
        NotificationEntity,
        { id: row.id, status: 'sending' },
        {
          status: permanent ? 'failed' : 'queued',
          lastError: message.slice(0, 1000),
          claimedUntil: null,
        },
      );
      if (permanent) {
        this.logger.warn(`Mail ${row.id} failed: ${message}`);
        return 'failed';
      }
      throw new TemporaryMailError(message);
    }
    await updateRow(
      em,
      NotificationEntity,
      { id: row.id },
      {
        status: 'sent',
        acceptedAt: new Date(),
        claimedUntil: null,
        lastError: null,
      },
    );
    return 'sent';
  }

  /**
   * Re-hands what Bull no longer holds: mails never handed over (the notify run died first) and
   * queued or half-sent mails older than the re-dispatch period (a minute) whose job Redis no longer has (a restart
   * without persistence). A job Bull still holds, waiting or stalled, is left to Bull.
   */
  async sweep(): Promise<number> {
    try {
      const before = new Date(
        Date.now() - this.config.recovery.redispatchAfterMs,
      );
      const stale = await this.repo().find({
        where: [
          { channel: 'email', status: 'queued', queuedAt: IsNull() },
          { channel: 'email', status: 'queued', queuedAt: LessThan(before) },
          {
            channel: 'email',
            status: 'sending',
            claimedUntil: LessThan(new Date()),
          },
        ],
        select: { id: true, queuedAt: true, createdAt: true },
        take: SWEEP_BATCH,
      });
      const queue = this.producer.queue('notifications');
      const lost: string[] = [];
      for (const row of stale) {
        if (!row.queuedAt && row.createdAt.getTime() > before.getTime())
          continue;
        if (!(await queue.getJob(sendJobId(row.id)))) lost.push(row.id);
      }
      if (lost.length)
        this.logger.warn(`Handing ${lost.length} e-mails to Bull again`);
      return await this.enqueue(lost);
    } catch (error) {
      this.logger.warn(`Mail sweep failed: ${(error as Error).message}`);
      return 0;
    }
  }

  /** An administrator sends a failed mail again. */
  async retry(id: string): Promise<void> {
    const result = await this.repo().update(
      { id, channel: 'email', status: 'failed' },
      { status: 'queued', lastError: null, queuedAt: null },
    );
    if (result.affected !== 1) {
      const exists = await this.repo().existsBy({ id, channel: 'email' });
      if (!exists) throw new NotFoundError('The e-mail');
      throw new AppError(
        409,
        'MAIL_NOT_FAILED',
        'Only a failed e-mail can be sent again; this one is not failed.',
      );
    }
    // The first job may still be remembered by Bull (completed): the retry needs its own id.
    await this.enqueue([id], `retry-${Date.now()}`);
  }

  async list(query: MailDeliveryQuery): Promise<MailDeliveryPage> {
    const limit = query.limit ?? 50;
    const qb = this.repo()
      .createQueryBuilder('n')
      .where('n.channel = :channel', { channel: 'email' });
    if (query.status)
      qb.andWhere('n.status = :status', { status: query.status });
    if (query.cursor) {
      const [at, id] = decodeCursor(query.cursor);
      qb.andWhere(
        '(n.created_at < :at OR (n.created_at = :at AND n.id < :id))',
        {
          at,
          id,
        },
      );
    }
    const { entities, raw } = await qb
      .orderBy('n.created_at', 'DESC')
      .addOrderBy('n.id', 'DESC')
      .limit(limit + 1)
      .getRawAndEntities<Record<string, string | Date>>();
    const last = raw[limit - 1];
    return {
      items: entities.slice(0, limit).map(deliveryView),
      nextCursor:
        entities.length > limit && last
          ? encodeCursor(
              rawTimestamp(last['n_created_at'] as string | Date),
              String(last['n_id']),
            )
          : null,
    };
  }

  /** Counts by status and commit→accept latency of the mails accepted since `since`. */
  async stats(since: Date): Promise<MailDeliveryStats> {
    const repo = this.repo();
    const counts = await repo
      .createQueryBuilder('n')
      .select('n.status', 'status')
      .addSelect('COUNT(*)', 'count')
      .where('n.channel = :channel AND n.created_at >= :since', {
        channel: 'email',
        since,
      })
      .groupBy('n.status')
      .getRawMany<{ status: DeliveryStatus; count: string | number }>();
    const accepted = await repo
      .createQueryBuilder('n')
      .select('COUNT(*)', 'count')
      .addSelect('MIN(n.accepted_at)', 'first')
      .addSelect('MAX(n.accepted_at)', 'last')
      .where('n.accepted_at >= :since AND n.channel = :channel', {
        channel: 'email',
        since,
      })
      .getRawOne<{
        count: string | number;
        first: string | Date | null;
        last: string | Date | null;
      }>();
    // Latency over the newest mails only: the page must stay quick at 500,000 mails a day.
    const sample = await repo
      .createQueryBuilder('n')
      .select(['n.committedAt', 'n.acceptedAt'])
      .where('n.accepted_at >= :since AND n.channel = :channel', {
        channel: 'email',
        since,
      })
      .orderBy('n.accepted_at', 'DESC')
      .limit(LATENCY_SAMPLE)
      .getMany();
    const latencies = sample
      .map((t) => (t.acceptedAt as Date).getTime() - t.committedAt.getTime())
      .sort((a, b) => a - b);
    const byStatus = Object.fromEntries(
      DELIVERY_STATUSES.map((s) => [
        s,
        Number(counts.find((c) => c.status === s)?.count ?? 0),
      ]),
    ) as Record<DeliveryStatus, number>;
    return {
      since: since.toISOString(),
      byStatus,
      accepted: Number(accepted?.count ?? 0),
      firstAcceptedAt: isoOrNull(accepted?.first ?? null),
      lastAcceptedAt: isoOrNull(accepted?.last ?? null),
      commitToAcceptMs: {
        p50: percentile(latencies, 0.5),
        p95: percentile(latencies, 0.95),
        max: latencies.length
          ? (latencies[latencies.length - 1] as number)
          : null,
      },
    };
  }

  private async enqueue(
    ids: readonly string[],
    suffix?: string,
  ): Promise<number> {
    for (const id of ids)
      await this.producer.enqueue(
        'send-mail',
        { notificationId: id },
        suffix ? `${id}:${suffix}` : id,
        SEND_RETRIES,
      );
    this.queued.add(ids);
    return ids.length;
  }

  /** A failure is logged only: the sweeper then finds the mails' jobs in Bull and leaves them. */
  private async markQueued(ids: string[]): Promise<void> {
    try {
      await updateRow(
        this.dataSource.manager,
        NotificationEntity,
        { id: ids },
        { queuedAt: new Date() },
      );
    } catch (error) {
      this.logger.warn(
        `${ids.length} e-mails handed over but not marked queued: ${(error as Error).message}`,
      );
    }
  }

  private repo() {
    return this.dataSource.getRepository(NotificationEntity);
  }
}

/** A timestamp from a raw aggregate: a Date (SQLite via TypeORM) or the driver's string. */
function isoOrNull(value: string | Date | null): string | null {
  return rawDateOrNull(value)?.toISOString() ?? null;
}

/** The Bull job id of a row's first hand-over (JobProducer prefixes the job name). */
function sendJobId(id: string): string {
  return `send-mail:${id}`;
}

function percentile(sorted: readonly number[], p: number): number | null {
  if (!sorted.length) return null;
  return sorted[
    Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)
  ] as number;
}

function describe(error: unknown): string {
  const e = error as { response?: string; message?: string; code?: string };
  return e.response ?? e.message ?? e.code ?? String(error);
}

function deliveryView(n: NotificationEntity): MailDeliveryView {
  return {
    id: n.id,
    kind: n.kind,
    to: n.address ?? '',
    subject: n.subject,
    status: n.status,
    attempts: n.attempts,
    lastError: n.lastError,
    applicationId: n.applicationId,
    createdAt: n.createdAt.toISOString(),
    acceptedAt: n.acceptedAt?.toISOString() ?? null,
  };
}
