import type { Route } from '@angular/router';
import { authGuard, permissionGuard } from '@portal/web-data-access';

/**
 * The enterprise's applications and calls, one application's page, the staff's inbox and the
 * public notices (公示), which are public: no log-in needed to read them.
 */
export const applicationsRoutes: Route[] = [
  {
    path: 'applications',
    title: 'titles.applications',
    canActivate: [authGuard, permissionGuard('applications.file')],
    loadComponent: () =>
      import('./my-applications/my-applications.page').then(
        (m) => m.MyApplicationsPage,
      ),
  },
  {
    path: 'calls',
    title: 'titles.calls',
    canActivate: [authGuard, permissionGuard('applications.file')],
    loadComponent: () => import('./calls/calls.page').then((m) => m.CallsPage),
  },
  {
    path: 'applications/:id',
    title: 'titles.application',
    canActivate: [authGuard, permissionGuard('applications.read')],
    loadComponent: () =>
      import('./detail/application-detail.page').then(
        (m) => m.ApplicationDetailPage,
      ),
  },
  {
    path: 'inbox',
    title: 'titles.inbox',
    canActivate: [authGuard, permissionGuard('applications.inbox')],
    loadComponent: () => import('./inbox/inbox.page').then((m) => m.InboxPage),
  },
  {
    path: 'settlements',
    title: 'titles.settlements',
    canActivate: [authGuard, permissionGuard('vouchers.settlements.read')],
    loadComponent: () =>
      import('./settlements/settlements.page').then((m) => m.SettlementsPage),
  },
  {
    path: 'notices',
    title: 'titles.notices',
    loadComponent: () =>
      import('./notices/public-notices.page').then((m) => m.PublicNoticesPage),
  },
];
