import {
  Injectable,
  Logger,
  type BeforeApplicationShutdown,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AppConfig, PortalClock } from '@portal/api-core';
import { OutboxEntity, PendingMarks, updateRow } from '@portal/api-db';
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
const MARK_BATCH = 200;
const MARK_DONE_EVERY_MS = 50;
/** Well inside the sweeper's grace period: a row is marked long before it would be swept. */
const MARK_HANDED_EVERY_MS = 10;
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
  private readonly done = new PendingMarks(
    MARK_BATCH,
    MARK_DONE_EVERY_MS,
    (ids) => this.mark(ids, 'completedAt'),
  );
  /** Rows handed to Bull by requests, not yet marked (see dispatch). */
  private readonly handed = new PendingMarks(
    MARK_BATCH,
    MARK_HANDED_EVERY_MS,
    (ids) => this.mark(ids, 'dispatchedAt'),
  );

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly producer: JobProducer,
    private readonly config: AppConfig,
    private readonly clock: PortalClock,
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
    this.done.add([id.slice(prefix.length)]);
  }

  /**
   * Marks rows handed over or done. A failure is logged only: an unmarked row is handed over
   * again by the sweeper or checked against Redis again, and Bull's job id (the row's id) and
   * idempotent handlers keep that to one effect.
   */
  private async mark(
    ids: string[],
    column: 'dispatchedAt' | 'completedAt',
  ): Promise<void> {
    try {
      await updateRow(
        this.dataSource.manager,
        OutboxEntity,
        { id: ids, [column]: null },
        { [column]: new Date() },
      );
    } catch (error) {
      this.logger.warn(
        `${ids.length} outbox rows not marked (${column}): ${(error as Error).message}`,
      );
    }
  }

  /**
   * Rows handed over a while ago, due, and still not done, whose job Redis no longer has (a
   * restart without persistence lost it): handed over again. A job Bull still holds — waiting,
   * retrying, failed for good — is Bull's to finish or show; handlers are idempotent anyway.
   */
  async recoverLost(
    lostAfterMs = this.config.recovery.redispatchAfterMs,
  ): Promise<number> {
    try {
      // Handed over by real time; due by the portal's (run_at is portal time).
      const before = new Date(Date.now() - lostAfterMs);
      const dueBefore = new Date(this.clock.nowMs() - lostAfterMs);
      const rows = await this.dataSource.getRepository(OutboxEntity).find({
        where: {
          completedAt: IsNull(),
          dispatchedAt: LessThan(before),
          runAt: LessThan(dueBefore),
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
    await Promise.all([this.handed.flush(), this.done.flush()]);
  }

  /**
   * Hands rows over — all jobs at once; those Bull took are marked with the hand-overs of other
   * requests in one UPDATE (see PendingMarks), rows handed over again at once. A failure is
   * logged and left to the sweeper. Never throws.
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
          // run_at is portal time: the delay counts from the portal's now (a development
          // clock moved forward shortens it; DevClockService re-times what waits already).
          { delay: Math.max(0, row.runAt.getTime() - this.clock.nowMs()) },
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
    if (!again) this.handed.add(handed);
    else
      try {
        // A row handed over again keeps no condition: it was handed over before.
        await updateRow(
          this.dataSource.manager,
          OutboxEntity,
          { id: handed },
          { dispatchedAt: new Date() },
        );
      } catch (error) {
        this.logger.warn(
          `${handed.length} outbox rows handed over again but not marked: ${(error as Error).message}`,
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
      const handed = rows.length ? await this.dispatch(rows) : 0;
      await this.handed.flush();
      return handed;
    } catch (error) {
      this.logger.warn(`Outbox sweep failed: ${(error as Error).message}`);
      return 0;
    } finally {
      this.sweeping = false;
    }
  }
}
