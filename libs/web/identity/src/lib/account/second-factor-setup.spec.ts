import { provideHttpClient } from '@angular/common/http';
import {
  HttpTestingController,
  provideHttpClientTesting,
} from '@angular/common/http/testing';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { ApiRoutes, type Me } from '@portal/contracts';
import { SessionStore } from '@portal/web-data-access';
import { provideI18n } from '@portal/web-i18n';
import { byTestId, click, typeInto } from '@portal/web-ui/testing';
import { SecondFactorSetup } from './second-factor-setup';

const me: Me = {
  id: 'u-3',
  email: 'audit@kjj.example.cn',
  name: '赵敏',
  language: 'zh-CN',
  secondFactorEnabled: false,
  memberships: [],
  permissions: ['audit.read'],
};
const QR = 'data:image/png;base64,iVBORw0KGgo=';

describe('SecondFactorSetup', () => {
  let fixture: ComponentFixture<SecondFactorSetup>;
  let http: HttpTestingController;
  let session: SessionStore;

  beforeEach(async () => {
    localStorage.clear();
    TestBed.configureTestingModule({
      imports: [SecondFactorSetup],
      providers: [
        provideI18n(),
        provideRouter([]),
        provideHttpClient(),
        provideHttpClientTesting(),
      ],
    });
    http = TestBed.inject(HttpTestingController);
    session = TestBed.inject(SessionStore);
  });

  afterEach(() => http.verify());

  async function render() {
    fixture = TestBed.createComponent(SecondFactorSetup);
    await fixture.whenStable();
  }

  it('enrols with the QR code and secret, confirms with a code, and lifts a required enrolment', async () => {
    session.accept({ status: 'second_factor_enrolment_required', me });
    await render();
    expect(fixture.nativeElement.textContent).toContain(
      '您的岗位要求启用两步验证',
    );

    click(fixture, 'second-factor-start');
    await fixture.whenStable();
    http.expectOne(ApiRoutes.secondFactorEnrol).flush({
      secret: 'JBSWY3DPEHPK3PXP',
      otpauthUrl: 'otpauth://totp/Portal:audit?secret=JBSWY3DPEHPK3PXP',
      qrCodeDataUrl: QR,
    });
    await fixture.whenStable();
    expect(byTestId<HTMLImageElement>(fixture, 'second-factor-qr').src).toBe(
      QR,
    );
    expect(byTestId(fixture, 'second-factor-secret').textContent).toBe(
      'JBSWY3DPEHPK3PXP',
    );

    typeInto(fixture, 'second-factor-code', '123456');
    click(fixture, 'second-factor-confirm');
    await fixture.whenStable();
    const confirm = http.expectOne(ApiRoutes.secondFactorConfirm);
    expect(confirm.request.body).toEqual({ code: '123456' });
    confirm.flush(null, { status: 204, statusText: 'No Content' });
    http.expectOne(ApiRoutes.me).flush({ ...me, secondFactorEnabled: true });
    await fixture.whenStable();

    expect(byTestId(fixture, 'second-factor-success')).toBeTruthy();
    expect(session.isAuthenticated()).toBe(true);
    expect(session.can('audit.read')).toBe(true);
    expect(
      byTestId(fixture, 'second-factor-status').getAttribute('data-enabled'),
    ).toBe('true');
  });

  it('keeps the QR code and explains a wrong confirmation code', async () => {
    session.signIn(me);
    await render();
    click(fixture, 'second-factor-start');
    await fixture.whenStable();
    http
      .expectOne(ApiRoutes.secondFactorEnrol)
      .flush({ secret: 'S', otpauthUrl: 'otpauth://x', qrCodeDataUrl: QR });
    await fixture.whenStable();

    typeInto(fixture, 'second-factor-code', '000000');
    click(fixture, 'second-factor-confirm');
    await fixture.whenStable();
    http.expectOne(ApiRoutes.secondFactorConfirm).flush(
      {
        statusCode: 401,
        code: 'SECOND_FACTOR_INVALID',
        message: 'wrong',
        correlationId: 'c',
      },
      { status: 401, statusText: 'Unauthorized' },
    );
    await fixture.whenStable();
    expect(byTestId(fixture, 'error-alert').textContent).toContain(
      '验证码不正确',
    );
    expect(byTestId(fixture, 'second-factor-qr')).toBeTruthy();
  });

  it('replaces an active factor only after the current code or the password, keeping it until the new one is confirmed', async () => {
    session.signIn({ ...me, secondFactorEnabled: true });
    await render();
    click(fixture, 'second-factor-replace');
    await fixture.whenStable();

    // Neither the code nor the password: say what is needed, send nothing.
    click(fixture, 'second-factor-proof-submit');
    await fixture.whenStable();
    expect(fixture.nativeElement.textContent).toContain(
      '请输入身份验证器当前显示的验证码，或输入登录密码',
    );
    http.expectNone(ApiRoutes.secondFactorEnrol);

    typeInto(fixture, 'second-factor-password', 'Not-my-password-1');
    click(fixture, 'second-factor-proof-submit');
    await fixture.whenStable();
    const wrong = http.expectOne(ApiRoutes.secondFactorEnrol);
    expect(wrong.request.body).toEqual({ password: 'Not-my-password-1' });
    wrong.flush(
      {
        statusCode: 400,
        code: 'VALIDATION_FAILED',
        message: 'password: wrong',
        correlationId: 'c',
        fields: [
          { field: 'password', code: 'password.wrong', message: 'wrong' },
        ],
      },
      { status: 400, statusText: 'Bad Request' },
    );
    await fixture.whenStable();
    expect(fixture.nativeElement.textContent).toContain('密码不正确');

    typeInto(fixture, 'second-factor-password', '');
    typeInto(fixture, 'second-factor-current-code', '654321');
    click(fixture, 'second-factor-proof-submit');
    await fixture.whenStable();
    const ok = http.expectOne(ApiRoutes.secondFactorEnrol);
    expect(ok.request.body).toEqual({ currentCode: '654321' });
    ok.flush({ secret: 'NEW', otpauthUrl: 'otpauth://x', qrCodeDataUrl: QR });
    await fixture.whenStable();
    expect(byTestId(fixture, 'second-factor-qr')).toBeTruthy();
    // Still shown as enabled: the old factor holds until the new one is confirmed.
    expect(
      byTestId(fixture, 'second-factor-status').getAttribute('data-enabled'),
    ).toBe('true');
  });

  it('shows an enabled second factor without offering enrolment', async () => {
    session.signIn({ ...me, secondFactorEnabled: true });
    await render();
    expect(
      byTestId(fixture, 'second-factor-status').getAttribute('data-enabled'),
    ).toBe('true');
    expect(
      fixture.nativeElement.querySelector(
        '[data-testid="second-factor-start"]',
      ),
    ).toBeNull();
  });
});
