export * from './lib/queue-catalog';
export * from './lib/redis-connection';
export * from './lib/job-producer';
export * from './lib/jobs.module';
export * from './lib/redis-policy';
export * from './lib/portal-clock-sync';
export * from './lib/enqueued-before-commit';
