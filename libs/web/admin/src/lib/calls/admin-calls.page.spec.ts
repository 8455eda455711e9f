import { provideHttpClient } from '@angular/common/http';
import {
  HttpTestingController,
  provideHttpClientTesting,
} from '@angular/common/http/testing';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { ApiRoutes, type ManagedCallView } from '@portal/contracts';
import { SessionStore } from '@portal/web-data-access';
import { LanguageService, provideI18n } from '@portal/web-i18n';
import { byTestId, click, typeInto } from '@portal/web-ui/testing';
import {
  AdminCallsPage,
  fromBeijingInput,
  toBeijingInput,
} from './admin-calls.page';

const REGIONS = [
  { code: '330400', name: '嘉兴市', level: 'city' },
  { code: '330421', name: '嘉善县', level: 'county' },
  { code: '330424', name: '海盐县', level: 'county' },
];

function call(overrides: Partial<ManagedCallView> = {}): ManagedCallView {
  return {
    id: 'c-1',
    type: 'high_tech',
    title: '2027年嘉善县高新技术企业认定',
    regionCode: '330421',
    opensAt: '2027-03-01T00:00:00.000Z',
    closesAt: '2027-05-31T09:00:00.000Z',
    status: 'upcoming',
    quotas: [],
    createdAt: '2026-12-01T00:00:00.000Z',
    manageable: true,
    applications: 0,
    quotaUse: [],
    ...overrides,
  };
}

describe('the call window in the form', () => {
  it('reads and writes the window in Beijing time', () => {
    expect(toBeijingInput('2027-03-01T00:00:00.000Z')).toBe('2027-03-01T08:00');
    expect(fromBeijingInput('2027-03-01T08:00')).toBe(
      '2027-03-01T08:00:00+08:00',
    );
  });
});

