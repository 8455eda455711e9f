import {
  ApiRoutes,
  type CompanyView,
  type ErrorBody,
  type LoginResponse,
} from '@portal/contracts';
import { DIALECTS } from '@portal/api-testing';
import { OrganisationEntity, UserEntity } from '@portal/api-db';
import { usccCheckCharacter } from '@portal/domain';
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

  it('creates the company pending verification and logs its admin in', async () => {
    const client = t.client();
    const res = await client.post<LoginResponse>(
      ApiRoutes.register,
      registration(1),
    );
    expect(res.status).toBe(201);
    expect(res.body.status).toBe('authenticated');
    const mine = await client.get<CompanyView>(ApiRoutes.myCompany);
    expect(mine.status).toBe(200);
    expect(mine.body).toMatchObject({
      name: '测试科技有限公司1',
      verificationStatus: 'pending',
      regionName: '嘉善县',
    });
    expect(mine.body.contactPhone).toBe('13812345678');
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
      .post<LoginResponse>(
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

  it('refuses an e-mail address that already has an account (409)', async () => {
    const res = await t
      .client()
      .post<ErrorBody>(
        ApiRoutes.register,
        registration(4, { email: 'company1@example.org' }),
      );
    expect(res.status).toBe(409);
    expect(res.body.code).toBe('EMAIL_TAKEN');
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
