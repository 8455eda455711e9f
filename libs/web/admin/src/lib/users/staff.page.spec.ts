import { provideHttpClient } from '@angular/common/http';
import {
  HttpTestingController,
  provideHttpClientTesting,
  type TestRequest,
} from '@angular/common/http/testing';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import {
  ApiRoutes,
  type RegionView,
  type StaffMemberView,
} from '@portal/contracts';
import { SessionStore } from '@portal/web-data-access';
import { LanguageService, provideI18n } from '@portal/web-i18n';
import { STAFF_PAGE_SIZE, StaffPage } from './staff.page';

const REGIONS: RegionView[] = [
  { code: '330000', name: '浙江省', level: 'province' },
  { code: '330400', name: '嘉兴市', level: 'city' },
  { code: '330421', name: '嘉善县', level: 'county' },
  { code: '330424', name: '海盐县', level: 'county' },
];

function member(overrides: Partial<StaffMemberView> = {}): StaffMemberView {
  return {
    userId: 'u-1',
    email: 'reviewer.haiyan@example.com',
    name: '海盐县审核员',
    active: true,
    secondFactorEnabled: true,
    memberships: [
      {
        role: 'reviewer',
        organisationId: 'b-2',
        organisationName: '海盐县科技局',
        regionCode: '330424',
        level: 'county',
      },
    ],
    expert: null,
    ...overrides,
  };
}

