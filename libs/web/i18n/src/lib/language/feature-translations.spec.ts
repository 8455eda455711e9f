import { TestBed } from '@angular/core/testing';
import { TranslateService } from '@ngx-translate/core';
import { useFeatureTranslations } from './feature-translations';
import { LanguageService } from './language.service';
import { provideI18n } from './provide-i18n';

const STRINGS = {
  'zh-CN': { featureSpec: { hello: '你好，{{name}}' } },
  en: { featureSpec: { hello: 'Hello, {{name}}' } },
};

describe('useFeatureTranslations', () => {
  it("merges a feature's strings into the loaded language and into one loaded later, keeping the app's", () => {
    localStorage.clear();
    TestBed.configureTestingModule({ providers: [provideI18n()] });
    const translate = TestBed.inject(TranslateService);
    TestBed.runInInjectionContext(() => useFeatureTranslations(STRINGS));
    expect(translate.instant('featureSpec.hello', { name: '李伟' })).toBe(
      '你好，李伟',
    );
    TestBed.inject(LanguageService).use('en');
    expect(translate.instant('featureSpec.hello', { name: 'Li Wei' })).toBe(
      'Hello, Li Wei',
    );
    expect(translate.instant('common.cancel')).toBe('Cancel');
  });
});
