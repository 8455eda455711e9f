import { FormControl, FormGroup } from '@angular/forms';
import {
  mainlandMobileValidator,
  matchesValidator,
  passwordPolicyValidator,
  sibling,
  totpCodeValidator,
  usccValidator,
} from './validators';

const check = (validator: ReturnType<typeof usccValidator>, value: string) =>
  validator(new FormControl(value));

describe('form validators', () => {
  describe('unified social credit code', () => {
    const uscc = usccValidator();

    it('accepts a code with the right check character, also typed full-width', () => {
      expect(check(uscc, '91350100M000100Y43')).toBeNull();
      expect(check(uscc, '９１３５０１００Ｍ０００１００Ｙ４３')).toBeNull();
      expect(check(uscc, ' 91350100m000100y43 ')).toBeNull();
    });

    it('names the broken rule with the API field code', () => {
      expect(check(uscc, '91350100M000100Y44')).toEqual({ 'uscc.check': true });
      expect(check(uscc, '91350100M000100Y4')).toEqual({ 'uscc.length': true });
      expect(check(uscc, '91350100M000100I43')).toEqual({
        'uscc.character': true,
      });
    });

    it('leaves an empty field to the required validator', () => {
      expect(check(uscc, '')).toBeNull();
    });
  });

  describe('password policy', () => {
    it('reports every broken rule', () => {
      expect(check(passwordPolicyValidator(), 'short')).toEqual({
        'password.too_short': true,
        'password.too_few_classes': true,
      });
      expect(check(passwordPolicyValidator(), 'alllowercaseletters')).toEqual({
        'password.too_few_classes': true,
      });
      expect(check(passwordPolicyValidator(), 'Kaifa-Qu-2024!')).toBeNull();
    });

    it('rejects a password containing the e-mail name', () => {
      const validator = passwordPolicyValidator(() => 'zhangsan@example.com');
      expect(check(validator, 'Zhangsan-2024!x')).toEqual({
        'password.contains_email': true,
      });
    });
  });

  it('reads the e-mail and the password from sibling controls', () => {
    const group = new FormGroup({
      email: new FormControl('wangfang@example.com'),
      password: new FormControl(
        'Wangfang-2024!',
        passwordPolicyValidator(sibling('email')),
      ),
      confirm: new FormControl(
        'Wangfang-2024?',
        matchesValidator(sibling('password')),
      ),
    });
    // Validators first run before the group exists; a change (or submit) runs them again.
    group.controls.password.updateValueAndValidity();
    group.controls.confirm.updateValueAndValidity();
    expect(group.controls.password.errors).toEqual({
      'password.contains_email': true,
    });
    expect(group.controls.confirm.errors).toEqual({
      'password.mismatch': true,
    });
  });

  it('flags a confirmation that differs', () => {
    const validator = matchesValidator(() => 'Kaifa-Qu-2024!');
    expect(check(validator, 'Kaifa-Qu-2024?')).toEqual({
      'password.mismatch': true,
    });
    expect(check(validator, 'Kaifa-Qu-2024!')).toBeNull();
  });

  it('accepts mainland mobile numbers only', () => {
    const phone = mainlandMobileValidator();
    expect(check(phone, '13812345678')).toBeNull();
    expect(check(phone, '138 1234 5678')).toBeNull();
    expect(check(phone, '12812345678')).toEqual({ 'phone.invalid': true });
    expect(check(phone, '1381234567')).toEqual({ 'phone.invalid': true });
  });

  it('wants six digits for a one-time code', () => {
    expect(check(totpCodeValidator(), '123456')).toBeNull();
    expect(check(totpCodeValidator(), '12345a')).toEqual({
      'code.format': true,
    });
  });
});
