import { TestBed } from '@angular/core/testing';
import { provideI18n } from '../language/provide-i18n';
import { LanguageService } from '../language/language.service';
import { LabelPipe } from './label.pipe';

describe('LabelPipe', () => {
  beforeEach(() => {
    localStorage.clear();
    TestBed.configureTestingModule({ providers: [provideI18n(), LabelPipe] });
  });

  it('picks the wording of the current language and follows the switch', () => {
    const pipe = TestBed.runInInjectionContext(() => new LabelPipe());
    const labels = { 'zh-CN': '草稿', en: 'Draft' };
    expect(pipe.transform(labels)).toBe('草稿');
    TestBed.inject(LanguageService).use('en');
    expect(pipe.transform(labels)).toBe('Draft');
    expect(pipe.transform(null)).toBe('');
  });
});
