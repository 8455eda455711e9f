import { loadConfig } from '@portal/api-core';
import { DEMO_PASSWORD, OrganisationEntity } from '@portal/api-db';
import { DIALECTS, TestClient } from '@portal/api-testing';
import { ApiRoutes, type CompanyView } from '@portal/contracts';
import { DataSource } from 'typeorm';
import { createApp } from '../app/create-app';
import {
  startTestApp,
  TEST_PERSONAL_DATA_KEYS,
  type TestApp,
} from '../testing/test-app';

const MOBILE = /1[3-9]\d{9}/;
const ROTATED = `k2:2c624232cdd221771294dfbb310aca00,${TEST_PERSONAL_DATA_KEYS}`;

/** GB/T 22239-2019 8.1.4.8 / ASVS 6.1: phone numbers sealed at rest, shown in full only to their company. */
describe.each(DIALECTS)('personal data at rest on %s', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(dialect);
  });
  afterAll(() => t.close());

  const storedPhones = async (dataSource: DataSource) => {
    const rows: { value: string }[] = [
      ...(await dataSource.query(
        'SELECT contact_phone AS value FROM organisations WHERE contact_phone IS NOT NULL',
      )),
      ...(await dataSource.query(
        'SELECT phone AS value FROM users WHERE phone IS NOT NULL',
      )),
    ];
    return rows.map((r) => r.value);
  };

  const as = async (email: string, client = t.client()) => {
    expect((await client.login(email, DEMO_PASSWORD)).status).toBe(200);
    return client;
  };

  it('keeps every phone number sealed with SM4 in the database, and the company reads its own in full', async () => {
    const stored = await storedPhones(t.dataSource);
    expect(stored.length).toBeGreaterThan(3);
    for (const value of stored) {
      expect(value).toMatch(/^sm4:test:[A-Za-z0-9_-]+$/);
      expect(value).not.toMatch(MOBILE);
    }
    const company = await as('antai@example.com');
    const mine = await company.get<CompanyView>(ApiRoutes.myCompany);
    expect(mine.body.contactPhone).toMatch(/^1[3-9]\d{9}$/);
  });

  it('shows a reviewer the contact’s number masked, in the detail as in the list', async () => {
    const antai = await t.dataSource
      .getRepository(OrganisationEntity)
      .findOneByOrFail({ contactEmail: 'antai@example.com' });
    const reviewer = await as('reviewer.jiashan@example.com');
    const detail = await reviewer.get<CompanyView>(ApiRoutes.company(antai.id));
    expect(detail.status).toBe(200);
    expect(detail.body.contactPhone).toMatch(/^1\d{2}\*{4}\d{4}$/);
    const own = await (
      await as('antai@example.com')
    ).get<CompanyView>(ApiRoutes.company(antai.id));
    expect(own.body.contactPhone).toBe(antai.contactPhone);
  });

  it('seals at start what an older portal left in plain text, and re-seals under a new key put first', async () => {
    const old = await startTestApp(dialect);
    const antai = await old.dataSource
      .getRepository(OrganisationEntity)
      .findOneByOrFail({ contactEmail: 'antai@example.com' });
    const number = antai.contactPhone as string;
    // As a portal before encryption left it.
    await old.dataSource.query(
      'UPDATE organisations SET contact_phone = ? WHERE id = ?',
      [number, antai.id],
    );
    await old.app.close();

    const rotated = await createApp(
      loadConfig({
        NODE_ENV: 'test',
        DATABASE_URL: old.db.url,
        DATA_DIR: old.db.dataDir,
        REDIS_URL: old.config.redisUrl,
        REDIS_PREFIX: old.config.redisPrefix,
        LOG_LEVEL: 'silent',
        SEED_DEMO_DATA: 'false',
        PERSONAL_DATA_KEYS: ROTATED,
      }),
      { webRoot: null },
    );
    try {
      const dataSource = rotated.get(DataSource);
      for (const value of await storedPhones(dataSource))
        expect(value).toMatch(/^sm4:k2:/);
      const company = await as('antai@example.com', new TestClient(rotated));
      expect(
        (await company.get<CompanyView>(ApiRoutes.myCompany)).body.contactPhone,
      ).toBe(number);
    } finally {
      await rotated.close();
      await old.db.drop();
    }
  });
});
