import { provideHttpClient } from '@angular/common/http';
import {
  HttpTestingController,
  provideHttpClientTesting,
} from '@angular/common/http/testing';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import {
  ApiRoutes,
  type Me,
  type MembershipView,
  type MyExpertConflictsView,
} from '@portal/contracts';
import { permissionsOf } from '@portal/domain';
import { SessionStore } from '@portal/web-data-access';
import { provideI18n } from '@portal/web-i18n';
import { byTestId, click } from '@portal/web-ui/testing';
import { ExpertConflicts } from './expert-conflicts';

function me(role: MembershipView['role']): Me {
  const memberships: MembershipView[] = [
    {
      role,
      level: null,
      organisationId: 'org-1',
      regionCode: '330000',
      organisationName: '浙江大学',
      organisationKind: 'bureau',
    },
  ];
  return {
    id: 'e-1',
    email: 'expert1@example.com',
    name: '周明',
    language: 'zh-CN',
    secondFactorEnabled: true,
    memberships,
    permissions: permissionsOf(memberships),
  };
}

const TWO: MyExpertConflictsView = {
  discipline: 'technical',
  conflicts: [
    { organisationId: 'c-1', name: '嘉善智造科技有限公司' },
    { organisationId: 'c-7', name: '海盐精工有限公司' },
  ],
};

describe('ExpertConflicts', () => {
  let fixture: ComponentFixture<ExpertConflicts>;
  let http: HttpTestingController;
  const element = () => fixture.nativeElement as HTMLElement;

  async function render(user: Me) {
    localStorage.clear();
    TestBed.configureTestingModule({
      imports: [ExpertConflicts],
      providers: [
        provideI18n(),
        provideHttpClient(),
        provideHttpClientTesting(),
      ],
    });
    http = TestBed.inject(HttpTestingController);
    TestBed.inject(SessionStore).signIn(user);
    fixture = TestBed.createComponent(ExpertConflicts);
    await fixture.whenStable();
  }

  afterEach(() => http.verify());

  it("lists an expert's declared conflicts and withdraws one after a confirmation, keeping the others", async () => {
    await render(me('expert'));
    http.expectOne(ApiRoutes.myExpertProfile).flush(TWO);
    await fixture.whenStable();
    const rows = element().querySelectorAll('[data-testid="expert-conflict"]');
    expect(rows).toHaveLength(2);
    expect(rows[0].textContent).toContain('嘉善智造科技有限公司');

    click(fixture, 'expert-conflict-withdraw');
    await fixture.whenStable();
    http.expectNone(ApiRoutes.myExpertConflicts);
    expect(rows[0].textContent).toContain('确认撤回该申报');
    click(fixture, 'expert-conflict-confirm');
    const put = http.expectOne(ApiRoutes.myExpertConflicts);
    expect(put.request.method).toBe('PUT');
    expect(put.request.body).toEqual({ organisationIds: ['c-7'] });
    put.flush({ discipline: 'technical', conflictOrganisationIds: ['c-7'] });
    http
      .expectOne(ApiRoutes.myExpertProfile)
      .flush({ ...TWO, conflicts: [TWO.conflicts[1]] });
    await fixture.whenStable();
    const left = element().querySelectorAll('[data-testid="expert-conflict"]');
    expect(left).toHaveLength(1);
    expect(left[0].textContent).toContain('海盐精工有限公司');
  });

  it('says when there are none, and asks nothing for someone who is not an expert', async () => {
    await render(me('expert'));
    http
      .expectOne(ApiRoutes.myExpertProfile)
      .flush({ discipline: 'finance', conflicts: [] });
    await fixture.whenStable();
    expect(byTestId(fixture, 'expert-conflicts-none').textContent).toContain(
      '尚未申报',
    );
    TestBed.resetTestingModule();
    await render(me('reviewer'));
    http.expectNone(ApiRoutes.myExpertProfile);
    expect(
      element().querySelector('[data-testid="expert-conflicts"]'),
    ).toBeNull();
  });
});
