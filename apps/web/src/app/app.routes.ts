import type { Route } from '@angular/router';

/**
 * The feature libraries' route files, fetched together. Each feature's routes sit at path '' and
 * the router would otherwise load one feature's file, try to match, then load the next: on a
 * phone that was a waterfall of up to four chunk loads before /applications could render. The
 * route files are small (every page in them is itself lazy), so one parallel fetch costs little.
 */
function featureRoutes(): Promise<Route[]> {
  return Promise.all([
    import('@portal/web-home').then((m) => m.homeRoutes),
    import('@portal/web-identity').then((m) => m.identityRoutes),
    import('@portal/web-admin').then((m) => m.adminRoutes),
    import('@portal/web-applications').then((m) => m.applicationsRoutes),
  ]).then((groups) => groups.flat());
}

/** Every page, inside the shell (see app.ts); each feature library brings its own lazy route file. */
export const appRoutes: Route[] = [
  { path: '', loadChildren: featureRoutes },
  {
    path: '**',
    title: 'titles.notFound',
    loadComponent: () =>
      import('./not-found/not-found.page').then((m) => m.NotFoundPage),
  },
];
