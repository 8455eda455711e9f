import { NestFactory } from '@nestjs/core';
import { ConfigError, loadConfig } from '@portal/api-core';
import { Logger } from 'nestjs-pino';
import { WorkerModule } from './app/worker.module';

process.env['TZ'] = 'UTC';

/**
 * A worker process: queue processors only. On SIGTERM Nest closes the Bull queues, which stops
 * taking new jobs and waits for the running ones to finish.
 */
async function bootstrap(): Promise<void> {
  const config = loadConfig();
  const app = await NestFactory.createApplicationContext(
    WorkerModule.forRoot(config),
    { bufferLogs: true },
  );
  app.useLogger(app.get(Logger));
  app.enableShutdownHooks();
  app.get(Logger).log('Worker started: processing queues');
}

bootstrap().catch((error: unknown) => {
  const message =
    error instanceof ConfigError
      ? error.message
      : error instanceof Error
        ? (error.stack ?? error.message)
        : String(error);
  process.stderr.write(`The worker could not start: ${message}\n`);
  process.exit(1);
});
