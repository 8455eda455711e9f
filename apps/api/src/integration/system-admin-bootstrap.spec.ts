import { SystemAdminBootstrapService } from '@portal/api-identity';
import { ApiRoutes, type Me } from '@portal/contracts';
import { startTestApp, type TestApp } from '../testing/test-app';

describe('creating the first system administrator of a production installation', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp('mariadb');
  });
  afterAll(() => t.close());

  const input = {
    email: 'Ops@KJT.example.gov.cn',
    name: '运维管理员',
    password: 'Bootstrap-Admin-2026',
    regionCode: '370000',
    regionName: '山东省',
    bureauName: '山东省科学技术厅',
  };

  it('creates the region, the bureau and an administrator who can log in and open the queues', async () => {
    await t.app.get(SystemAdminBootstrapService).create(input);
    const client = t.client();
    expect(
      (await client.login('ops@kjt.example.gov.cn', input.password)).status,
    ).toBe(200);
    const me = await client.get<Me>(ApiRoutes.me);
    expect(me.body.memberships[0]).toMatchObject({
      role: 'system_admin',
      organisationName: '山东省科学技术厅',
      regionCode: '370000',
      level: 'province',
    });
    expect((await client.get(ApiRoutes.queueDashboard)).status).toBe(200);
  });

  it('refuses an existing account and a weak password, naming the problem', async () => {
    const service = t.app.get(SystemAdminBootstrapService);
    await expect(service.create(input)).rejects.toMatchObject({
      code: 'EMAIL_TAKEN',
    });
    await expect(
      service.create({
        ...input,
        email: 'second@example.gov.cn',
        password: 'password123',
      }),
    ).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
      fields: expect.arrayContaining([
        expect.objectContaining({ field: 'password' }),
      ]),
    });
  });
});
