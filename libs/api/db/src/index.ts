export * from './lib/api-db.module';
