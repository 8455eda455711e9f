export * from './lib/admin.module';
export * from './lib/queue-dashboard';
