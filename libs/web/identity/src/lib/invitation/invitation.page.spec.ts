import { provideHttpClient } from '@angular/common/http';
import {
  HttpTestingController,
  provideHttpClientTesting,
} from '@angular/common/http/testing';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { ActivatedRoute, Router, provideRouter } from '@angular/router';
import { ApiRoutes, type Me } from '@portal/contracts';
import { SessionStore } from '@portal/web-data-access';
import { provideI18n } from '@portal/web-i18n';
import { byTestId, click, fieldText, typeInto } from '@portal/web-ui/testing';
import { InvitationPage } from './invitation.page';

describe('InvitationPage', () => {
  let fixture: ComponentFixture<InvitationPage>;
  let http: HttpTestingController;

  beforeEach(async () => {
    localStorage.clear();
    TestBed.configureTestingModule({
      imports: [InvitationPage],
      providers: [
        provideI18n(),
        provideRouter([]),
        provideHttpClient(),
        provideHttpClientTesting(),
        {
          provide: ActivatedRoute,
          useValue: { snapshot: { fragment: 'token=tok-123' } },
        },
      ],
    });
    http = TestBed.inject(HttpTestingController);
    jest.spyOn(TestBed.inject(Router), 'navigateByUrl').mockResolvedValue(true);
    fixture = TestBed.createComponent(InvitationPage);
    await fixture.whenStable();
  });

  afterEach(() => http.verify());

  it('reads the token from the fragment and posts it, never putting it in a URL', () => {
    const req = http.expectOne(ApiRoutes.invitation);
    expect(req.request.method).toBe('POST');
    expect(req.request.urlWithParams).toBe(ApiRoutes.invitation);
    expect(req.request.body).toEqual({ token: 'tok-123' });
    req.flush({
      email: 'li.na@jszz.example.cn',
      companyName: '嘉善智造科技有限公司',
      role: 'enterprise_member',
      expiresAt: '2030-01-01T00:00:00.000Z',
    });
  });

  it('shows who invites, then accepts with a name and password', async () => {
    http.expectOne(ApiRoutes.invitation).flush({
      email: 'li.na@jszz.example.cn',
      companyName: '嘉善智造科技有限公司',
      role: 'enterprise_member',
      expiresAt: '2030-01-01T00:00:00.000Z',
    });
    await fixture.whenStable();
    expect(byTestId(fixture, 'invitation-intro').textContent).toContain(
      '嘉善智造科技有限公司',
    );
    expect(byTestId(fixture, 'invitation-intro').textContent).toContain(
      '企业成员',
    );

    typeInto(fixture, 'invitation-name', '李娜');
    typeInto(fixture, 'invitation-password', 'Lina-Pass-2024!');
    typeInto(fixture, 'invitation-passwordConfirm', 'Lina-Pass-2024?');
    await fixture.whenStable();
    expect(fieldText(fixture, 'invitation-passwordConfirm')).toContain(
      '不一致',
    );

    typeInto(fixture, 'invitation-passwordConfirm', 'Lina-Pass-2024!');
    click(fixture, 'invitation-submit');
    await fixture.whenStable();
    const req = http.expectOne(ApiRoutes.invitationAccept);
    expect(req.request.body).toEqual({
      token: 'tok-123',
      name: '李娜',
      password: 'Lina-Pass-2024!',
      language: 'zh-CN',
    });
    const me: Me = {
      id: 'u-5',
      email: 'li.na@jszz.example.cn',
      name: '李娜',
      language: 'zh-CN',
      secondFactorEnabled: false,
      memberships: [],
      permissions: ['company.profile.read'],
    };
    req.flush({ status: 'authenticated', me });
    await fixture.whenStable();
    expect(TestBed.inject(SessionStore).isAuthenticated()).toBe(true);
  });

  it('explains an invitation that can no longer be used', async () => {
    http.expectOne(ApiRoutes.invitation).flush(
      {
        statusCode: 404,
        code: 'INVITATION_INVALID',
        message: 'gone',
        correlationId: 'c-3',
      },
      { status: 404, statusText: 'Not Found' },
    );
    await fixture.whenStable();
    expect(byTestId(fixture, 'error-alert').textContent).toContain(
      '邀请链接无效',
    );
    expect(
      fixture.nativeElement.querySelector('[data-testid="invitation-name"]'),
    ).toBeNull();
  });
});
