import {
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AppConfig } from '@portal/api-core';
import { OutboxEntity } from '@portal/api-db';
import {
  JobProducer,
  type JobName,
  type JobPayloads,
  type QueueName,
} from '@portal/api-jobs';
import type { Job } from 'bull';
import { DataSource, IsNull, LessThan, Not } from 'typeorm';

const SWEEP_EVERY_MS = 5_000;
/** Rows younger than this are still being handed over by the request that wrote them. */
const SWEEP_GRACE_MS = 5_000;
const SWEEP_BATCH = 500;
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
  implements OnApplicationBootstrap, OnApplicationShutdown
{
  private readonly logger = new Logger(OutboxRelay.name);
  private timer: NodeJS.Timeout | null = null;
  private sweeping = false;

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
        .on('completed', (job: Job) => void this.markDone(job));
    this.timer = setInterval(() => void this.sweepAll(), SWEEP_EVERY_MS);
    this.timer.unref();
  }

  private async sweepAll(): Promise<void> {
    await this.sweep();
    await this.recoverLost();
  }

  /** The job of an outbox row finished here: the row took effect. */
  private async markDone(job: Job): Promise<void> {
    const prefix = `${job.name}:`;
    const id = String(job.id);
    if (!id.startsWith(prefix) || !(job.data as { eventId?: unknown }).eventId)
      return;
    try {
      await this.dataSource
        .getRepository(OutboxEntity)
        .update(
          { id: id.slice(prefix.length), completedAt: IsNull() },
          { completedAt: new Date() },
        );
    } catch (error) {
      // Unmarked rows are only checked against Redis again: nothing runs twice because of it.
      this.logger.warn(
        `Outbox row of job ${id} not marked done: ${(error as Error).message}`,
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
        else if (await job.isCompleted()) await this.markDone(job);
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

  onApplicationShutdown(): void {
    if (this.timer) clearInterval(this.timer);
  }

  /** Hands rows over; a failure is logged and left to the sweeper. Never throws. */
  async dispatch(
    rows: readonly OutboxEntity[],
    again = false,
  ): Promise<number> {
    let handed = 0;
    for (const row of rows) {
      try {
        await this.producer.enqueue(
          row.jobName as JobName,
          row.payload as unknown as JobPayloads[JobName],
          row.id,
          { delay: Math.max(0, row.runAt.getTime() - Date.now()) },
        );
        await this.dataSource
          .getRepository(OutboxEntity)
          .update(
            again
              ? { id: row.id, dispatchedAt: Not(IsNull()) }
              : { id: row.id, dispatchedAt: IsNull() },
            { dispatchedAt: new Date() },
          );
        handed++;
      } catch (error) {
        this.logger.warn(
          `Outbox row ${row.id} (${row.jobName}) not handed to Bull yet: ${(error as Error).message}`,
        );
        break;
      }
    }
    return handed;
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
