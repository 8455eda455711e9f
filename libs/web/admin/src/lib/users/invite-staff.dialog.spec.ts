import { provideHttpClient } from '@angular/common/http';
import {
  HttpTestingController,
  provideHttpClientTesting,
} from '@angular/common/http/testing';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { ApiRoutes, type RegionView } from '@portal/contracts';
import type { MembershipGrant } from '@portal/domain';
import { provideI18n, useFeatureTranslations } from '@portal/web-i18n';
import { BUREAU_ADMIN_TRANSLATIONS } from '../bureau-admin.translations';
import { InviteStaffDialog } from './invite-staff.dialog';

const REGIONS: RegionView[] = [
  { code: '330000', name: '浙江省', level: 'province' },
  { code: '330400', name: '嘉兴市', level: 'city' },
  { code: '330421', name: '嘉善县', level: 'county' },
];

describe('InviteStaffDialog', () => {
  let fixture: ComponentFixture<InviteStaffDialog>;
  let http: HttpTestingController;
  const form = () => fixture.componentInstance['form'];
  const send = () =>
    document
      .querySelector<HTMLElement>('[data-testid="invite-submit"]')
      ?.click();

  async function open(grant: MembershipGrant) {
    localStorage.clear();
    TestBed.configureTestingModule({
      imports: [InviteStaffDialog],
      providers: [
        provideI18n(),
        provideHttpClient(),
        provideHttpClientTesting(),
      ],
    });
    http = TestBed.inject(HttpTestingController);
    TestBed.runInInjectionContext(() =>
      useFeatureTranslations(BUREAU_ADMIN_TRANSLATIONS),
    );
    fixture = TestBed.createComponent(InviteStaffDialog);
    fixture.componentRef.setInput('open', true);
    fixture.componentRef.setInput('grants', [grant]);
    fixture.componentRef.setInput('regions', REGIONS);
    await fixture.whenStable();
  }
  const province: MembershipGrant = {
    role: 'bureau_admin',
    organisationId: 'b-0',
    level: 'province',
    regionCode: '330000',
  };

  afterEach(() => {
    http.verify();
    document
      .querySelectorAll('.cdk-overlay-container')
      .forEach((e) => e.remove());
  });

  it('asks for the region of a reviewer and sends only the fields of the role', async () => {
    await open(province);
    form().patchValue({ email: 'new@example.org', role: 'reviewer' });
    await fixture.whenStable();
    send();
    await fixture.whenStable();
    http.expectNone(ApiRoutes.staffInvitations);
    expect(document.body.textContent).toContain('请选择地区');
    form().patchValue({ regionCode: '330421' });
    send();
    const req = http.expectOne(ApiRoutes.staffInvitations);
    expect(req.request.body).toEqual({
      email: 'new@example.org',
      role: 'reviewer',
      regionCode: '330421',
    });
    req.flush({
      id: 'i-1',
      email: 'new@example.org',
      role: 'reviewer',
      organisationName: '嘉善县科技局',
      expiresAt: '2026-12-14T00:00:00.000Z',
    });
  });

  it('loads the banks for a bank officer and sends the expert profile for an expert', async () => {
    await open(province);
    form().patchValue({ email: 'bank2@example.org', role: 'bank_officer' });
    await fixture.whenStable();
    const banks = http.expectOne(
      (r) =>
        r.url === ApiRoutes.staffOrganisations &&
        r.params.get('kind') === 'bank',
    );
    banks.flush([
      { id: 'o-1', name: '嘉兴银行', kind: 'bank', regionCode: '330400' },
    ]);
    form().patchValue({ organisationId: 'o-1' });
    send();
    const bankInvite = http.expectOne(ApiRoutes.staffInvitations);
    expect(bankInvite.request.body).toEqual({
      email: 'bank2@example.org',
      role: 'bank_officer',
      organisationId: 'o-1',
    });
    bankInvite.flush({
      id: 'i-2',
      email: 'bank2@example.org',
      role: 'bank_officer',
      organisationName: '嘉兴银行',
      expiresAt: '2026-12-14T00:00:00.000Z',
    });
    await fixture.whenStable();

    form().patchValue({
      email: 'expert9@example.org',
      role: 'expert',
    });
    await fixture.whenStable();
    form().patchValue({ discipline: 'finance', conflictIds: ['c-1'] });
    send();
    expect(http.expectOne(ApiRoutes.staffInvitations).request.body).toEqual({
      email: 'expert9@example.org',
      role: 'expert',
      discipline: 'finance',
      conflictIds: ['c-1'],
    });
  });

  it('offers a county admin neither admins nor experts', async () => {
    await open({ ...province, level: 'county', regionCode: '330421' });
    expect(fixture.componentInstance['roles']()).toEqual([
      'reviewer',
      'bank_officer',
      'service_provider',
    ]);
  });
});
