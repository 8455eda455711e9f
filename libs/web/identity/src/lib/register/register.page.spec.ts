import { provideHttpClient } from '@angular/common/http';
import {
  HttpTestingController,
  provideHttpClientTesting,
} from '@angular/common/http/testing';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { NgControl } from '@angular/forms';
import { By } from '@angular/platform-browser';
import { Router, provideRouter } from '@angular/router';
import { ApiRoutes, type ErrorBody, type RegionView } from '@portal/contracts';
import { SessionStore } from '@portal/web-data-access';
import { LanguageService, provideI18n } from '@portal/web-i18n';
import { byTestId, fieldText, typeInto } from '@portal/web-ui/testing';
import { RegisterPage } from './register.page';

const REGIONS: RegionView[] = [
  { code: '330421', name: '嘉善县', level: 'county' },
  { code: '330424', name: '海盐县', level: 'county' },
];
const VALID_USCC = '91350100M000100Y43';

describe('RegisterPage', () => {
  let fixture: ComponentFixture<RegisterPage>;
  let http: HttpTestingController;
  let navigateByUrl: jest.SpyInstance;

  beforeEach(async () => {
    localStorage.clear();
    TestBed.configureTestingModule({
      imports: [RegisterPage],
      providers: [
        provideI18n(),
        provideRouter([]),
        provideHttpClient(),
        provideHttpClientTesting(),
      ],
    });
    http = TestBed.inject(HttpTestingController);
    navigateByUrl = jest
      .spyOn(TestBed.inject(Router), 'navigateByUrl')
      .mockResolvedValue(true);
    fixture = TestBed.createComponent(RegisterPage);
    await fixture.whenStable();
    http.expectOne(ApiRoutes.regions).flush(REGIONS);
    await fixture.whenStable();
  });

  afterEach(() => http.verify());

  function chooseRegion(code: string) {
    const select = fixture.debugElement.query(
      By.css('[data-testid="register-regionCode"]'),
    );
    select.injector.get(NgControl).control?.setValue(code);
  }

  async function fillValidForm() {
    typeInto(fixture, 'register-companyName', '嘉善智造科技有限公司');
    typeInto(fixture, 'register-creditCode', VALID_USCC);
    chooseRegion('330421');
    typeInto(fixture, 'register-contactName', '张伟');
    typeInto(fixture, 'register-phone', '138 1234 5678');
    typeInto(fixture, 'register-email', 'zhang.wei@jszz.example.cn');
    typeInto(fixture, 'register-password', 'Kaifa-Qu-2024!');
    typeInto(fixture, 'register-passwordConfirm', 'Kaifa-Qu-2024!');
    await fixture.whenStable();
  }

  async function submit() {
    byTestId(fixture, 'register-submit').click();
    await fixture.whenStable();
  }

  it('checks the credit code check character as the user types', async () => {
    typeInto(fixture, 'register-creditCode', '91350100M000100Y44');
    await fixture.whenStable();
    expect(fieldText(fixture, 'register-creditCode')).toContain('校验位不正确');

    typeInto(fixture, 'register-creditCode', '91350100M000100Y4');
    await fixture.whenStable();
    expect(fieldText(fixture, 'register-creditCode')).toContain('应为 18 位');

    typeInto(fixture, 'register-creditCode', VALID_USCC);
    await fixture.whenStable();
    expect(fieldText(fixture, 'register-creditCode')).toContain('校验通过');
  });

  it('turns a full-width credit code into the form that is sent', async () => {
    typeInto(
      fixture,
      'register-creditCode',
      '９１３５０１００ｍ０００１００ｙ４３',
    );
    await fixture.whenStable();
    expect(
      byTestId<HTMLInputElement>(fixture, 'register-creditCode').value,
    ).toBe(VALID_USCC);
    expect(fieldText(fixture, 'register-creditCode')).toContain('校验通过');
  });

  it('shows the password policy live and names the broken rule', async () => {
    typeInto(fixture, 'register-password', 'short');
    await fixture.whenStable();
    expect(fieldText(fixture, 'register-password')).toContain(
      '密码至少需要 12 个字符',
    );
    const rules = [
      ...byTestId(fixture, 'password-policy').querySelectorAll('li'),
    ].map((li) => li.getAttribute('data-met'));
    expect(rules).toEqual(['false', 'false', 'true', null]);

    typeInto(fixture, 'register-password', 'alllowercaseletters');
    await fixture.whenStable();
    expect(fieldText(fixture, 'register-password')).toContain('至少 3 类');
  });

  it('flags a password confirmation that does not match, also after the password changes', async () => {
    typeInto(fixture, 'register-password', 'Kaifa-Qu-2024!');
    typeInto(fixture, 'register-passwordConfirm', 'Kaifa-Qu-2024!');
    await fixture.whenStable();
    expect(fieldText(fixture, 'register-passwordConfirm')).not.toContain(
      '不一致',
    );

    typeInto(fixture, 'register-password', 'Kaifa-Qu-2025!');
    await fixture.whenStable();
    expect(fieldText(fixture, 'register-passwordConfirm')).toContain(
      '两次输入的密码不一致',
    );
  });

  it('rejects a phone number that is not a mainland mobile', async () => {
    typeInto(fixture, 'register-phone', '0573-84123456');
    await fixture.whenStable();
    expect(fieldText(fixture, 'register-phone')).toContain(
      '有效的中国大陆手机号',
    );
  });

  it('shows every problem on submit instead of calling the API', async () => {
    await submit();
    http.expectNone(ApiRoutes.register);
    expect(fieldText(fixture, 'register-companyName')).toContain(
      '此项为必填项',
    );
    expect(fieldText(fixture, 'register-regionCode')).toContain('此项为必填项');
  });

  it('sends the normalised request, then says to log in without telling whether the address had an account', async () => {
    await fillValidForm();
    await submit();
    const req = http.expectOne(ApiRoutes.register);
    expect(req.request.body).toEqual({
      companyName: '嘉善智造科技有限公司',
      creditCode: VALID_USCC,
      regionCode: '330421',
      contactName: '张伟',
      email: 'zhang.wei@jszz.example.cn',
      phone: '13812345678',
      password: 'Kaifa-Qu-2024!',
      language: 'zh-CN',
    });
    req.flush({ status: 'registered' }, { status: 201, statusText: 'Created' });
    await fixture.whenStable();
    // The same answer whether or not the address had an account: the page says what comes
    // next (log in; a mail is on its way) and never that the address is taken.
    const done = byTestId(fixture, 'register-done').textContent ?? '';
    expect(done).toContain('zhang.wei@jszz.example.cn');
    expect(done).not.toMatch(/已被使用|已注册/);
    expect(byTestId(fixture, 'register-login').getAttribute('href')).toBe(
      '/login',
    );
    expect(TestBed.inject(SessionStore).isAuthenticated()).toBe(false);
    expect(navigateByUrl).not.toHaveBeenCalled();
  });

  it('refuses a founding date after today at the field, and sends one that has passed', async () => {
    await fillValidForm();
    const tomorrow = new Date(Date.now() + 8 * 3_600_000 + 86_400_000)
      .toISOString()
      .slice(0, 10);
    typeInto(fixture, 'register-foundedOn', tomorrow);
    await submit();
    http.expectNone(ApiRoutes.register);
    expect(fieldText(fixture, 'register-foundedOn')).toContain(
      '该日期不能晚于今天',
    );
    typeInto(fixture, 'register-foundedOn', '2016-05-01');
    await submit();
    const req = http.expectOne(ApiRoutes.register);
    expect(req.request.body.foundedOn).toBe('2016-05-01');
    req.flush({ status: 'registered' }, { status: 201, statusText: 'Created' });
  });

  it('puts the server field errors at their fields, in the chosen language', async () => {
    await fillValidForm();
    await submit();
    const body: ErrorBody = {
      statusCode: 400,
      code: 'VALIDATION_FAILED',
      message: 'password: too common',
      correlationId: 'req-41',
      fields: [
        {
          field: 'password',
          code: 'password.common',
          message: 'The password is too common.',
        },
        { field: 'contactName', code: 'too_long', message: 'Too long.' },
      ],
    };
    http
      .expectOne(ApiRoutes.register)
      .flush(body, { status: 400, statusText: 'Bad Request' });
    await fixture.whenStable();

    expect(fieldText(fixture, 'register-password')).toContain('该密码过于常见');
    expect(fieldText(fixture, 'register-contactName')).toContain('内容过长');
    expect(byTestId(fixture, 'error-alert').textContent).toContain(
      '提交的信息有误',
    );
    expect(byTestId(fixture, 'error-reference').textContent).toContain(
      'req-41',
    );

    TestBed.inject(LanguageService).use('en');
    await fixture.whenStable();
    expect(fieldText(fixture, 'register-password')).toContain(
      'This password is too common',
    );

    // Editing the field clears the server's verdict until the next submit.
    typeInto(fixture, 'register-password', 'Another-Pass-2024!');
    await fixture.whenStable();
    expect(fieldText(fixture, 'register-password')).not.toContain('too common');
  });

  it('shows a taken credit code at the credit code field', async () => {
    await fillValidForm();
    await submit();
    http.expectOne(ApiRoutes.register).flush(
      {
        statusCode: 409,
        code: 'CREDIT_CODE_TAKEN',
        message: 'A company with this credit code is already registered.',
        correlationId: 'req-42',
      } satisfies ErrorBody,
      { status: 409, statusText: 'Conflict' },
    );
    await fixture.whenStable();
    expect(fieldText(fixture, 'register-creditCode')).toContain(
      '该统一社会信用代码已注册',
    );
  });
});
