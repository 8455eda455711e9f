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
import { byTestId, click, fieldText, typeInto } from '@portal/web-ui/testing';
import { ChangePassword } from './change-password';

const me: Me = {
  id: 'u-7',
  email: 'zhangwei@jszz.example.cn',
  name: '张伟',
  language: 'zh-CN',
  secondFactorEnabled: false,
  memberships: [],
  permissions: ['company.profile.read'],
};

describe('ChangePassword', () => {
  let fixture: ComponentFixture<ChangePassword>;
  let http: HttpTestingController;

  beforeEach(async () => {
    localStorage.clear();
    TestBed.configureTestingModule({
      imports: [ChangePassword],
      providers: [
        provideI18n(),
        provideRouter([]),
        provideHttpClient(),
        provideHttpClientTesting(),
      ],
    });
    http = TestBed.inject(HttpTestingController);
    TestBed.inject(SessionStore).signIn(me);
    fixture = TestBed.createComponent(ChangePassword);
    await fixture.whenStable();
  });

  afterEach(() => http.verify());

  it('checks the policy (including the e-mail name) and the confirmation before sending', async () => {
    typeInto(fixture, 'change-currentPassword', 'Old-Password-2026');
    typeInto(fixture, 'change-newPassword', 'Zhangwei-2027!x');
    typeInto(fixture, 'change-newPasswordConfirm', 'Zhangwei-2027!y');
    click(fixture, 'change-submit');
    await fixture.whenStable();
    expect(fieldText(fixture, 'change-newPassword')).toContain(
      '不能包含邮箱用户名',
    );
    expect(fieldText(fixture, 'change-newPasswordConfirm')).toContain('不一致');
    http.expectNone(ApiRoutes.passwordChange);
  });

  it('sends the change, shows a wrong current password at its field, then confirms success', async () => {
    typeInto(fixture, 'change-currentPassword', 'Wrong-Password-1');
    typeInto(fixture, 'change-newPassword', 'Quiet-Harbour-2027!');
    typeInto(fixture, 'change-newPasswordConfirm', 'Quiet-Harbour-2027!');
    click(fixture, 'change-submit');
    await fixture.whenStable();
    const wrong = http.expectOne(ApiRoutes.passwordChange);
    expect(wrong.request.body).toEqual({
      currentPassword: 'Wrong-Password-1',
      newPassword: 'Quiet-Harbour-2027!',
    });
    wrong.flush(
      {
        statusCode: 400,
        code: 'VALIDATION_FAILED',
        message: 'currentPassword: wrong',
        correlationId: 'c-3',
        fields: [
          {
            field: 'currentPassword',
            code: 'password.wrong',
            message: 'The current password is not correct',
          },
        ],
      },
      { status: 400, statusText: 'Bad Request' },
    );
    await fixture.whenStable();
    expect(fieldText(fixture, 'change-currentPassword')).toContain(
      '密码不正确',
    );

    typeInto(fixture, 'change-currentPassword', 'Old-Password-2026');
    click(fixture, 'change-submit');
    await fixture.whenStable();
    http
      .expectOne(ApiRoutes.passwordChange)
      .flush(null, { status: 204, statusText: 'No Content' });
    await fixture.whenStable();
    expect(byTestId(fixture, 'change-password-success').textContent).toContain(
      '其他设备上的登录已退出',
    );
  });
});
