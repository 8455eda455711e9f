import type { Route } from '@angular/router';
import { authGuard, permissionGuard } from '@portal/web-data-access';

/** The auditor's, the system administrator's and the bureau admin's pages. */
export const adminRoutes: Route[] = [
  {
    path: 'audit',
    title: 'titles.audit',
    canActivate: [authGuard, permissionGuard('audit.read')],
    loadComponent: () => import('./audit/audit.page').then((m) => m.AuditPage),
  },
  {
    path: 'admin/users',
    title: 'titles.staff',
    canActivate: [authGuard, permissionGuard('users.manage')],
    loadComponent: () => import('./users/staff.page').then((m) => m.StaffPage),
  },
  {
    // The expert pool: the same list, opened on the experts.
    path: 'admin/experts',
    title: 'titles.experts',
    data: { role: 'expert' },
    canActivate: [authGuard, permissionGuard('users.manage')],
    loadComponent: () => import('./users/staff.page').then((m) => m.StaffPage),
  },
  {
    path: 'mail-outbox',
    title: 'titles.mailOutbox',
    canActivate: [authGuard, permissionGuard('mail.outbox.read')],
    loadComponent: () =>
      import('./outbox/mail-outbox.page').then((m) => m.MailOutboxPage),
  },
  {
    path: 'admin/calls',
    title: 'titles.adminCalls',
    canActivate: [authGuard, permissionGuard('calls.manage')],
    loadComponent: () =>
      import('./calls/admin-calls.page').then((m) => m.AdminCallsPage),
  },
  {
    path: 'admin/targets',
    title: 'titles.targets',
    canActivate: [authGuard, permissionGuard('targets.manage')],
    loadComponent: () =>
      import('./targets/targets.page').then((m) => m.TargetsPage),
  },
  {
    path: 'admin/calendar',
    title: 'titles.calendar',
    canActivate: [authGuard, permissionGuard('calendar.manage')],
    loadComponent: () =>
      import('./calendar/calendar.page').then((m) => m.CalendarPage),
  },
];
