import { TestBed } from '@angular/core/testing';
import { provideI18n } from '@portal/web-i18n';
import { PasswordPolicyHints } from './password-policy';

describe('PasswordPolicyHints', () => {
  beforeEach(() => {
    localStorage.clear();
    TestBed.configureTestingModule({
      imports: [PasswordPolicyHints],
      providers: [provideI18n()],
    });
  });

  async function render(password: string, email = '') {
    const fixture = TestBed.createComponent(PasswordPolicyHints);
    fixture.componentRef.setInput('password', password);
    fixture.componentRef.setInput('email', email);
    await fixture.whenStable();
    const items = [
      ...(fixture.nativeElement as HTMLElement).querySelectorAll('li'),
    ];
    return items.map((li) => li.getAttribute('data-met'));
  }

  it('lists the rules with the numbers of the shared policy', async () => {
    const fixture = TestBed.createComponent(PasswordPolicyHints);
    await fixture.whenStable();
    expect(fixture.nativeElement.textContent).toContain('至少 12 个字符');
    expect(fixture.nativeElement.textContent).toContain('至少 3 类');
  });

  it('ticks the rules as the password meets them', async () => {
    expect(await render('abc')).toEqual(['false', 'false', 'true', null]);
    expect(await render('Kaifa-Qu-2024!')).toEqual([
      'true',
      'true',
      'true',
      null,
    ]);
    expect(await render('Zhangsan-2024!', 'zhangsan@example.com')).toEqual([
      'true',
      'true',
      'false',
      null,
    ]);
  });
});
