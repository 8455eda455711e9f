import { TestBed } from '@angular/core/testing';
import { provideI18n } from '../language/provide-i18n';
import { LanguageService } from '../language/language.service';
import { ErrorTranslator } from './error-translator';

describe('ErrorTranslator', () => {
  beforeEach(() => {
    localStorage.clear();
    TestBed.configureTestingModule({ providers: [provideI18n()] });
  });

  it('answers in the current language and follows the switch', () => {
    const errors = TestBed.inject(ErrorTranslator);
    const problem = {
      status: 409,
      code: 'EMAIL_TAKEN' as const,
      message: 'E-mail taken',
      correlationId: 'x',
      fields: [],
    };
    expect(errors.message(problem)).toBe('该邮箱已被使用。');
    TestBed.inject(LanguageService).use('en');
    expect(errors.message(problem)).toBe(
      'This e-mail address is already in use.',
    );
  });

  it('translates form-control errors, server ones included', () => {
    const errors = TestBed.inject(ErrorTranslator);
    expect(errors.controlErrors({ 'phone.invalid': true })).toContain('手机号');
    expect(
      errors.controlErrors({
        server: { code: 'password.common', message: 'x' },
      }),
    ).toBe('该密码过于常见，请换一个');
    expect(errors.controlErrors(null)).toBe('');
  });
});
