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
import {
  provideHomeSections,
  providePortalHttp,
} from '@portal/web-data-access';
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
    provideHomeSections({
      company: () =>
        import('@portal/web-home').then((m) => m.loadCompanySection()),
      review: () =>
        import('@portal/web-home').then((m) => m.loadReviewSection()),
      audit: () =>
        import('@portal/web-admin').then((m) => m.loadAuditLogSection()),
      mailOutbox: () =>
        import('@portal/web-admin').then((m) => m.loadMailOutboxSection()),
    }),
  ],
};
