import { provideHttpClient } from '@angular/common/http';
import {
  HttpTestingController,
  provideHttpClientTesting,
} from '@angular/common/http/testing';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { ActivatedRoute, provideRouter } from '@angular/router';
import { ApiRoutes } from '@portal/contracts';
import { provideI18n } from '@portal/web-i18n';
import { byTestId, click, fieldText, typeInto } from '@portal/web-ui/testing';
import { ResetPasswordPage } from './reset-password.page';

async function render(
  fragment: string | null,
): Promise<ComponentFixture<ResetPasswordPage>> {
  TestBed.configureTestingModule({
    imports: [ResetPasswordPage],
    providers: [
      provideI18n(),
      provideRouter([]),
      provideHttpClient(),
      provideHttpClientTesting(),
      { provide: ActivatedRoute, useValue: { snapshot: { fragment } } },
    ],
  });
  const fixture = TestBed.createComponent(ResetPasswordPage);
  await fixture.whenStable();
  return fixture;
}

describe('ResetPasswordPage', () => {
  beforeEach(() => localStorage.clear());
  afterEach(() => TestBed.inject(HttpTestingController).verify());

  it('posts the token from the fragment with the new password, never in a URL', async () => {
    const fixture = await render('token=abc_DEF-123');
    const http = TestBed.inject(HttpTestingController);
    typeInto(fixture, 'reset-password', 'short');
    await fixture.whenStable();
    expect(fieldText(fixture, 'reset-password')).toContain('12');

    typeInto(fixture, 'reset-password', 'Quiet-Harbour-2027!');
    typeInto(fixture, 'reset-passwordConfirm', 'Quiet-Harbour-2027!');
    click(fixture, 'reset-submit');
    await fixture.whenStable();
    const req = http.expectOne(ApiRoutes.passwordReset);
    expect(req.request.urlWithParams).toBe(ApiRoutes.passwordReset);
    expect(req.request.body).toEqual({
      token: 'abc_DEF-123',
      password: 'Quiet-Harbour-2027!',
    });
    req.flush(null, { status: 204, statusText: 'No Content' });
    await fixture.whenStable();
    expect(byTestId(fixture, 'reset-done').textContent).toContain(
      '请使用新密码登录',
    );
  });

  it('explains a used or expired link and offers a new one', async () => {
    const fixture = await render('token=used');
    const http = TestBed.inject(HttpTestingController);
    typeInto(fixture, 'reset-password', 'Quiet-Harbour-2027!');
    typeInto(fixture, 'reset-passwordConfirm', 'Quiet-Harbour-2027!');
    click(fixture, 'reset-submit');
    await fixture.whenStable();
    http.expectOne(ApiRoutes.passwordReset).flush(
      {
        statusCode: 400,
        code: 'PASSWORD_RESET_INVALID',
        message: 'invalid',
        correlationId: 'c-2',
      },
      { status: 400, statusText: 'Bad Request' },
    );
    await fixture.whenStable();
    expect(byTestId(fixture, 'error-alert').textContent).toContain(
      '链接无效、已使用或已过期',
    );
    expect(byTestId(fixture, 'reset-request-again').getAttribute('href')).toBe(
      '/forgot-password',
    );
    // The spent link cannot set a password: no form to fill in vain.
    expect(
      fixture.nativeElement.querySelector('[data-testid="reset-submit"]'),
    ).toBeNull();
  });

  it('says a link without its token is incomplete, without a form', async () => {
    const fixture = await render(null);
    expect(byTestId(fixture, 'reset-missing-token').textContent).toContain(
      '链接不完整',
    );
    expect(
      fixture.nativeElement.querySelector('[data-testid="reset-submit"]'),
    ).toBeNull();
  });
});
