import {
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AppConfig } from '@portal/api-core';
import { OutboxEntity } from '@portal/api-db';
import { JobProducer, type JobName, type JobPayloads } from '@portal/api-jobs';
import { DataSource, IsNull, LessThan } from 'typeorm';

const SWEEP_EVERY_MS = 5_000;
/** Rows younger than this are still being handed over by the request that wrote them. */
const SWEEP_GRACE_MS = 5_000;
const SWEEP_BATCH = 500;

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
    this.timer = setInterval(() => void this.sweep(), SWEEP_EVERY_MS);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    if (this.timer) clearInterval(this.timer);
  }

  /** Hands rows over; a failure is logged and left to the sweeper. Never throws. */
  async dispatch(rows: readonly OutboxEntity[]): Promise<number> {
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
            { id: row.id, dispatchedAt: IsNull() },
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
