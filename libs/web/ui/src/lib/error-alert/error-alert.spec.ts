import { TestBed } from '@angular/core/testing';
import { LanguageService, provideI18n } from '@portal/web-i18n';
import { ErrorAlert } from './error-alert';

describe('ErrorAlert', () => {
  beforeEach(() => {
    localStorage.clear();
    TestBed.configureTestingModule({
      imports: [ErrorAlert],
      providers: [provideI18n()],
    });
  });

  it('renders nothing without a problem', async () => {
    const fixture = TestBed.createComponent(ErrorAlert);
    await fixture.whenStable();
    expect(
      fixture.nativeElement.querySelector('[data-testid="error-alert"]'),
    ).toBeNull();
  });

  it('shows the translated code and the support reference, in the chosen language', async () => {
    const fixture = TestBed.createComponent(ErrorAlert);
    fixture.componentRef.setInput('problem', {
      status: 409,
      code: 'CREDIT_CODE_TAKEN',
      message: 'Credit code taken',
      correlationId: 'req-77',
      fields: [],
    });
    await fixture.whenStable();
    const element: HTMLElement = fixture.nativeElement;
    expect(element.textContent).toContain('该统一社会信用代码已注册。');
    expect(
      element.querySelector('[data-testid="error-reference"]')?.textContent,
    ).toContain('req-77');

    TestBed.inject(LanguageService).use('en');
    await fixture.whenStable();
    expect(element.textContent).toContain('already registered');
    expect(element.textContent).toContain('Reference: req-77');
  });
});
