import { TestBed } from '@angular/core/testing';
import { TranslateService } from '@ngx-translate/core';
import { NzI18nService } from 'ng-zorro-antd/i18n';
import { LANGUAGE_STORAGE_KEY, LanguageService } from './language.service';
import { provideI18n } from './provide-i18n';

describe('LanguageService', () => {
  beforeEach(() => localStorage.clear());

  function setup(): LanguageService {
    TestBed.configureTestingModule({ providers: [provideI18n()] });
    return TestBed.inject(LanguageService);
  }

  it('starts in Simplified Chinese and marks the document', () => {
    const languages = setup();
    expect(languages.language()).toBe('zh-CN');
    expect(document.documentElement.lang).toBe('zh-CN');
    expect(TestBed.inject(TranslateService).instant('app.name')).toBe(
      '科技局企业服务门户',
    );
  });

  it('switches everything to English and remembers it', () => {
    const languages = setup();
    languages.toggle();
    expect(languages.language()).toBe('en');
    expect(document.documentElement.lang).toBe('en');
    expect(localStorage.getItem(LANGUAGE_STORAGE_KEY)).toBe('en');
    expect(TestBed.inject(TranslateService).instant('app.name')).toBe(
      'S&T Bureau Enterprise Portal',
    );
    expect(TestBed.inject(NzI18nService).getLocaleId()).toBe('en');
  });

  it('starts in the remembered language', () => {
    localStorage.setItem(LANGUAGE_STORAGE_KEY, 'en');
    expect(setup().language()).toBe('en');
  });

  it("adopts the account's language unless the device has a choice", () => {
    const languages = setup();
    languages.adopt('en');
    expect(languages.language()).toBe('en');
    expect(localStorage.getItem(LANGUAGE_STORAGE_KEY)).toBeNull();
    languages.use('zh-CN');
    languages.adopt('en');
    expect(languages.language()).toBe('zh-CN');
  });

  it('ignores a stored value that is not a language', () => {
    localStorage.setItem(LANGUAGE_STORAGE_KEY, 'fr');
    expect(setup().language()).toBe('zh-CN');
  });
});
