import { BullModule } from '@nestjs/bull';
import { Global, Module } from '@nestjs/common';
import { AppConfig } from '@portal/api-core';
import { JobProducer } from './job-producer';
import { QUEUE_NAMES } from './queue-catalog';
import { createRedis } from './redis-connection';

const queueRegistrations = BullModule.registerQueue(
  ...QUEUE_NAMES.map((name) => ({ name })),
);

/** Bull on REDIS_URL and every queue of the catalog; processors are registered by feature modules. */
@Global()
@Module({
  imports: [
    BullModule.forRootAsync({
      inject: [AppConfig],
      useFactory: (config: AppConfig) => ({
        prefix: config.redisPrefix,
        createClient: (type) => createRedis(config.redisUrl, type),
      }),
    }),
    queueRegistrations,
  ],
  providers: [JobProducer],
  exports: [JobProducer, queueRegistrations],
})
export class JobsModule {}
