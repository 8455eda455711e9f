import type { Route } from '@angular/router';
import { authGuard, permissionGuard } from '@portal/web-data-access';

/** The auditor's and the system administrator's pages. */
export const adminRoutes: Route[] = [
  {
    path: 'audit',
    title: 'titles.audit',
    canActivate: [authGuard, permissionGuard('audit.read')],
    loadComponent: () =>
      import('./audit/audit-log-section').then((m) => m.AuditLogSection),
  },
  {
    path: 'mail-outbox',
    title: 'titles.mailOutbox',
    canActivate: [authGuard, permissionGuard('mail.outbox.read')],
    loadComponent: () =>
      import('./outbox/mail-outbox.page').then((m) => m.MailOutboxPage),
  },
];
