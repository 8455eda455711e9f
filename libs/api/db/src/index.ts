export * from './lib/entities';
export * from './lib/data-source';
export * from './lib/db.module';
export * from './lib/seeds/demo-data';
export * from './lib/seeds/demo-seeder';
export * from './lib/duplicate-key';
export * from './lib/rows';
export * from './lib/pending-marks';