describe('StaffPage', () => {
  let fixture: ComponentFixture<StaffPage>;
  let http: HttpTestingController;
  const element = () => fixture.nativeElement as HTMLElement;
  const byTestId = (id: string) =>
    document.querySelector<HTMLElement>(`[data-testid="${id}"]`);
  const isList = (req: { url: string }) => req.url === ApiRoutes.staff;

  async function render(members: StaffMemberView[]) {
    localStorage.clear();
    TestBed.configureTestingModule({
      imports: [StaffPage],
      providers: [
        provideI18n(),
        provideHttpClient(),
        provideHttpClientTesting(),
        provideRouter([]),
      ],
    });
    http = TestBed.inject(HttpTestingController);
    TestBed.inject(SessionStore).signIn({
      id: 'a-1',
      email: 'admin.jiaxing@example.com',
      name: '嘉兴市科技局管理员',
      language: 'zh-CN',
      secondFactorEnabled: true,
      permissions: ['users.manage'],
      memberships: [
        {
          organisationId: 'b-1',
          organisationName: '嘉兴市科技局',
          organisationKind: 'bureau',
          role: 'bureau_admin',
          level: 'city',
          regionCode: '330400',
        },
      ],
    });
    fixture = TestBed.createComponent(StaffPage);
    await fixture.whenStable();
    const list = http.expectOne(isList);
    expect(list.request.params.get('limit')).toBe(String(STAFF_PAGE_SIZE));
    list.flush({ items: members, nextCursor: null });
    http.expectOne((r) => r.url === ApiRoutes.regions).flush(REGIONS);
    await fixture.whenStable();
  }

  afterEach(() => {
    http.verify();
    document
      .querySelectorAll('.cdk-overlay-container')
      .forEach((e) => e.remove());
  });

  it('lists people with their roles, organisation, region and status, in both languages', async () => {
    await render([
      member(),
      member({
        userId: 'u-2',
        email: 'expert1@example.com',
        name: '技术专家一',
        active: false,
        secondFactorEnabled: false,
        memberships: [
          {
            role: 'expert',
            organisationId: 'b-0',
            organisationName: '浙江省科技厅',
            regionCode: '330000',
            level: 'province',
          },
        ],
        expert: {
          discipline: 'technical',
          employerId: null,
          employerName: null,
          conflicts: [{ id: 'c-1', name: '嘉善安泰生物科技有限公司' }],
          active: true,
        },
      }),
    ]);
    const rows = [...element().querySelectorAll('[data-testid="staff-row"]')];
    expect(rows[0]?.textContent).toContain('审核员');
    expect(rows[0]?.textContent).toContain('海盐县科技局 · 海盐县');
    expect(rows[0]?.textContent).toContain('在用');
    expect(rows[1]?.textContent).toContain('已停用');
    expect(rows[1]?.textContent).toContain('回避单位');
    expect(rows[1]?.textContent).toContain('嘉善安泰生物科技有限公司');
    // The province's expert pool is beyond a city admin: listed, but nothing to press, and no
    // way to the pool's own view.
    expect(
      element().querySelector('[data-testid="staff-switch-view"]'),
    ).toBeNull();
    expect(
      rows[0]?.querySelector('[data-testid="staff-deactivate"]'),
    ).not.toBeNull();
    expect(
      rows[0]?.querySelector('[data-testid="staff-reset-2fa"]'),
    ).not.toBeNull();
    expect(rows[1]?.querySelector('button')).toBeNull();
    // Each cell says what it is, for the card layout on a phone.
    expect(rows[0]?.querySelector('td')?.getAttribute('data-label')).toBe(
      '人员',
    );
    TestBed.inject(LanguageService).use('en');
    await fixture.whenStable();
    expect(rows[1]?.textContent).toContain('Deactivated');
    expect(rows[1]?.textContent).toContain('Conflicts of interest');
  });

  it('deactivates only after the confirmation, and shows the new state', async () => {
    await render([member()]);
    byTestId('staff-deactivate')?.click();
    await fixture.whenStable();
    expect(byTestId('staff-confirm')?.textContent).toContain(
      'reviewer.haiyan@example.com',
    );
    http.expectNone(ApiRoutes.staffDeactivate('u-1'));
    byTestId('staff-confirm-submit')?.click();
    await fixture.whenStable();
    const req: TestRequest = http.expectOne(ApiRoutes.staffDeactivate('u-1'));
    expect(req.request.method).toBe('POST');
    req.flush(member({ active: false }));
    await fixture.whenStable();
    expect(
      element().querySelector('[data-testid="staff-status"]')?.textContent,
    ).toContain('已停用');
    expect(byTestId('staff-reactivate')).not.toBeNull();
  });

  it('refuses a second-factor reset without a reason, then sends the reason', async () => {
    await render([member()]);
    byTestId('staff-reset-2fa')?.click();
    await fixture.whenStable();
    byTestId('staff-confirm-submit')?.click();
    await fixture.whenStable();
    expect(byTestId('staff-reason-missing')?.textContent).toContain(
      '请填写重置原因',
    );
    http.expectNone(ApiRoutes.staffResetSecondFactor('u-1'));
    const reason = byTestId('staff-reason') as HTMLTextAreaElement;
    reason.value = '手机丢失';
    reason.dispatchEvent(new Event('input'));
    byTestId('staff-confirm-submit')?.click();
    await fixture.whenStable();
    const req = http.expectOne(ApiRoutes.staffResetSecondFactor('u-1'));
    expect(req.request.body).toEqual({ reason: '手机丢失' });
    req.flush(member({ secondFactorEnabled: false }));
    await fixture.whenStable();
    expect(element().textContent).toContain('未启用');
  });

  it('shows the API refusal as its message', async () => {
    await render([member()]);
    byTestId('staff-deactivate')?.click();
    await fixture.whenStable();
    byTestId('staff-confirm-submit')?.click();
    http.expectOne(ApiRoutes.staffDeactivate('u-1')).flush(
      {
        code: 'FORBIDDEN',
        message: 'You can only manage staff within your own region.',
        correlationId: 'c-1',
      },
      { status: 403, statusText: 'Forbidden' },
    );
    await fixture.whenStable();
    expect(byTestId('staff-confirm')?.textContent).toContain('权限');
  });

  it('sends the filters and starts again from the first page', async () => {
    await render([member()]);
    const q = element().querySelector(
      '[data-testid="staff-filter-q"]',
    ) as HTMLInputElement;
    q.value = '海盐';
    q.dispatchEvent(new Event('input'));
    (
      element().querySelector(
        '[data-testid="staff-filter-submit"]',
      ) as HTMLElement
    ).click();
    await fixture.whenStable();
    const req = http.expectOne(isList);
    expect(req.request.params.get('q')).toBe('海盐');
    expect(req.request.params.has('cursor')).toBe(false);
    req.flush({ items: [], nextCursor: null });
    await fixture.whenStable();
    expect(element().textContent).toContain('没有符合条件的人员');
  });
});
