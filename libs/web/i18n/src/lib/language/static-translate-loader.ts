import { Injectable } from '@angular/core';
import { TranslateLoader, type TranslationObject } from '@ngx-translate/core';
import { type Observable, of } from 'rxjs';
import { DEFAULT_LANGUAGE, TRANSLATIONS } from '../translations';
import { isLanguage } from './language';

/** Translations are bundled with the app: loading is synchronous and never touches the network. */
@Injectable()
export class StaticTranslateLoader implements TranslateLoader {
  getTranslation(lang: string): Observable<TranslationObject> {
    return of(
      TRANSLATIONS[
        isLanguage(lang) ? lang : DEFAULT_LANGUAGE
      ] as TranslationObject,
    );
  }
}
