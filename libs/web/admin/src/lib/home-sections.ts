import type { HomeSectionLoader } from '@portal/web-data-access';

/*
 * The sections this library renders on the home page, each loaded only when shown. The barrel
 * exports these loaders rather than the components: the router loads the barrel for every URL,
 * and exporting a section would pull its tables into that first load.
 */
export const loadAuditLogSection: HomeSectionLoader = () =>
  import('./audit/audit-log-section').then((m) => m.AuditLogSection);

export const loadMailOutboxSection: HomeSectionLoader = () =>
  import('./outbox/mail-outbox-section').then((m) => m.MailOutboxSection);
