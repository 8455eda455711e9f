import {
  type EnvironmentProviders,
  inject,
  makeEnvironmentProviders,
  provideEnvironmentInitializer,
} from '@angular/core';
import {
  provideTranslateCompiler,
  provideTranslateLoader,
  provideTranslateService,
} from '@ngx-translate/core';
import { provideNzI18n, zh_CN } from 'ng-zorro-antd/i18n';
import { DEFAULT_LANGUAGE } from '../translations/default-language';
import { LanguageService } from './language.service';
import { PluralCompiler } from './plural-compiler';
import { StaticTranslateLoader } from './static-translate-loader';

/** ngx-translate with the bundled translations, ng-zorro's locale and the remembered language. */
export function provideI18n(): EnvironmentProviders {
  return makeEnvironmentProviders([
    provideTranslateService({
      fallbackLang: DEFAULT_LANGUAGE,
      loader: provideTranslateLoader(StaticTranslateLoader),
      // ICU plural blocks in the English strings ("1 working day", "3 working days").
      compiler: provideTranslateCompiler(PluralCompiler),
    }),
    provideNzI18n(zh_CN),
    // Apply the stored language before the first component renders.
    provideEnvironmentInitializer(() => inject(LanguageService)),
  ]);
}
