import { provideHttpClient } from '@angular/common/http';
import {
  HttpTestingController,
  provideHttpClientTesting,
} from '@angular/common/http/testing';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import {
  ApiRoutes,
  type CompanyView,
  type Me,
  type MemberView,
} from '@portal/contracts';
import type { Permission } from '@portal/domain';
import { SessionStore } from '@portal/web-data-access';
import { provideI18n } from '@portal/web-i18n';
import { byTestId, click, fieldText, typeInto } from '@portal/web-ui/testing';
import { CompanySection } from './company-section';

const COMPANY: CompanyView = {
  id: 'c1',
  name: '嘉善智造科技有限公司',
  creditCode: '91350100M000100Y43',
  regionCode: '330421',
  regionName: '嘉善县',
  foundedOn: '2015-03-01',
  contactName: '张伟',
  contactPhone: '13812345678',
  contactEmail: 'zhang.wei@jszz.example.cn',
  verificationStatus: 'rejected',
  verificationComment: '营业执照照片不清晰',
  verifiedAt: null,
  createdAt: '2025-11-01T08:00:00.000Z',
};

const ADMIN: MemberView = {
  userId: 'u-1',
  name: '张伟',
  email: 'zhang.wei@jszz.example.cn',
  role: 'enterprise_admin',
  joinedAt: '2025-11-01T08:00:00.000Z',
};
const MEMBER: MemberView = {
  userId: 'u-2',
  name: '李娜',
  email: 'li.na@jszz.example.cn',
  role: 'enterprise_member',
  joinedAt: '2025-11-02T08:00:00.000Z',
};

function me(permissions: Permission[]): Me {
  return {
    id: 'u-1',
    email: 'zhang.wei@jszz.example.cn',
    name: '张伟',
    language: 'zh-CN',
    secondFactorEnabled: false,
    memberships: [],
    permissions,
  };
}

