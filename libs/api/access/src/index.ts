export * from './lib/actor';
export * from './lib/decorators';
export * from './lib/audit.service';
export * from './lib/session.service';
export * from './lib/session.guard';
export * from './lib/access.module';
