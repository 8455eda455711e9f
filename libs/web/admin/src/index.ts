export * from './lib/lib.routes';
export {
  loadAuditLogSection,
  loadMailOutboxSection,
} from './lib/home-sections';
