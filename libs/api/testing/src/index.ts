export * from './lib/test-database';
export * from './lib/test-client';
export * from './lib/test-redis';
export * from './lib/test-smtp';
export * from './lib/test-mariadb';
export * from './lib/sample-filing';
