import { setupZonelessTestEnv } from 'jest-preset-angular/setup-env/zoneless';

setupZonelessTestEnv({
  errorOnUnknownElements: true,
  errorOnUnknownProperties: true,
});
import { TRANSLATIONS } from './lib/translations';
import { keepTranslationsInMemory } from './lib/language/static-translate-loader';

// The app fetches a language's strings when first used; specs keep every language in memory.
keepTranslationsInMemory(TRANSLATIONS);
