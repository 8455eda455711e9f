import { BullModule } from '@nestjs/bull';
import { Global, Module, OnApplicationShutdown } from '@nestjs/common';
import { AppConfig } from '@portal/api-core';
import { BullConnections } from './bull-connections';
import { JobProducer } from './job-producer';
import { QUEUE_NAMES, QUEUES } from './queue-catalog';

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
      }),
    }),
    queueRegistrations,
  ],
  providers: [JobProducer],
  exports: [JobProducer, queueRegistrations],
})
export class JobsModule implements OnApplicationShutdown {
  constructor(
    private readonly jobs: JobProducer,
    private readonly connections: BullConnections,
  ) {}

  async onApplicationShutdown(): Promise<void> {
    // Closing twice is harmless: Bull returns the same promise. Running jobs finish first.
    await Promise.all(
      Object.values(QUEUES).map((name) => this.jobs.queue(name).close()),
    );
    this.connections.closeAll();
  }
}
