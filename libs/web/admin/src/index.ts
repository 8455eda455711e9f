export * from './lib/lib.routes';
export { AuditLogSection } from './lib/audit/audit-log-section';
export { MailOutboxSection } from './lib/outbox/mail-outbox-section';
