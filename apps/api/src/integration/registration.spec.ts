import {
  ApiRoutes,
  type CompanyView,
  type ErrorBody,
  type RegisterResponse,
} from '@portal/contracts';
import { DIALECTS } from '@portal/api-testing';
import { DEMO_PASSWORD, OrganisationEntity, UserEntity } from '@portal/api-db';
import { usccCheckCharacter } from '@portal/domain';
import { mailsTo, nextMailTo } from '../testing/mail';
import { startTestApp, type TestApp } from '../testing/test-app';

export function creditCode(serial: number, region = '330421'): string {
  const first17 = `91${region}TE${String(serial).padStart(6, '0')}0`;
  return first17 + usccCheckCharacter(first17);
}

export function registration(
  serial: number,
  overrides: Record<string, unknown> = {},
) {
  return {
    companyName: `测试科技有限公司${serial}`,
    creditCode: creditCode(serial),
    regionCode: '330421',
    contactName: '测试联系人',
    email: `company${serial}@example.org`,
    phone: '13812345678',
    password: 'Kx9!correct-Horse',
    ...overrides,
  };
}

describe.each(DIALECTS)('enterprise registration on %s', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(dialect);
  });
  afterAll(() => t.close());

  it('creates the company pending verification; its admin logs in with the chosen password', async () => {
    const client = t.client();
    const res = await client.post<RegisterResponse>(
      ApiRoutes.register,
      registration(1),
    );
    expect(res.status).toBe(201);
    expect(res.body).toEqual({ status: 'registered' });
    expect(res.headers['set-cookie'] ?? '').not.toMatch(/portal_sid=/);
    expect(
      (await client.login('company1@example.org', 'Kx9!correct-Horse')).status,
    ).toBe(200);
    const welcome = await nextMailTo(t.config.mailDir, 'company1@example.org');
    expect(welcome.subject).toContain('注册已收到');
    const mine = await client.get<CompanyView>(ApiRoutes.myCompany);
    expect(mine.status).toBe(200);
    expect(mine.body).toMatchObject({
      name: '测试科技有限公司1',
      verificationStatus: 'pending',
      regionName: '嘉善县',
    });
    expect(mine.body.contactPhone).toBe('13812345678');
  });

  it('refuses a founding date after today, writing nothing, and keeps one that has passed', async () => {
    const tomorrow = new Date(Date.now() + 8 * 3_600_000 + 86_400_000)
      .toISOString()
      .slice(0, 10);
    const future = await t
      .client()
      .post<ErrorBody>(
        ApiRoutes.register,
        registration(41, { foundedOn: tomorrow }),
      );
    expect(future.status).toBe(400);
    expect(future.body.fields).toEqual([
      expect.objectContaining({
        field: 'foundedOn',
        code: 'in_future',
        message: expect.stringMatching(/cannot be later than today/),
      }),
    ]);
    expect(
      await t.dataSource
        .getRepository(OrganisationEntity)
        .countBy({ creditCode: creditCode(41) }),
    ).toBe(0);
    const malformed = await t
      .client()
      .post<ErrorBody>(
        ApiRoutes.register,
        registration(41, { foundedOn: '01/05/2016' }),
      );
    expect(malformed.body.fields?.[0]?.code).toBe('date.invalid');

    const client = t.client();
    expect(
      (
        await client.post(
          ApiRoutes.register,
          registration(42, { foundedOn: '2016-05-01' }),
        )
      ).status,
    ).toBe(201);
    await client.login('company42@example.org', 'Kx9!correct-Horse');
    const mine = await client.get<CompanyView>(ApiRoutes.myCompany);
    expect(mine.body.foundedOn).toBe('2016-05-01');
  });

  it('refuses a credit code typed with full-width characters, saying so, and converts nothing', async () => {
    const code = creditCode(2);
    const fullWidth = [...code]
      .map((c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0))
      .join('');
    const res = await t
      .client()
      .post<ErrorBody>(
        ApiRoutes.register,
        registration(2, { creditCode: fullWidth }),
      );
    expect(res.status).toBe(400);
    expect(res.body.fields).toContainEqual(
      expect.objectContaining({ field: 'creditCode', code: 'uscc.full_width' }),
    );
    expect(res.body.fields?.[0]?.message).toMatch(/half-width/);
  });

  it('stores the three region codes of the county a company registers in', async () => {
    const res = await t
      .client()
      .post<RegisterResponse>(
        ApiRoutes.register,
        registration(9, { creditCode: ` ${creditCode(9).toLowerCase()} ` }),
      );
    expect(res.status).toBe(201);
    const org = await t.dataSource
      .getRepository(OrganisationEntity)
      .findOneByOrFail({ name: '测试科技有限公司9' });
    expect(org.creditCode).toBe(creditCode(9));
    expect([org.provinceCode, org.cityCode, org.countyCode]).toEqual([
      '330000',
      '330400',
      '330421',
    ]);
  });

  it('refuses a second company with the same credit code (409) and writes nothing', async () => {
    const usersBefore = await t.dataSource.getRepository(UserEntity).count();
    const res = await t
      .client()
      .post<ErrorBody>(
        ApiRoutes.register,
        registration(3, { creditCode: creditCode(1) }),
      );
    expect(res.status).toBe(409);
    expect(res.body.code).toBe('CREDIT_CODE_TAKEN');
    expect(res.body.fields?.[0]?.field).toBe('creditCode');
    expect(await t.dataSource.getRepository(UserEntity).count()).toBe(
      usersBefore,
    );
  });

  it('answers an address that already has an account exactly as a new one, writes nothing and tells the owner', async () => {
    const count = async () => ({
      users: await t.dataSource.getRepository(UserEntity).count(),
      organisations: await t.dataSource
        .getRepository(OrganisationEntity)
        .count(),
    });
    const before = await count();
    const mailsBefore = mailsTo(t.config.mailDir, 'antai@example.com').length;
    const fresh = await t
      .client()
      .post<RegisterResponse>(ApiRoutes.register, registration(40));
    const taken = await t.client().post<RegisterResponse>(
      ApiRoutes.register,
      // A demo company's address, in another case and with spaces: the same account.
      registration(41, { email: ' AnTai@example.com ' }),
    );
    expect(taken.status).toBe(fresh.status);
    expect(taken.body).toEqual(fresh.body);
    expect(Object.keys(taken.headers).sort()).toEqual(
      Object.keys(fresh.headers).sort(),
    );
    const after = await count();
    // Only the new address made a company and an account.
    expect(after).toEqual({
      users: before.users + 1,
      organisations: before.organisations + 1,
    });
    expect(
      await t.dataSource
        .getRepository(OrganisationEntity)
        .existsBy({ creditCode: creditCode(41) }),
    ).toBe(false);
    const warning = await nextMailTo(
      t.config.mailDir,
      'antai@example.com',
      mailsBefore,
    );
    expect(warning.subject).toContain('有人尝试用您的邮箱注册');
    expect(warning.text).toContain('/forgot-password');
    // The owner's password still works; the one typed at registration does not.
    expect(
      (await t.client().login('antai@example.com', 'Kx9!correct-Horse')).status,
    ).toBe(401);
    expect(
      (await t.client().login('antai@example.com', DEMO_PASSWORD)).status,
    ).toBe(200);
    const audit = await t.dataSource.query(
      "SELECT result FROM audit_log WHERE action = 'company.registration_existing_email' AND user_email = ?",
      ['antai@example.com'],
    );
    expect(audit).toEqual([{ result: 'denied' }]);
  });

  it('rejects unknown fields with 400 naming the field', async () => {
    const res = await t.client().post<ErrorBody>(ApiRoutes.register, {
      ...registration(5),
      isAdmin: true,
    });
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('VALIDATION_FAILED');
    expect(res.body.fields).toContainEqual(
      expect.objectContaining({ field: 'isAdmin', code: 'unknown_field' }),
    );
    expect(res.body.correlationId).toEqual(expect.any(String));
  });

  it('explains each bad field: check character, common password, phone, e-mail', async () => {
    const wrongCheck =
      creditCode(6).slice(0, 17) + (creditCode(6).endsWith('0') ? '1' : '0');
    const res = await t.client().post<ErrorBody>(
      ApiRoutes.register,
      registration(6, {
        creditCode: wrongCheck,
        password: 'Password123!',
        phone: '12345',
        email: 'not-an-email',
      }),
    );
    expect(res.status).toBe(400);
    const codes = Object.fromEntries(
      (res.body.fields ?? []).map((f) => [f.field, f.code]),
    );
    expect(codes).toEqual({
      creditCode: 'uscc.check',
      password: 'password.common',
      phone: 'phone.invalid',
      email: 'email.invalid',
    });
    expect(
      await t.dataSource
        .getRepository(OrganisationEntity)
        .countBy({ name: '测试科技有限公司6' }),
    ).toBe(0);
  });

  it('refuses a region the portal does not serve', async () => {
    const res = await t
      .client()
      .post<ErrorBody>(
        ApiRoutes.register,
        registration(7, { regionCode: '110101' }),
      );
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('REGION_UNKNOWN');
  });

  it('answers malformed JSON and an empty body with 400, never 500', async () => {
    const client = t.client();
    const malformed = await client.postRaw<ErrorBody>(
      ApiRoutes.register,
      '{"companyName": ',
      'application/json',
    );
    expect(malformed.status).toBe(400);
    expect(malformed.body.code).toBe('VALIDATION_FAILED');
    const empty = await client.post<ErrorBody>(ApiRoutes.register, {});
    expect(empty.status).toBe(400);
    expect(empty.body.fields?.map((f) => f.field)).toEqual(
      expect.arrayContaining([
        'companyName',
        'creditCode',
        'regionCode',
        'email',
        'password',
      ]),
    );
  });

  it('refuses a write without the CSRF token (403 CSRF_INVALID)', async () => {
    const res = await t
      .client()
      .post<ErrorBody>(ApiRoutes.register, registration(8), { csrf: false });
    expect(res.status).toBe(403);
    expect(res.body.code).toBe('CSRF_INVALID');
  });
});
