import type { Route } from '@angular/router';
import { adminRoutes } from '@portal/web-admin';
import { applicationsRoutes } from '@portal/web-applications';
import { homeRoutes } from '@portal/web-home';
import { identityRoutes } from '@portal/web-identity';

/**
 * Every page, inside the shell (see app.ts); each feature library brings its own route file.
 * The route files are in the first bundle: they are small (every page in them is itself lazy,
 * about 3 kB together), and loading them lazily cost a round trip before any page could start
 * loading (~0.6 s on slow 4G, as long as the page chunk itself).
 */
export const appRoutes: Route[] = [
  {
    path: '',
    children: [
      ...homeRoutes,
      ...identityRoutes,
      ...adminRoutes,
      ...applicationsRoutes,
    ],
  },
  {
    path: '**',
    title: 'titles.notFound',
    loadComponent: () =>
      import('./not-found/not-found.page').then((m) => m.NotFoundPage),
  },
];
