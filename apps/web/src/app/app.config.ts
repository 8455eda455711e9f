import {
  type ApplicationConfig,
  provideBrowserGlobalErrorListeners,
} from '@angular/core';
import {
  TitleStrategy,
  provideRouter,
  withComponentInputBinding,
  withInMemoryScrolling,
} from '@angular/router';
import { loadAuditLogSection, loadMailOutboxSection } from '@portal/web-admin';
import {
  provideHomeSections,
  providePortalHttp,
} from '@portal/web-data-access';
import { loadCompanySection, loadReviewSection } from '@portal/web-home';
import { loadDeskSection } from '@portal/web-applications';
import { TranslatedTitleStrategy, provideI18n } from '@portal/web-i18n';
import { appRoutes } from './app.routes';

export const appConfig: ApplicationConfig = {
  providers: [
    provideBrowserGlobalErrorListeners(),
    provideRouter(
      appRoutes,
      withComponentInputBinding(),
      withInMemoryScrolling({ scrollPositionRestoration: 'top' }),
    ),
    { provide: TitleStrategy, useClass: TranslatedTitleStrategy },
    provideI18n(),
    providePortalHttp(),
    // Home sections come from two features that may not import each other: composed here.
    // Each loader imports its section lazily; the barrels are in the first bundle anyway (their
    // route files are, see app.routes.ts).
    provideHomeSections({
      company: loadCompanySection,
      inbox: loadDeskSection,
      review: loadReviewSection,
      audit: loadAuditLogSection,
      mailOutbox: loadMailOutboxSection,
    }),
  ],
};
