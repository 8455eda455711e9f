import { provideHttpClient } from '@angular/common/http';
import {
  HttpTestingController,
  provideHttpClientTesting,
} from '@angular/common/http/testing';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import {
  ActivatedRoute,
  Router,
  convertToParamMap,
  provideRouter,
} from '@angular/router';
import { ApiRoutes, type ErrorBody, type Me } from '@portal/contracts';
import { SessionStore } from '@portal/web-data-access';
import { provideI18n } from '@portal/web-i18n';
import { byTestId, click, typeInto } from '@portal/web-ui/testing';
import { LoginPage } from './login.page';

const me: Me = {
  id: 'u-1',
  email: 'reviewer@kjj.example.cn',
  name: '王芳',
  language: 'zh-CN',
  secondFactorEnabled: true,
  memberships: [],
  permissions: ['company.region.read', 'company.verify'],
};

function errorBody(
  statusCode: number,
  code: ErrorBody['code'],
  message: string = code,
): ErrorBody {
  return { statusCode, code, message, correlationId: 'req-9' };
}

describe('LoginPage', () => {
  let fixture: ComponentFixture<LoginPage>;
  let http: HttpTestingController;
  let navigateByUrl: jest.SpyInstance;

  async function setup(returnUrl?: string) {
    localStorage.clear();
    TestBed.configureTestingModule({
      imports: [LoginPage],
      providers: [
        provideI18n(),
        provideRouter([]),
        provideHttpClient(),
        provideHttpClientTesting(),
        {
          provide: ActivatedRoute,
          useValue: {
            snapshot: {
              queryParamMap: convertToParamMap(returnUrl ? { returnUrl } : {}),
            },
          },
        },
      ],
    });
    http = TestBed.inject(HttpTestingController);
    navigateByUrl = jest
      .spyOn(TestBed.inject(Router), 'navigateByUrl')
      .mockResolvedValue(true);
    fixture = TestBed.createComponent(LoginPage);
    await fixture.whenStable();
  }

  async function submitCredentials() {
    typeInto(fixture, 'login-email', ' reviewer@kjj.example.cn ');
    typeInto(fixture, 'login-password', 'Correct-Horse-9');
    click(fixture, 'login-submit');
    await fixture.whenStable();
  }

  afterEach(() => http.verify());

  it('asks for the 6-digit code when the account has a second factor, then logs in', async () => {
    await setup();
    await submitCredentials();
    const login = http.expectOne(ApiRoutes.login);
    expect(login.request.method).toBe('POST');
    expect(login.request.body).toEqual({
      email: 'reviewer@kjj.example.cn',
      password: 'Correct-Horse-9',
    });
    login.flush({ status: 'second_factor_required' });
    await fixture.whenStable();

    expect(byTestId(fixture, 'login-second-factor')).toBeTruthy();
    expect(
      fixture.nativeElement.querySelector('[data-testid="login-password"]'),
    ).toBeNull();
    expect(TestBed.inject(SessionStore).isAuthenticated()).toBe(false);

    typeInto(fixture, 'login-code', '123456');
    click(fixture, 'login-code-submit');
    await fixture.whenStable();
    const second = http.expectOne(ApiRoutes.loginSecondFactor);
    expect(second.request.body).toEqual({ code: '123456' });
    second.flush({ status: 'authenticated', me });
    await fixture.whenStable();

    expect(TestBed.inject(SessionStore).me()).toEqual(me);
    expect(navigateByUrl).toHaveBeenCalledWith('/');
  });

  it('keeps the code step and explains a wrong code', async () => {
    await setup();
    await submitCredentials();
    http.expectOne(ApiRoutes.login).flush({ status: 'second_factor_required' });
    await fixture.whenStable();

    typeInto(fixture, 'login-code', '654321');
    click(fixture, 'login-code-submit');
    await fixture.whenStable();
    http
      .expectOne(ApiRoutes.loginSecondFactor)
      .flush(errorBody(401, 'SECOND_FACTOR_INVALID'), {
        status: 401,
        statusText: 'Unauthorized',
      });
    await fixture.whenStable();

    expect(byTestId(fixture, 'error-alert').textContent).toContain(
      '验证码不正确',
    );
    expect(byTestId(fixture, 'error-reference').textContent).toContain('req-9');
    expect(byTestId<HTMLInputElement>(fixture, 'login-code').value).toBe('');
    expect(navigateByUrl).not.toHaveBeenCalled();
  });

  it('starts again with the password when too many wrong codes ended the session', async () => {
    await setup();
    await submitCredentials();
    http.expectOne(ApiRoutes.login).flush({ status: 'second_factor_required' });
    await fixture.whenStable();

    typeInto(fixture, 'login-code', '654321');
    click(fixture, 'login-code-submit');
    await fixture.whenStable();
    http
      .expectOne(ApiRoutes.loginSecondFactor)
      .flush(errorBody(401, 'SECOND_FACTOR_ATTEMPTS_EXCEEDED'), {
        status: 401,
        statusText: 'Unauthorized',
      });
    await fixture.whenStable();

    expect(byTestId(fixture, 'error-alert').textContent).toContain(
      '请重新输入密码登录',
    );
    expect(byTestId<HTMLInputElement>(fixture, 'login-password').value).toBe(
      '',
    );
    expect(
      fixture.nativeElement.querySelector('[data-testid="login-code"]'),
    ).toBeNull();
  });

  it('offers a way to reset a forgotten password', async () => {
    await setup();
    expect(byTestId(fixture, 'forgot-link').getAttribute('href')).toBe(
      '/forgot-password',
    );
    expect(byTestId(fixture, 'forgot-link').textContent).toContain(
      '忘记密码？',
    );
  });

  it('links to the public notices, which anyone may read without logging in', async () => {
    await setup();
    const link = byTestId(fixture, 'public-notices-link');
    expect(link.getAttribute('href')).toBe('/notices');
    expect(link.textContent).toContain('公示公告');
  });

  it('does not send a code that is not six digits', async () => {
    await setup();
    await submitCredentials();
    http.expectOne(ApiRoutes.login).flush({ status: 'second_factor_required' });
    await fixture.whenStable();

    typeInto(fixture, 'login-code', '12ab');
    click(fixture, 'login-code-submit');
    await fixture.whenStable();
    http.expectNone(ApiRoutes.loginSecondFactor);
    expect(
      byTestId(fixture, 'login-code').closest('.ant-form-item')?.textContent,
    ).toContain('请输入 6 位数字验证码');
  });

  it('goes back to the page the user came for', async () => {
    await setup('/review');
    await submitCredentials();
    http.expectOne(ApiRoutes.login).flush({ status: 'authenticated', me });
    await fixture.whenStable();
    expect(navigateByUrl).toHaveBeenCalledWith('/review');
  });

  it('sends staff who must set up a second factor to the account page', async () => {
    await setup('/audit');
    await submitCredentials();
    http.expectOne(ApiRoutes.login).flush({
      status: 'second_factor_enrolment_required',
      me: { ...me, secondFactorEnabled: false },
    });
    await fixture.whenStable();
    expect(TestBed.inject(SessionStore).enrolmentRequired()).toBe(true);
    expect(navigateByUrl).toHaveBeenCalledWith('/account');
  });

  it('tells until when a locked account stays locked', async () => {
    await setup();
    await submitCredentials();
    http
      .expectOne(ApiRoutes.login)
      .flush(
        errorBody(
          423,
          'ACCOUNT_LOCKED',
          'Account locked until 2031-03-04T05:06:00.000Z',
        ),
        {
          status: 423,
          statusText: 'Locked',
        },
      );
    await fixture.whenStable();
    const text = byTestId(fixture, 'error-alert').textContent ?? '';
    expect(text).toContain('暂时锁定');
    expect(text).toContain('2031');
  });

  it('checks the fields before calling the API', async () => {
    await setup();
    click(fixture, 'login-submit');
    await fixture.whenStable();
    http.expectNone(ApiRoutes.login);
    expect(
      byTestId(fixture, 'login-email').closest('.ant-form-item')?.textContent,
    ).toContain('此项为必填项');
  });
});
