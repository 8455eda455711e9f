import { TestBed } from '@angular/core/testing';
import { TranslateService } from '@ngx-translate/core';
import { provideI18n } from './provide-i18n';
import { resolvePlurals } from './plural-compiler';

describe('plural forms', () => {
  it('chooses the English form by the number and leaves Chinese alone', () => {
    const text =
      '{{count}} working {count, plural, one {day} other {days}} left';
    expect(resolvePlurals(text, { count: 1 }, 'en')).toBe(
      '{{count}} working day left',
    );
    expect(resolvePlurals(text, { count: 0 }, 'en')).toBe(
      '{{count}} working days left',
    );
    expect(resolvePlurals(text, { count: 3 }, 'en')).toBe(
      '{{count}} working days left',
    );
    expect(
      resolvePlurals(
        '{n, plural, =0 {none} one {# file} other {# files}}',
        { n: 0 },
        'en',
      ),
    ).toBe('none');
    expect(
      resolvePlurals('剩余 {{count}} 个工作日', { count: 1 }, 'zh-CN'),
    ).toBe('剩余 {{count}} 个工作日');
  });

  it('prints "1 working day" and "2 working days" wherever working days are counted', () => {
    localStorage.clear();
    TestBed.configureTestingModule({ providers: [provideI18n()] });
    const translate = TestBed.inject(TranslateService);
    translate.use('en');
    for (const key of [
      'milestones.daysLeft',
      'milestones.overdueBy',
      'milestones.limit',
      'calls.workingDaysLeft',
      'myApplicationsList.daysLeft',
      'myApplicationsList.overdueBy',
    ]) {
      const one = translate.instant(key, { count: 1 }) as string;
      const two = translate.instant(key, { count: 2 }) as string;
      expect(one).toMatch(/\b1 working day\b(?!s)/);
      expect(two).toMatch(/\b2 working days\b/);
    }
    translate.use('zh-CN');
    expect(translate.instant('milestones.daysLeft', { count: 1 })).toBe(
      '剩余 1 个工作日',
    );
  });
});
