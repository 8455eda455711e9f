import {
  Injectable,
  Logger,
  type BeforeApplicationShutdown,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AppConfig } from '@portal/api-core';
import { OutboxEntity, updateRow } from '@portal/api-db';
import {
  JobProducer,
  type JobName,
  type JobPayloads,
  type QueueName,
} from '@portal/api-jobs';
import type { Job } from 'bull';
import { DataSource, IsNull, LessThan } from 'typeorm';

const SWEEP_EVERY_MS = 5_000;
/** Rows younger than this are still being handed over by the request that wrote them. */
const SWEEP_GRACE_MS = 5_000;
const SWEEP_BATCH = 500;
const MARK_DONE_BATCH = 200;
const MARK_DONE_EVERY_MS = 50;
/** A handed-over row not done after this is checked against Redis: did Bull lose its job? */
const LOST_AFTER_MS = 60_000;
/** The jobs outbox rows become; their completion marks the row done. */
const OUTBOX_QUEUES: readonly QueueName[] = [
  'workflow',
  'timers',
  'notifications',
];

/**
 * Hands committed outbox rows to Bull. The request that committed them tries at once; the
 * sweeper (in every process that runs workers) retries whatever is left, e.g. after Redis was
 * down or the process died between commit and hand-over. The Bull job id is the row id, and
 * handlers are idempotent, so a row handed over twice still has one effect.
 */
@Injectable()
export class OutboxRelay
  implements OnApplicationBootstrap, BeforeApplicationShutdown
{
  private readonly logger = new Logger(OutboxRelay.name);
  private timer: NodeJS.Timeout | null = null;
  private sweeping = false;
  /** Rows whose jobs completed, not yet marked (see markDone). */
  private readonly done: string[] = [];
  private flushTimer: NodeJS.Timeout | null = null;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly producer: JobProducer,
    private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    if (!this.config.runWorkers) return;
    for (const name of OUTBOX_QUEUES)
      this.producer
        .queue(name)
        .on('completed', (job: Job) => this.markDone(job));
    this.timer = setInterval(() => void this.sweepAll(), SWEEP_EVERY_MS);
    this.timer.unref();
  }

  private async sweepAll(): Promise<void> {
    await this.sweep();
    await this.recoverLost();
  }

  /**
   * The job of an outbox row finished here: the row took effect. Marks are written in batches
   * (one UPDATE per 50 ms or 200 jobs), not one statement per job.
   */
  private markDone(job: Job): void {
    const prefix = `${job.name}:`;
    const id = String(job.id);
    if (!id.startsWith(prefix) || !(job.data as { eventId?: unknown }).eventId)
      return;
    this.done.push(id.slice(prefix.length));
    if (this.done.length >= MARK_DONE_BATCH) void this.flushDone();
    else
      this.flushTimer ??= setTimeout(
        () => void this.flushDone(),
        MARK_DONE_EVERY_MS,
      );
  }

  /** Writes the pending marks; a failure leaves the rows to be checked against Redis again. */
  async flushDone(): Promise<void> {
    if (this.flushTimer) clearTimeout(this.flushTimer);
    this.flushTimer = null;
    const ids = this.done.splice(0);
    if (!ids.length) return;
    try {
      await updateRow(
        this.dataSource.manager,
        OutboxEntity,
        { id: ids, completedAt: null },
        { completedAt: new Date() },
      );
    } catch (error) {
      // Unmarked rows are only checked against Redis again: nothing runs twice because of it.
      this.logger.warn(
        `${ids.length} outbox rows not marked done: ${(error as Error).message}`,
      );
    }
  }

  /**
   * Rows handed over a while ago, due, and still not done, whose job Redis no longer has (a
   * restart without persistence lost it): handed over again. A job Bull still holds — waiting,
   * retrying, failed for good — is Bull's to finish or show; handlers are idempotent anyway.
   */
  async recoverLost(lostAfterMs = LOST_AFTER_MS): Promise<number> {
    try {
      const before = new Date(Date.now() - lostAfterMs);
      const rows = await this.dataSource.getRepository(OutboxEntity).find({
        where: {
          completedAt: IsNull(),
          dispatchedAt: LessThan(before),
          runAt: LessThan(before),
        },
        order: { dispatchedAt: 'ASC' },
        take: SWEEP_BATCH,
      });
      const lost: OutboxEntity[] = [];
      for (const row of rows) {
        const job = await this.producer
          .queue(row.queue as QueueName)
          .getJob(`${row.jobName}:${row.id}`);
        if (!job) lost.push(row);
        else if (await job.isCompleted()) this.markDone(job);
      }
      if (lost.length)
        this.logger.warn(
          `Handing ${lost.length} outbox rows to Bull again: Redis lost their jobs`,
        );
      return lost.length ? await this.dispatch(lost, true) : 0;
    } catch (error) {
      this.logger.warn(`Outbox recovery failed: ${(error as Error).message}`);
      return 0;
    }
  }

  /** Before the database closes: the marks still pending are written. */
  async beforeApplicationShutdown(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.flushDone();
  }

  /**
   * Hands rows over — all jobs at once, then one UPDATE for those Bull took; a failure is logged
   * and left to the sweeper. Never throws.
   */
  async dispatch(
    rows: readonly OutboxEntity[],
    again = false,
  ): Promise<number> {
    if (!rows.length) return 0;
    const settled = await Promise.allSettled(
      rows.map((row) =>
        this.producer.enqueue(
          row.jobName as JobName,
          row.payload as unknown as JobPayloads[JobName],
          row.id,
          { delay: Math.max(0, row.runAt.getTime() - Date.now()) },
        ),
      ),
    );
    const failure = settled.find((r) => r.status === 'rejected');
    if (failure)
      this.logger.warn(
        `${settled.filter((r) => r.status === 'rejected').length} of ${rows.length} outbox rows not handed to Bull yet: ${(failure.reason as Error).message}`,
      );
    const handed = rows
      .filter((_, i) => settled[i]?.status === 'fulfilled')
      .map((row) => row.id);
    if (!handed.length) return 0;
    try {
      // A row handed over again keeps no condition: it was handed over before.
      await updateRow(
        this.dataSource.manager,
        OutboxEntity,
        again ? { id: handed } : { id: handed, dispatchedAt: null },
        { dispatchedAt: new Date() },
      );
    } catch (error) {
      // Bull has the jobs (ids are the row ids); the sweeper's second hand-over is a no-op.
      this.logger.warn(
        `${handed.length} outbox rows handed over but not marked: ${(error as Error).message}`,
      );
    }
    return handed.length;
  }

  /** Hands over every row older than the grace period that has not been; returns how many. */
  async sweep(graceMs = SWEEP_GRACE_MS): Promise<number> {
    if (this.sweeping) return 0;
    this.sweeping = true;
    try {
      const rows = await this.dataSource.getRepository(OutboxEntity).find({
        where: {
          dispatchedAt: IsNull(),
          createdAt: LessThan(new Date(Date.now() - graceMs)),
        },
        order: { createdAt: 'ASC' },
        take: SWEEP_BATCH,
      });
      return rows.length ? await this.dispatch(rows) : 0;
    } catch (error) {
      this.logger.warn(`Outbox sweep failed: ${(error as Error).message}`);
      return 0;
    } finally {
      this.sweeping = false;
    }
  }
}
