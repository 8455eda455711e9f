import { readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { DEMO_PASSWORD } from '@portal/api-db';
import { MailerService } from '@portal/api-mail';
import { ApiRoutes, type ErrorBody } from '@portal/contracts';
import { insertCall, MINIMAL_PDF } from '../testing/factories';
import { startTestApp, type TestApp } from '../testing/test-app';

const nested = (levels: number) => '['.repeat(levels) + ']'.repeat(levels);

describe('request hardening', () => {
  let t: TestApp;
  let https: TestApp;
  beforeAll(async () => {
    t = await startTestApp('sqlite');
    https = await startTestApp('sqlite', {
      PUBLIC_URL: 'https://portal.example.gov.cn',
    });
  });
  afterAll(async () => {
    await t.close();
    await https.close();
  });

  it('answers a deeply nested body with a 400 before anything recurses over it, even before log-in', async () => {
    const client = t.client();
    const deep = await client.postRaw<ErrorBody>(
      ApiRoutes.login,
      `{"email":${nested(3000)},"password":"x"}`,
      'application/json',
    );
    expect(deep.status).toBe(400);
    expect(deep.body.code).toBe('VALIDATION_FAILED');
    expect(deep.body.message).toMatch(/nests deeper than 32 levels/);
    // A body the portal could send still parses, and poisoned prototypes are still refused.
    const wrong = await client.postRaw<ErrorBody>(
      ApiRoutes.login,
      JSON.stringify({
        email: 'nobody@example.com',
        password: 'wrong-password-1',
      }),
      'application/json',
    );
    expect(wrong.status).toBe(401);
    const poisoned = await client.postRaw<ErrorBody>(
      ApiRoutes.login,
      '{"email":"a@example.com","password":"x","__proto__":{"admin":true}}',
      'application/json',
    );
    expect(poisoned.status).toBe(400);
  });

  it('serves the OpenAPI document only where API_DOCS allows it (off by default in production)', async () => {
    expect((await t.client().get('/api/docs-json')).status).toBe(200);
    const closed = await startTestApp('sqlite', { API_DOCS: 'false' });
    try {
      for (const path of ['/api/docs-json', '/api/docs']) {
        expect((await closed.client().get(path)).status).toBe(404);
      }
    } finally {
      await closed.close();
    }
  });

  it('tells browsers and proxies to keep no API answer', async () => {
    const client = t.client();
    expect(
      (await client.login('antai@example.com', DEMO_PASSWORD)).status,
    ).toBe(200);
    const me = await client.get(ApiRoutes.me);
    expect(me.status).toBe(200);
    expect(me.headers['cache-control']).toBe('no-store');
    const applications = await client.get(ApiRoutes.applications);
    expect(applications.headers['cache-control']).toBe('no-store');
  });

  it('marks the CSRF secret cookie Secure when the portal is served over https', async () => {
    const issued = await https.client().get(ApiRoutes.csrf);
    const cookies = [issued.headers['set-cookie'] ?? []].flat().map(String);
    const secret = cookies.find((c) => c.startsWith('_csrf='));
    expect(secret).toMatch(/; Secure/i);
    expect(secret).toMatch(/HttpOnly/i);
    const plain = await t.client().get(ApiRoutes.csrf);
    const plainSecret = [plain.headers['set-cookie'] ?? []]
      .flat()
      .map(String)
      .find((c) => c.startsWith('_csrf='));
    expect(plainSecret).not.toMatch(/; Secure/i);
  });
});

describe('files the portal keeps', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp('sqlite');
  });
  afterAll(() => t.close());

  const modeOf = (path: string) => statSync(path).mode & 0o777;

  it('keeps the SQLite database, uploads and written mails readable by the portal’s user only', async () => {
    const { database } = t.config;
    if (database.type !== 'sqlite') throw new Error('not SQLite');
    expect(modeOf(database.file)).toBe(0o600);
    expect(modeOf(dirname(database.file))).toBe(0o700);
    // SQLite gives its write-ahead log the database file's mode.
    expect(modeOf(`${database.file}-wal`)).toBe(0o600);

    const company = t.client();
    expect(
      (await company.login('antai@example.com', DEMO_PASSWORD)).status,
    ).toBe(200);
    const callId = await insertCall(
      t.dataSource,
      'innovation_voucher',
      '330421',
    );
    const draft = await company.post<{ id: string }>(ApiRoutes.applications, {
      callId,
    });
    expect(draft.status).toBe(201);
    const uploaded = await company.upload(
      ApiRoutes.applicationMaterials(draft.body.id),
      { materialKey: 'business_licence' },
      { name: 'licence.pdf', content: MINIMAL_PDF },
    );
    expect(uploaded.status).toBe(201);
    const [stored] = readdirSync(t.config.uploadDir);
    expect(modeOf(t.config.uploadDir)).toBe(0o700);
    expect(modeOf(join(t.config.uploadDir, stored ?? '-'))).toBe(0o600);

    // Without SMTP every message is an .eml file under DATA_DIR/mail.
    await t.app.get(MailerService).send({
      to: 'antai@example.com',
      subject: '测试',
      text: '测试',
      html: '<p>测试</p>',
    });
    const [mail] = readdirSync(t.config.mailDir);
    expect(modeOf(t.config.mailDir)).toBe(0o700);
    expect(modeOf(join(t.config.mailDir, mail ?? '-'))).toBe(0o600);
  });
});
