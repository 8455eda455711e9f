import {
  AuditLogEntity,
  DEMO_PASSWORD,
  ExpertEntity,
  OrganisationEntity,
  UserEntity,
} from '@portal/api-db';
import { DIALECTS, TestClient } from '@portal/api-testing';
import {
  ApiRoutes,
  type ErrorBody,
  type LoginResponse,
  type Page,
  type RegionView,
  type SecondFactorEnrolment,
  type StaffInvitationCreated,
  type StaffMemberView,
  type StaffOrganisationView,
} from '@portal/contracts';
import { authenticator } from 'otplib';
import { nextMailTo } from '../testing/mail';
import { startTestApp, type TestApp } from '../testing/test-app';

describe.each(DIALECTS)('staff administration on %s', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(dialect);
  });
  afterAll(() => t.close());

  async function as(email: string): Promise<TestClient> {
    const client = t.client();
    const res = await client.login(email, DEMO_PASSWORD);
    expect(res.status).toBe(200);
    return client;
  }
  const userId = async (email: string) =>
    (await t.dataSource.getRepository(UserEntity).findOneByOrFail({ email }))
      .id;
  const audited = (action: string, objectId: string) =>
    t.dataSource.getRepository(AuditLogEntity).findBy({ action, objectId });

  it('lets a county admin invite a reviewer of its county; the mail links to an account that logs in', async () => {
    const admin = await as('admin.jiashan@example.com');
    const invite = await admin.post<StaffInvitationCreated>(
      ApiRoutes.staffInvitations,
      {
        email: 'New.Reviewer@Example.org',
        role: 'reviewer',
        regionCode: '330421',
      },
    );
    expect(invite.status).toBe(201);
    expect(invite.body).toMatchObject({
      email: 'new.reviewer@example.org',
      role: 'reviewer',
    });
    expect(await audited('staff.invited', invite.body.id)).toHaveLength(1);
    const mail = await nextMailTo(t.config.mailDir, 'new.reviewer@example.org');
    expect(mail.subject).toContain(invite.body.organisationName);
    const token = /\/invitation#token=([A-Za-z0-9._-]+)/.exec(mail.text)?.[1];
    expect(token).toBeDefined();
    const joined = await t
      .client()
      .post<LoginResponse>(ApiRoutes.invitationAccept, {
        token,
        name: '新审核员',
        password: 'Reviewer-Password-42',
      });
    expect(joined.body.status).toBe('authenticated');
    const list = await admin.get<Page<StaffMemberView>>(
      `${ApiRoutes.staff}?role=reviewer`,
    );
    const listed = list.body.items.find(
      (s) => s.email === 'new.reviewer@example.org',
    );
    expect(listed).toMatchObject({
      active: true,
      memberships: [
        { role: 'reviewer', regionCode: '330421', level: 'county' },
      ],
    });
  });

  it('refuses a county admin another county, and any administrator, with a message', async () => {
    const admin = await as('admin.jiashan@example.com');
    const otherCounty = await admin.post<ErrorBody>(
      ApiRoutes.staffInvitations,
      {
        email: 'x1@example.org',
        role: 'reviewer',
        regionCode: '330424',
      },
    );
    expect(otherCounty.status).toBe(403);
    expect(otherCounty.body.message).toMatch(/within your own region/);
    const provinceAdmin = await admin.post<ErrorBody>(
      ApiRoutes.staffInvitations,
      {
        email: 'x2@example.org',
        role: 'bureau_admin',
        regionCode: '330000',
      },
    );
    expect(provinceAdmin.status).toBe(403);
    const countyAdmin = await admin.post<ErrorBody>(
      ApiRoutes.staffInvitations,
      {
        email: 'x3@example.org',
        role: 'bureau_admin',
        regionCode: '330421',
      },
    );
    expect(countyAdmin.status).toBe(403);
    expect(countyAdmin.body.message).toMatch(/lower levels only/);
    const reviewer = await as('reviewer.jiashan@example.com');
    expect(
      (
        await reviewer.post(ApiRoutes.staffInvitations, {
          email: 'x4@example.org',
          role: 'reviewer',
          regionCode: '330421',
        })
      ).status,
    ).toBe(403);
    const refusedInvitations = (
      await t.dataSource
        .getRepository(AuditLogEntity)
        .findBy({ action: 'staff.invited' })
    ).filter((a) => /x[1-4]@example\.org/.test(a.detail ?? ''));
    expect(refusedInvitations).toEqual([]);
  });

  it('lets a city admin place a county admin but not a city admin', async () => {
    const admin = await as('admin.jiaxing@example.com');
    expect(
      (
        await admin.post(ApiRoutes.staffInvitations, {
          email: 'county.admin@example.org',
          role: 'bureau_admin',
          regionCode: '330424',
        })
      ).status,
    ).toBe(201);
    const peer = await admin.post<ErrorBody>(ApiRoutes.staffInvitations, {
      email: 'city.admin@example.org',
      role: 'bureau_admin',
      regionCode: '330400',
    });
    expect(peer.status).toBe(403);
  });

  it("offers the banks and companies of the admin's region to name in an invitation", async () => {
    const county = await as('admin.jiashan@example.com');
    const banks = await county.get<StaffOrganisationView[]>(
      `${ApiRoutes.staffOrganisations}?kind=bank`,
    );
    expect(banks.body).toEqual([]); // the demo bank is the city's
    const city = await as('admin.jiaxing@example.com');
    const cityBanks = await city.get<StaffOrganisationView[]>(
      `${ApiRoutes.staffOrganisations}?kind=bank`,
    );
    expect(cityBanks.body.map((b) => b.name)).toEqual(['嘉兴银行科技支行']);
    const companies = await county.get<StaffOrganisationView[]>(
      `${ApiRoutes.staffOrganisations}?kind=enterprise&q=${encodeURIComponent('安泰')}`,
    );
    expect(companies.body.map((c) => c.regionCode)).toEqual(['330421']);
    expect(
      (await county.get(`${ApiRoutes.staffOrganisations}?kind=bureau`)).status,
    ).toBe(400);
    const regions = await t
      .client()
      .get<RegionView[]>(`${ApiRoutes.regions}?levels=all`);
    expect(regions.body.map((r) => r.code)).toEqual(
      expect.arrayContaining(['330000', '330400', '330421']),
    );
  });

  it('validates the fields the role needs, with human messages', async () => {
    const admin = await as('admin.zhejiang@example.com');
    const noRegion = await admin.post<ErrorBody>(ApiRoutes.staffInvitations, {
      email: 'a@example.org',
      role: 'reviewer',
    });
    expect(noRegion.status).toBe(400);
    expect(noRegion.body.fields?.map((f) => f.field)).toContain('regionCode');
    const noDiscipline = await admin.post<ErrorBody>(
      ApiRoutes.staffInvitations,
      {
        email: 'a@example.org',
        role: 'expert',
      },
    );
    expect(noDiscipline.status).toBe(400);
    expect(noDiscipline.body.fields?.map((f) => f.field)).toContain(
      'discipline',
    );
    const badRole = await admin.post<ErrorBody>(ApiRoutes.staffInvitations, {
      email: 'a@example.org',
      role: 'auditor',
    });
    expect(badRole.status).toBe(400);
    const noBank = await admin.post<ErrorBody>(ApiRoutes.staffInvitations, {
      email: 'a@example.org',
      role: 'bank_officer',
      organisationId: '00000000-0000-4000-8000-000000000000',
    });
    expect(noBank.status).toBe(400);
    expect(noBank.body.message).toBeTruthy();
  });

  it('puts an invited expert in the pool with discipline, employer and conflicts', async () => {
    const admin = await as('admin.zhejiang@example.com');
    const orgs = t.dataSource.getRepository(OrganisationEntity);
    const antai = await orgs.findOneByOrFail({
      contactEmail: 'antai@example.com',
    });
    const bank = await orgs.findOneByOrFail({ kind: 'bank' });
    const city = await as('admin.jiaxing@example.com');
    expect(
      (
        await city.post(ApiRoutes.staffInvitations, {
          email: 'expert.new@example.org',
          role: 'expert',
          discipline: 'finance',
        })
      ).status,
    ).toBe(403);
    const invite = await admin.post<StaffInvitationCreated>(
      ApiRoutes.staffInvitations,
      {
        email: 'expert.new@example.org',
        role: 'expert',
        discipline: 'finance',
        employerId: bank.id,
        conflictIds: [antai.id],
      },
    );
    expect(invite.status).toBe(201);
    const mail = await nextMailTo(t.config.mailDir, 'expert.new@example.org');
    const token = /\/invitation#token=([A-Za-z0-9._-]+)/.exec(mail.text)?.[1];
    await t.client().post(ApiRoutes.invitationAccept, {
      token,
      name: '新专家',
      password: 'Expert-Password-42',
    });
    const id = await userId('expert.new@example.org');
    expect(
      await t.dataSource
        .getRepository(ExpertEntity)
        .findOneByOrFail({ userId: id }),
    ).toMatchObject({
      discipline: 'finance',
      employerId: bank.id,
      conflictIds: [antai.id],
      provinceCode: '330000',
      active: true,
    });
    const pool = await admin.get<Page<StaffMemberView>>(
      `${ApiRoutes.staff}?role=expert&limit=100`,
    );
    expect(pool.body.items.find((s) => s.userId === id)?.expert).toMatchObject({
      discipline: 'finance',
      employerName: bank.name,
      conflicts: [{ id: antai.id, name: antai.name }],
    });
    const joined = await t.dataSource
      .getRepository(AuditLogEntity)
      .findBy({ action: 'staff.joined', userId: id });
    expect(joined).toHaveLength(1);
  });

  it("lists only the admin's region and refuses another county's user", async () => {
    const county = await as('admin.jiashan@example.com');
    const emails = async (client: TestClient, filter = '') =>
      (
        await client.get<Page<StaffMemberView>>(
          `${ApiRoutes.staff}?limit=100${filter}`,
        )
      ).body.items.map((s) => s.email);
    const seen = await emails(county);
    expect(seen).toContain('reviewer.jiashan@example.com');
    expect(seen).not.toContain('reviewer.haiyan@example.com');
    expect(seen).not.toContain('reviewer.jiaxing@example.com');
    expect(seen).not.toContain('auditor@example.com');
    const haiyan = await userId('reviewer.haiyan@example.com');
    const refused = await county.post<ErrorBody>(
      ApiRoutes.staffDeactivate(haiyan),
      {},
    );
    expect(refused.status).toBe(404);
    expect(
      (
        await t.dataSource
          .getRepository(UserEntity)
          .findOneByOrFail({ id: haiyan })
      ).disabledAt,
    ).toBeNull();
    const outside = await county.get<ErrorBody>(
      `${ApiRoutes.staff}?regionCode=330424`,
    );
    expect(outside.status).toBe(403);
    const city = await as('admin.jiaxing@example.com');
    expect(await emails(city, '&regionCode=330424')).toEqual(
      expect.arrayContaining(['reviewer.haiyan@example.com']),
    );
    expect(await emails(city, '&regionCode=330424')).not.toContain(
      'reviewer.jiashan@example.com',
    );
    const provinceAdmin = await userId('admin.zhejiang@example.com');
    expect(
      (await city.post(ApiRoutes.staffDeactivate(provinceAdmin), {})).status,
    ).toBe(404);
  });

  it('deactivates: sessions end, log-in is refused with a clear message; reactivation lets them back', async () => {
    const admin = await as('admin.jiashan@example.com');
    const reviewer = await as('reviewer.jiashan@example.com');
    const id = await userId('reviewer.jiashan@example.com');
    const off = await admin.post<StaffMemberView>(
      ApiRoutes.staffDeactivate(id),
      {
        reason: '调岗',
      },
    );
    expect(off.status).toBe(200);
    expect(off.body.active).toBe(false);
    expect((await reviewer.get(ApiRoutes.me)).status).toBe(401);
    const login = await t.client().post<ErrorBody>(ApiRoutes.login, {
      email: 'reviewer.jiashan@example.com',
      password: DEMO_PASSWORD,
    });
    expect(login.status).toBe(403);
    expect(login.body.code).toBe('ACCOUNT_DISABLED');
    expect(login.body.message).toMatch(/deactivated/);
    const wrong = await t.client().post<ErrorBody>(ApiRoutes.login, {
      email: 'reviewer.jiashan@example.com',
      password: 'not-the-password',
    });
    expect(wrong.body.code).toBe('INVALID_CREDENTIALS');
    const inactive = await admin.get<Page<StaffMemberView>>(
      `${ApiRoutes.staff}?active=false`,
    );
    expect(inactive.body.items.map((s) => s.email)).toEqual([
      'reviewer.jiashan@example.com',
    ]);
    const [entry] = await audited('staff.deactivated', id);
    expect(JSON.parse(entry?.detail ?? '{}')).toMatchObject({ reason: '调岗' });
    expect(entry?.userId).toBe(await userId('admin.jiashan@example.com'));
    expect((await admin.post(ApiRoutes.staffReactivate(id), {})).status).toBe(
      200,
    );
    expect(await audited('staff.reactivated', id)).toHaveLength(1);
    await as('reviewer.jiashan@example.com');
    const self = await userId('admin.jiashan@example.com');
    const own = await admin.post<ErrorBody>(
      ApiRoutes.staffDeactivate(self),
      {},
    );
    expect(own.status).toBe(403);
  });

  it('resets a second factor only with a reason, audited; the user must enrol again', async () => {
    const users = t.dataSource.getRepository(UserEntity);
    const id = await userId('reviewer.haiyan@example.com');
    await users.update(id, { totpSecret: 'sealed', totpEnabledAt: new Date() });
    const before = await t
      .client()
      .login('reviewer.haiyan@example.com', DEMO_PASSWORD);
    expect(before.body.status).toBe('second_factor_required');
    const admin = await as('admin.jiaxing@example.com');
    const noReason = await admin.post<ErrorBody>(
      ApiRoutes.staffResetSecondFactor(id),
      { reason: '  ' },
    );
    expect(noReason.status).toBe(400);
    expect(noReason.body.fields?.[0]?.field).toBe('reason');
    expect((await users.findOneByOrFail({ id })).totpEnabledAt).not.toBeNull();
    const reset = await admin.post<StaffMemberView>(
      ApiRoutes.staffResetSecondFactor(id),
      { reason: '手机丢失，本人电话确认' },
    );
    expect(reset.status).toBe(200);
    expect(reset.body.secondFactorEnabled).toBe(false);
    const row = await users.findOneByOrFail({ id });
    expect([row.totpSecret, row.totpEnabledAt]).toEqual([null, null]);
    const [entry] = await audited('staff.second_factor_reset', id);
    expect(JSON.parse(entry?.detail ?? '{}').reason).toBe(
      '手机丢失，本人电话确认',
    );
    const after = await t
      .client()
      .login('reviewer.haiyan@example.com', DEMO_PASSWORD);
    expect(after.body.status).not.toBe('second_factor_required');
  });
});

