import { BullModule } from '@nestjs/bull';
import {
  Global,
  Logger,
  Module,
  OnApplicationShutdown,
  OnModuleInit,
} from '@nestjs/common';
import { AppConfig } from '@portal/api-core';
import { BullConnections } from './bull-connections';
import { JobProducer } from './job-producer';
import { PortalClockSync } from './portal-clock-sync';
import { QUEUE_NAMES, QUEUES } from './queue-catalog';
import { assertQueueSafeRedis, UnsafeRedisError } from './redis-policy';

/** How long shutdown waits for running jobs before it drops the Redis connections. */
const SHUTDOWN_GRACE_MS = 15_000;

const queueRegistrations = BullModule.registerQueue(
  ...QUEUE_NAMES.map((name) => ({ name })),
);

@Global()
@Module({ providers: [BullConnections], exports: [BullConnections] })
class BullConnectionsModule {}

/** Bull on REDIS_URL and every queue of the catalog; processors are registered by feature modules. */
@Global()
@Module({
  imports: [
    BullModule.forRootAsync({
      imports: [BullConnectionsModule],
      inject: [AppConfig, BullConnections],
      useFactory: (config: AppConfig, connections: BullConnections) => ({
        prefix: config.redisPrefix,
        createClient: (type) => connections.create(type),
        // A job whose worker died is taken over once its lock has run out and the next
        // stalled-check runs: by default within 30 + 15 s rather than Bull's 60 s.
        settings: {
          lockDuration: config.recovery.queueLockMs,
          stalledInterval: config.recovery.stalledCheckMs,
        },
      }),
    }),
    queueRegistrations,
  ],
  providers: [JobProducer, PortalClockSync],
  exports: [JobProducer, PortalClockSync, queueRegistrations],
})
export class JobsModule implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger('Queues');

  constructor(
    private readonly jobs: JobProducer,
    private readonly connections: BullConnections,
    private readonly config: AppConfig,
  ) {}

  /**
   * Production refuses a Redis that may evict queue keys. Redis outages surface as queue
   * 'error' events; unheard, they would end the process.
   */
  async onModuleInit(): Promise<void> {
    if (this.config.isProduction) {
      try {
        await assertQueueSafeRedis(
          this.jobs.queue(QUEUES.workflow).client,
          this.config.redisUrl,
        );
      } catch (error) {
        if (error instanceof UnsafeRedisError) throw error;
        // Redis down at start: the portal starts degraded (see /api/health) and checks nothing.
        this.logger.warn(
          `Could not check Redis's eviction policy: ${(error as Error).message}`,
        );
      }
    }
    for (const name of Object.values(QUEUES)) {
      this.jobs.queue(name).on('error', (error: Error) => {
        this.logger.warn(`Queue ${name}: ${error.message}`);
      });
    }
  }

  async onApplicationShutdown(): Promise<void> {
    // Closing twice is harmless: Bull returns the same promise. Running jobs finish first, but
    // a queue that never reached Redis would wait for it forever: give up after a while.
    let timer: NodeJS.Timeout | undefined;
    const closed = Promise.all(
      Object.values(QUEUES).map((name) => this.jobs.queue(name).close()),
    );
    const timedOut = new Promise<void>(
      (resolve) => (timer = setTimeout(resolve, SHUTDOWN_GRACE_MS)),
    );
    await Promise.race([closed.catch(() => undefined), timedOut]);
    clearTimeout(timer);
    this.connections.closeAll();
  }
}
