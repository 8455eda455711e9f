export * from './lib/api-jobs.module';
