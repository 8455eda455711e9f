import { inject } from '@angular/core';
import { TranslateService, type TranslationObject } from '@ngx-translate/core';
import type { Language } from '@portal/contracts';
import { isLanguage } from './language';

/**
 * A feature's own strings in every language, kept beside the feature and loaded with its lazy
 * pages, so the first bundle carries only the app-wide ones (menu, titles, errors).
 */
export type FeatureTranslations = Readonly<
  Record<Language, Readonly<Record<string, unknown>>>
>;

const registered = new Set<FeatureTranslations>();

/** What every feature loaded so far adds to `language`: the loader merges it into a later load. */
export function featureTranslationsFor(
  language: Language,
): Record<string, unknown> {
  return Object.assign({}, ...[...registered].map((t) => t[language]));
}

/**
 * Merges a feature's strings into the languages already loaded and keeps them for a language
 * loaded later. Call in an injection context (a page's field initialiser); repeated calls only
 * merge the same strings again.
 */
export function useFeatureTranslations(
  translations: FeatureTranslations,
): void {
  registered.add(translations);
  const translate = inject(TranslateService);
  for (const language of translate.getLangs())
    if (isLanguage(language))
      translate.setTranslation(
        language,
        translations[language] as TranslationObject,
        true,
      );
}
