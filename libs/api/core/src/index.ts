export * from './lib/config/app-config';
export * from './lib/config/config.module';
export * from './lib/errors/app-error';
export * from './lib/errors/global-exception.filter';
export * from './lib/errors/validation';
export * from './lib/logging/logging.module';
export * from './lib/security/passwords';
export * from './lib/security/tokens';
