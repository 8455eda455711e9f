import { setupZonelessTestEnv } from 'jest-preset-angular/setup-env/zoneless';

setupZonelessTestEnv({
  errorOnUnknownElements: true,
  errorOnUnknownProperties: true,
});
import { keepTranslationsInMemory, TRANSLATIONS } from '@portal/web-i18n';

// The app fetches a language's strings when first used; specs keep every language in memory.
keepTranslationsInMemory(TRANSLATIONS);
