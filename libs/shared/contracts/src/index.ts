export * from './lib/errors';
export * from './lib/routes';
export * from './lib/identity';
export * from './lib/companies';
export * from './lib/admin';
export * from './lib/applications';
export * from './lib/notifications';
export * from './lib/programmes';
