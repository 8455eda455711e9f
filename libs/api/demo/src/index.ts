export * from './lib/demo.module';
export * from './lib/demo-applications.seeder';