describe('AdminCallsPage', () => {
  let fixture: ComponentFixture<AdminCallsPage>;
  let http: HttpTestingController;
  const element = () => fixture.nativeElement as HTMLElement;
  const cards = () => [
    ...element().querySelectorAll<HTMLElement>('[data-testid="admin-call"]'),
  ];

  async function render(calls: ManagedCallView[]) {
    localStorage.clear();
    TestBed.configureTestingModule({
      imports: [AdminCallsPage],
      providers: [
        provideI18n(),
        provideHttpClient(),
        provideHttpClientTesting(),
      ],
    });
    http = TestBed.inject(HttpTestingController);
    TestBed.inject(SessionStore).signIn({
      id: 'a-1',
      email: 'admin.jiaxing@example.com',
      name: '嘉兴市科技局管理员',
      language: 'zh-CN',
      secondFactorEnabled: true,
      permissions: ['calls.manage'],
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
    fixture = TestBed.createComponent(AdminCallsPage);
    await fixture.whenStable();
    http.expectOne(ApiRoutes.managedCalls).flush(calls);
    http.expectOne(`${ApiRoutes.regions}?levels=all`).flush(REGIONS);
    await fixture.whenStable();
  }

  afterEach(() => http.verify());

  it('lists the calls with region, applications and quota use, and offers only what each state allows', async () => {
    await render([
      call(),
      call({
        id: 'c-2',
        status: 'open',
        applications: 7,
        quotas: [{ regionCode: '330421', limit: 3 }],
        quotaUse: [{ regionCode: '330421', limit: 3, used: 2 }],
      }),
      call({ id: 'c-3', status: 'closed' }),
      call({ id: 'c-4', regionCode: '330000', manageable: false }),
    ]);
    const [upcoming, open, closed, province] = cards();
    expect(upcoming.textContent).toContain('嘉善县');
    expect(
      upcoming.querySelector('[data-testid="admin-call-open"]'),
    ).not.toBeNull();
    expect(
      upcoming.querySelector('[data-testid="admin-call-close"]'),
    ).toBeNull();
    expect(
      open.querySelector('[data-testid="admin-call-applications"]')
        ?.textContent,
    ).toContain('7');
    expect(
      open.querySelector('[data-testid="admin-call-quotas"]')?.textContent,
    ).toContain('嘉善县：已用 2 / 3');
    expect(
      open.querySelector('[data-testid="admin-call-close"]'),
    ).not.toBeNull();
    expect(closed.querySelector('[data-testid="admin-call-edit"]')).toBeNull();
    expect(
      province.querySelector('[data-testid="admin-call-edit"]'),
    ).toBeNull();
    expect(
      province.querySelector('[data-testid="admin-call-open"]'),
    ).toBeNull();
  });

  it('closes an open call only after the confirmation, and shows the new state', async () => {
    await render([call({ status: 'open' })]);
    click(fixture, 'admin-call-close');
    await fixture.whenStable();
    http.expectNone(ApiRoutes.callClose('c-1'));
    expect(byTestId(fixture, 'admin-call-confirm').textContent).toContain(
      '立即截止“2027年嘉善县高新技术企业认定”？',
    );
    click(fixture, 'admin-call-confirm-yes');
    const closing = http.expectOne(ApiRoutes.callClose('c-1'));
    expect(closing.request.method).toBe('POST');
    closing.flush(call({ status: 'closed' }));
    await fixture.whenStable();
    expect(byTestId(fixture, 'admin-call-status').textContent).toContain(
      '已截止',
    );
    expect(
      element().querySelector('[data-testid="admin-call-confirm"]'),
    ).toBeNull();
  });

  it('creates a call in the admin’s region with a quota for a county below, showing the programme’s materials', async () => {
    await render([]);
    click(fixture, 'admin-call-new');
    await fixture.whenStable();
    expect(byTestId(fixture, 'admin-call-materials').textContent).toContain(
      '专项审计报告',
    );
    click(fixture, 'admin-call-save');
    await fixture.whenStable();
    expect(byTestId(fixture, 'admin-call-incomplete').textContent).toContain(
      '请填写批次名称',
    );
    typeInto(fixture, 'admin-call-title', '2027年嘉兴市高新技术企业推荐');
    typeInto(fixture, 'admin-call-opens', '2027-03-01T08:00');
    typeInto(fixture, 'admin-call-closes', '2027-05-31T17:00');
    click(fixture, 'admin-call-add-quota');
    await fixture.whenStable();
    // The quota's region is an ng-zorro select; its value is set as the select would.
    fixture.componentInstance['form'].controls.quotas
      .at(0)
      .setValue({ regionCode: '330421', limit: 3 });
    click(fixture, 'admin-call-save');
    const created = http.expectOne(ApiRoutes.calls);
    expect(created.request.body).toEqual({
      type: 'high_tech',
      title: '2027年嘉兴市高新技术企业推荐',
      regionCode: '330400',
      opensAt: '2027-03-01T08:00:00+08:00',
      closesAt: '2027-05-31T17:00:00+08:00',
      quotas: [{ regionCode: '330421', limit: 3 }],
    });
    created.flush(
      {
        statusCode: 400,
        code: 'VALIDATION_FAILED',
        message: 'closesAt: The call must close after it opens',
        correlationId: 'x',
        fields: [
          {
            field: 'closesAt',
            code: 'call.window',
            message: 'The call must close after it opens',
          },
        ],
      },
      { status: 400, statusText: 'Bad Request' },
    );
    await fixture.whenStable();
    // The field the API named, in words, beside the form.
    expect(byTestId(fixture, 'admin-call-problems').textContent).toContain(
      '截止时间：截止时间须晚于开始时间。',
    );
    click(fixture, 'admin-call-save');
    http.expectOne(ApiRoutes.calls).flush(call({ id: 'c-9' }));
    await fixture.whenStable();
    http.expectOne(ApiRoutes.managedCalls).flush([call({ id: 'c-9' })]);
    await fixture.whenStable();
    expect(
      element().querySelector('[data-testid="admin-call-form"]'),
    ).toBeNull();
  });

  it('shows an API refusal as its human message, and previews the call as enterprises see it in English', async () => {
    await render([call({ status: 'open' })]);
    click(fixture, 'admin-call-edit');
    await fixture.whenStable();
    expect(byTestId(fixture, 'admin-call-open-note')).toBeTruthy();
    click(fixture, 'admin-call-save');
    const update = http.expectOne(ApiRoutes.call('c-1'));
    expect(Object.keys(update.request.body).sort()).toEqual([
      'closesAt',
      'quotas',
      'title',
    ]);
    update.flush(
      {
        statusCode: 409,
        code: 'CALL_STATE_CONFLICT',
        message: 'The call has closed and can no longer be changed.',
        correlationId: 'x',
      },
      { status: 409, statusText: 'Conflict' },
    );
    await fixture.whenStable();
    expect(byTestId(fixture, 'admin-call-form').textContent).toContain(
      '申报批次当前的状态不允许此操作',
    );
    TestBed.inject(LanguageService).use('en');
    click(fixture, 'admin-call-preview');
    await fixture.whenStable();
    const preview = byTestId(fixture, 'admin-call-preview-card').textContent;
    expect(preview).toContain('2027年嘉善县高新技术企业认定');
    expect(preview).toContain('Special audit report');
  });
});