describe('CompanySection', () => {
  let fixture: ComponentFixture<CompanySection>;
  let http: HttpTestingController;

  async function render(
    permissions: Permission[],
    company: CompanyView = COMPANY,
    members: MemberView[] = [ADMIN],
  ) {
    localStorage.clear();
    TestBed.configureTestingModule({
      imports: [CompanySection],
      providers: [
        provideI18n(),
        provideRouter([]),
        provideHttpClient(),
        provideHttpClientTesting(),
      ],
    });
    http = TestBed.inject(HttpTestingController);
    TestBed.inject(SessionStore).signIn(me(permissions));
    fixture = TestBed.createComponent(CompanySection);
    await fixture.whenStable();
    http.expectOne(ApiRoutes.myCompany).flush(company);
    http.expectOne(ApiRoutes.myCompanyMembers).flush(members);
    await fixture.whenStable();
    http.expectOne(ApiRoutes.myCompanyLicence).flush(null);
    await fixture.whenStable();
  }

  afterEach(() => http.verify());

  it('shows the profile with its verification status and the reviewer comment', async () => {
    await render(['company.profile.read']);
    const badge = byTestId(fixture, 'verification-status');
    expect(badge.getAttribute('data-status')).toBe('rejected');
    expect(badge.textContent).toContain('未通过');
    expect(byTestId(fixture, 'verification-hint').textContent).toContain(
      '营业执照照片不清晰',
    );
    expect(byTestId(fixture, 'company-credit-code').textContent).toContain(
      '91350100M000100Y43',
    );
    expect(byTestId(fixture, 'member-row').textContent).toContain('企业管理员');
    expect(
      fixture.nativeElement.querySelector('[data-testid="invite-member"]'),
    ).toBeNull();
  });

  it('lets an admin invite a member, showing a taken e-mail at the field', async () => {
    await render(['company.profile.read', 'company.members.manage']);
    typeInto(fixture, 'invite-email', 'zhang.wei@jszz.example.cn');
    click(fixture, 'invite-submit');
    await fixture.whenStable();
    const taken = http.expectOne(ApiRoutes.myCompanyInvitations);
    expect(taken.request.body).toEqual({
      email: 'zhang.wei@jszz.example.cn',
      role: 'enterprise_member',
    });
    taken.flush(
      {
        statusCode: 409,
        code: 'EMAIL_TAKEN',
        message: 'already a member',
        correlationId: 'c',
      },
      { status: 409, statusText: 'Conflict' },
    );
    await fixture.whenStable();
    expect(fieldText(fixture, 'invite-email')).toContain('该邮箱已被使用');

    typeInto(fixture, 'invite-email', 'li.na@jszz.example.cn');
    click(fixture, 'invite-submit');
    await fixture.whenStable();
    http.expectOne(ApiRoutes.myCompanyInvitations).flush(
      {
        id: 'i-1',
        email: 'li.na@jszz.example.cn',
        role: 'enterprise_member',
        expiresAt: '2030-01-01T00:00:00.000Z',
      },
      { status: 201, statusText: 'Created' },
    );
    await fixture.whenStable();
    expect(byTestId(fixture, 'invite-sent').textContent).toContain(
      'li.na@jszz.example.cn',
    );
  });

  it('tells a company pending verification what happens next, and links its figures', async () => {
    await render(['company.profile.read'], {
      ...COMPANY,
      verificationStatus: 'pending',
      verificationComment: null,
    });
    const hint = byTestId(fixture, 'verification-hint').textContent ?? '';
    expect(hint).toContain('正在等待所属区县科技局核验');
    expect(hint).toContain('填报年度经营数据');
    expect(byTestId(fixture, 'company-figures-link').getAttribute('href')).toBe(
      '/company/figures',
    );
    expect(
      byTestId(fixture, 'company-self-check-link').getAttribute('href'),
    ).toBe('/company/high-tech-self-check');
    expect(byTestId(fixture, 'company-locked-hint').textContent).toContain(
      '不能在线修改',
    );
  });

  it('lets the admin change the contact, checking the phone as typed', async () => {
    await render(['company.profile.read', 'company.profile.update']);
    click(fixture, 'contact-edit');
    await fixture.whenStable();
    expect(byTestId<HTMLInputElement>(fixture, 'contact-phone').value).toBe(
      '13812345678',
    );
    typeInto(fixture, 'contact-phone', '1381234');
    await fixture.whenStable();
    expect(fieldText(fixture, 'contact-phone')).toContain('11 位');
    typeInto(fixture, 'contact-phone', '139 0000 1111');
    typeInto(fixture, 'contact-name', '李娜');
    click(fixture, 'contact-submit');
    await fixture.whenStable();
    const put = http.expectOne(ApiRoutes.myCompanyContact);
    expect(put.request.body).toEqual({
      contactName: '李娜',
      contactPhone: '13900001111',
      contactEmail: 'zhang.wei@jszz.example.cn',
    });
    put.flush({ ...COMPANY, contactName: '李娜', contactPhone: '13900001111' });
    await fixture.whenStable();
    expect(byTestId(fixture, 'contact-saved').textContent).toContain('已更新');
    expect(fixture.nativeElement.textContent).toContain('李娜');
  });

  it('lets the admin remove a member after confirming, keeping the only admin', async () => {
    await render(['company.profile.read', 'company.members.manage'], COMPANY, [
      ADMIN,
      MEMBER,
    ]);
    const rows = [
      ...(fixture.nativeElement as HTMLElement).querySelectorAll(
        '[data-testid="member-row"]',
      ),
    ];
    expect(
      rows[0]?.querySelector('[data-testid="member-last-admin"]'),
    ).not.toBeNull();
    expect(rows[0]?.querySelector('[data-testid="member-remove"]')).toBeNull();
    const remove = rows[1]?.querySelector(
      '[data-testid="member-remove"]',
    ) as HTMLButtonElement;
    expect(remove.getAttribute('aria-label')).toBe('移除 李娜');
    remove.click();
    await fixture.whenStable();
    const confirm = document.querySelector(
      '.ant-popover .ant-btn-primary',
    ) as HTMLButtonElement;
    expect(document.querySelector('.ant-popover')?.textContent).toContain(
      '确定将 李娜 移出企业',
    );
    confirm.click();
    const req = http.expectOne(ApiRoutes.myCompanyMember('u-2'));
    expect(req.request.method).toBe('DELETE');
    req.flush([ADMIN]);
    await fixture.whenStable();
    expect(
      (fixture.nativeElement as HTMLElement).querySelectorAll(
        '[data-testid="member-row"]',
      ),
    ).toHaveLength(1);
    expect(byTestId(fixture, 'member-notice').textContent).toContain(
      '已移除该成员',
    );
  });

  it('changes a role and shows the refusal to leave no administrator in words', async () => {
    const second: MemberView = { ...MEMBER, role: 'enterprise_admin' };
    await render(['company.profile.read', 'company.members.manage'], COMPANY, [
      ADMIN,
      second,
    ]);
    const page = fixture.componentInstance as unknown as {
      changeRole(member: MemberView, role: string): void;
    };
    page.changeRole(second, 'enterprise_member');
    const req = http.expectOne(ApiRoutes.myCompanyMemberRole('u-2'));
    expect(req.request.method).toBe('PUT');
    expect(req.request.body).toEqual({ role: 'enterprise_member' });
    req.flush(
      {
        statusCode: 409,
        code: 'LAST_ADMIN',
        message: 'The company must keep at least one administrator',
        correlationId: 'x',
      },
      { status: 409, statusText: 'Conflict' },
    );
    await fixture.whenStable();
    expect(
      (fixture.nativeElement as HTMLElement).querySelector(
        '[data-testid="company-members"]',
      )?.textContent,
    ).toContain('企业至少需要保留一名管理员');
    // Nothing changed: both still administrators with their controls.
    expect(
      (fixture.nativeElement as HTMLElement).querySelectorAll(
        '[data-testid="member-role-select"]',
      ),
    ).toHaveLength(2);
  });

  it('shows a member the list without any member actions', async () => {
    await render(['company.profile.read'], COMPANY, [ADMIN, MEMBER]);
    const host = fixture.nativeElement as HTMLElement;
    expect(host.querySelector('[data-testid="member-remove"]')).toBeNull();
    expect(host.querySelector('[data-testid="member-role-select"]')).toBeNull();
  });

  it('offers a member no contact editing', async () => {
    await render(['company.profile.read']);
    expect(
      fixture.nativeElement.querySelector('[data-testid="contact-edit"]'),
    ).toBeNull();
  });
});
