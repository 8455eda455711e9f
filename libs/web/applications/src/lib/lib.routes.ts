import type { Route } from '@angular/router';
import { authGuard, permissionGuard } from '@portal/web-data-access';

/** The enterprise's applications, one application's page, and the staff's inbox. */
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
];
