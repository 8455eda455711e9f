import { Injectable } from '@angular/core';
import { TranslateLoader, type TranslationObject } from '@ngx-translate/core';
import { type Observable, of } from 'rxjs';
import { DEFAULT_LANGUAGE, TRANSLATIONS } from '../translations';
import { featureTranslationsFor } from './feature-translations';
import { isLanguage } from './language';

/**
 * Translations are bundled with the app: loading is synchronous and never touches the network.
 * The strings of features already loaded (see useFeatureTranslations) are merged in.
 */
@Injectable()
export class StaticTranslateLoader implements TranslateLoader {
  getTranslation(lang: string): Observable<TranslationObject> {
    const language = isLanguage(lang) ? lang : DEFAULT_LANGUAGE;
    return of({
      ...TRANSLATIONS[language],
      ...featureTranslationsFor(language),
    } as TranslationObject);
  }
}
