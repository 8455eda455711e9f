import type { Route } from '@angular/router';
import { Shell } from './shell/shell';

/** The shell around every page; each feature library brings its own lazy route file. */
export const appRoutes: Route[] = [
  {
    path: '',
    component: Shell,
    children: [
      {
        path: '',
        loadChildren: () =>
          import('@portal/web-home').then((m) => m.homeRoutes),
      },
      {
        path: '',
        loadChildren: () =>
          import('@portal/web-identity').then((m) => m.identityRoutes),
      },
      {
        path: '',
        loadChildren: () =>
          import('@portal/web-admin').then((m) => m.adminRoutes),
      },
      {
        path: '',
        loadChildren: () =>
          import('@portal/web-applications').then((m) => m.applicationsRoutes),
      },
      {
        path: '**',
        title: 'titles.notFound',
        loadComponent: () =>
          import('./not-found/not-found.page').then((m) => m.NotFoundPage),
      },
    ],
  },
];
