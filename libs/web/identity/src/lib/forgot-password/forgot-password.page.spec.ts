import { provideHttpClient } from '@angular/common/http';
import {
  HttpTestingController,
  provideHttpClientTesting,
} from '@angular/common/http/testing';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { ApiRoutes } from '@portal/contracts';
import { provideI18n } from '@portal/web-i18n';
import { byTestId, click, fieldText, typeInto } from '@portal/web-ui/testing';
import { ForgotPasswordPage } from './forgot-password.page';

describe('ForgotPasswordPage', () => {
  let fixture: ComponentFixture<ForgotPasswordPage>;
  let http: HttpTestingController;

  beforeEach(async () => {
    localStorage.clear();
    TestBed.configureTestingModule({
      imports: [ForgotPasswordPage],
      providers: [
        provideI18n(),
        provideRouter([]),
        provideHttpClient(),
        provideHttpClientTesting(),
      ],
    });
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(ForgotPasswordPage);
    await fixture.whenStable();
  });

  afterEach(() => http.verify());

  it('asks for a valid address before sending anything', async () => {
    typeInto(fixture, 'forgot-email', 'not-an-address');
    click(fixture, 'forgot-submit');
    await fixture.whenStable();
    expect(fieldText(fixture, 'forgot-email')).toContain('有效的邮箱');
    http.expectNone(ApiRoutes.passwordResetRequest);
  });

  it('sends the address and says the same whether or not it has an account', async () => {
    typeInto(fixture, 'forgot-email', ' li.na@jszz.example.cn ');
    click(fixture, 'forgot-submit');
    await fixture.whenStable();
    const req = http.expectOne(ApiRoutes.passwordResetRequest);
    expect(req.request.body).toEqual({ email: 'li.na@jszz.example.cn' });
    req.flush({ status: 'requested' }, { status: 202, statusText: 'Accepted' });
    await fixture.whenStable();
    const sent = byTestId(fixture, 'forgot-sent').textContent ?? '';
    expect(sent).toContain('如果 li.na@jszz.example.cn 是门户账户的邮箱');
    expect(sent).toContain('30 分钟');
  });

  it('explains a request refused for too many attempts', async () => {
    typeInto(fixture, 'forgot-email', 'li.na@jszz.example.cn');
    click(fixture, 'forgot-submit');
    await fixture.whenStable();
    http.expectOne(ApiRoutes.passwordResetRequest).flush(
      {
        statusCode: 429,
        code: 'RATE_LIMITED',
        message: 'Too many',
        correlationId: 'c-1',
      },
      { status: 429, statusText: 'Too Many Requests' },
    );
    await fixture.whenStable();
    expect(byTestId(fixture, 'error-alert').textContent).toContain('频繁');
  });
});
