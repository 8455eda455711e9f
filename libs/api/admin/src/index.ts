export * from './lib/api-admin.module';