describe('a second-factor reset when REQUIRE_STAFF_2FA is on', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp('mariadb', { REQUIRE_STAFF_2FA: 'true' });
  });
  afterAll(() => t.close());

  /** Logs in and enrols an authenticator, as a staff member's first log-in does. */
  async function enrolled(email: string): Promise<TestClient> {
    const client = t.client();
    const login = await client.login(email, DEMO_PASSWORD);
    expect(login.body.status).toBe('second_factor_enrolment_required');
    const enrol = await client.post<SecondFactorEnrolment>(
      ApiRoutes.secondFactorEnrol,
    );
    await client.post(ApiRoutes.secondFactorConfirm, {
      code: authenticator.generate(enrol.body.secret),
    });
    return client;
  }

  it('makes the user enrol a new authenticator at their next log-in', async () => {
    const admin = await enrolled('admin.jiashan@example.com');
    await enrolled('reviewer.jiashan@example.com');
    expect(
      (await t.client().login('reviewer.jiashan@example.com', DEMO_PASSWORD))
        .body.status,
    ).toBe('second_factor_required');
    const id = (
      await t.dataSource
        .getRepository(UserEntity)
        .findOneByOrFail({ email: 'reviewer.jiashan@example.com' })
    ).id;
    const reset = await admin.post<StaffMemberView>(
      ApiRoutes.staffResetSecondFactor(id),
      { reason: '更换手机' },
    );
    expect(reset.status).toBe(200);
    expect(
      (await t.client().login('reviewer.jiashan@example.com', DEMO_PASSWORD))
        .body.status,
    ).toBe('second_factor_enrolment_required');
  });
});
