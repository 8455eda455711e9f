import { Injectable, PendingTasks, inject } from '@angular/core';
import { TranslateLoader, type TranslationObject } from '@ngx-translate/core';
import type { Language } from '@portal/contracts';
import { type Observable, from, map, of } from 'rxjs';
import { DEFAULT_LANGUAGE } from '../translations/default-language';
import { featureTranslationsFor } from './feature-translations';
import { isLanguage } from './language';

/**
 * Each language's strings as a chunk of their own, fetched when the language is first used: the
 * first bundle carries neither language (~90 kB), and a Chinese reader never downloads English.
 */
const LANGUAGE_CHUNKS: Readonly<
  Record<Language, () => Promise<TranslationObject>>
> = {
  'zh-CN': () =>
    import('../translations/zh-cn').then(
      (m) => m.zhCN as unknown as TranslationObject,
    ),
  en: () =>
    import('../translations/en').then(
      (m) => m.en as unknown as TranslationObject,
    ),
};

const inMemory = new Map<Language, TranslationObject>();

/**
 * Keeps languages' strings in memory so they load at once, without fetching their chunk: the
 * specs' setup gives every language here, so a spec reads strings synchronously as before.
 */
export function keepTranslationsInMemory(
  translations: Readonly<Partial<Record<Language, object>>>,
): void {
  for (const [language, strings] of Object.entries(translations))
    if (isLanguage(language) && strings)
      inMemory.set(language, strings as TranslationObject);
}

/**
 * The language's bundled strings (from the app's own chunk, never another server), with the
 * strings of features already loaded (see useFeatureTranslations) merged in. The load is a
 * pending task, so the app (and a spec's whenStable) waits for it before it counts as stable.
 */
@Injectable()
export class StaticTranslateLoader implements TranslateLoader {
  private readonly pendingTasks = inject(PendingTasks);

  getTranslation(lang: string): Observable<TranslationObject> {
    const language = isLanguage(lang) ? lang : DEFAULT_LANGUAGE;
    const kept = inMemory.get(language);
    if (kept)
      return of({
        ...kept,
        ...featureTranslationsFor(language),
      } as TranslationObject);
    const done = this.pendingTasks.add();
    return from(LANGUAGE_CHUNKS[language]().finally(done)).pipe(
      map(
        (strings) =>
          ({
            ...strings,
            ...featureTranslationsFor(language),
          }) as TranslationObject,
      ),
    );
  }
}
