import { bootstrapApplication } from '@angular/platform-browser';
import { App } from './app/app';
import { appConfig } from './app/app.config';

// The production build inlines the critical CSS and loads the full stylesheet with
// media="print" onload="this.media='all'". A Content-Security-Policy without inline script
// attributes (helmet's default: script-src-attr 'none') blocks that handler, which would leave
// the page unstyled; this external script applies the stylesheet either way.
document
  .querySelectorAll<HTMLLinkElement>(
    'link[rel="stylesheet"][media="print"][onload]',
  )
  .forEach((link) => (link.media = 'all'));

bootstrapApplication(App, appConfig).catch((err: unknown) =>
  console.error(err),
);
