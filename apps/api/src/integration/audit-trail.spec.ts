import { AuditLogEntity, DEMO_PASSWORD } from '@portal/api-db';
import { DIALECTS } from '@portal/api-testing';
import {
  ApiRoutes,
  type ApplicationDetail,
  type ErrorBody,
} from '@portal/contracts';
import { insertCall, MINIMAL_PDF } from '../testing/factories';
import { startTestApp, type TestApp } from '../testing/test-app';

/** GB/T 22239-2019 8.1.4.3: what changes a company's filing, and what is refused, leaves a trace. */
describe.each(DIALECTS)('the audit trail on %s', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(dialect);
  });
  afterAll(() => t.close());

  const entries = (action: string, objectId?: string) =>
    t.dataSource.getRepository(AuditLogEntity).find({
      where: { action, ...(objectId ? { objectId } : {}) },
      order: { id: 'ASC' },
    });
  const detailOf = (row: AuditLogEntity | undefined) =>
    JSON.parse(row?.detail ?? 'null') as Record<string, unknown>;

  it('records every form save with the fields it changed (never their values), and every upload and removal with the file’s hash', async () => {
    const company = t.client();
    expect(
      (await company.login('antai@example.com', DEMO_PASSWORD)).status,
    ).toBe(200);
    const draft = await company.post<{ id: string; version: number }>(
      ApiRoutes.applications,
      {
        callId: await insertCall(t.dataSource, 'innovation_voucher', '330421'),
      },
    );
    expect(draft.status).toBe(201);
    const id = draft.body.id;

    const saved = await company.patch<{ version: number }>(
      ApiRoutes.applicationForm(id),
      {
        version: draft.body.version,
        form: { serviceDescription: '委托检测新型电池隔膜的热稳定性' },
      },
    );
    expect(saved.status).toBe(200);
    const [save] = await entries('application.form_saved', id);
    expect(save).toMatchObject({
      result: 'success',
      objectType: 'application',
    });
    expect(detailOf(save)).toMatchObject({
      version: saved.body.version,
      changed: expect.arrayContaining(['serviceDescription']),
    });
    expect(save?.detail).not.toContain('热稳定性');

    const uploaded = await company.upload<{ id: string }>(
      ApiRoutes.applicationMaterials(id),
      { materialKey: 'business_licence' },
      { name: 'licence.pdf', content: MINIMAL_PDF },
    );
    expect(uploaded.status).toBe(201);
    const [upload] = await entries(
      'application.file_uploaded',
      uploaded.body.id,
    );
    expect(detailOf(upload)).toMatchObject({
      applicationId: id,
      materialKey: 'business_licence',
      fileName: 'licence.pdf',
      sizeBytes: MINIMAL_PDF.length,
      sha256: expect.stringMatching(/^[0-9a-f]{64}$/),
    });

    const removed = await company.delete(
      ApiRoutes.applicationMaterial(id, uploaded.body.id),
    );
    expect(removed.status).toBe(204);
    const [removal] = await entries(
      'application.file_removed',
      uploaded.body.id,
    );
    expect(detailOf(removal)).toMatchObject({
      applicationId: id,
      sha256: detailOf(upload)['sha256'],
    });
  });

  it('lets the auditor read a case and its timeline, never act on it, and records each read', async () => {
    const company = t.client();
    expect(
      (await company.login('shengze@example.com', DEMO_PASSWORD)).status,
    ).toBe(200);
    const draft = await company.post<ApplicationDetail>(
      ApiRoutes.applications,
      {
        callId: await insertCall(t.dataSource, 'innovation_voucher', '330421'),
      },
    );
    const auditor = t.client();
    expect(
      (await auditor.login('auditor@example.com', DEMO_PASSWORD)).status,
    ).toBe(200);
    const read = await auditor.get<ApplicationDetail>(
      ApiRoutes.application(draft.body.id),
    );
    expect(read.status).toBe(200);
    expect(read.body.reference).toBe(draft.body.reference);
    // The whole timeline, as staff read it.
    const own = await company.get<ApplicationDetail>(
      ApiRoutes.application(draft.body.id),
    );
    expect(read.body.events.map((e) => e.action)).toEqual(
      own.body.events.map((e) => e.action),
    );
    expect(read.body.availableActions).toEqual([]);
    const acted = await auditor.post<ErrorBody>(
      ApiRoutes.applicationActions(draft.body.id),
      { action: 'submit', version: read.body.version },
    );
    expect(acted.status).toBe(403);
    const [entry] = await entries('application.read_by_auditor', draft.body.id);
    expect(entry).toMatchObject({
      result: 'success',
      objectType: 'application',
    });
    expect(detailOf(entry)).toEqual({ reference: draft.body.reference });
  });

  it('records a request refused for a missing or wrong CSRF token, under the path the router matched', async () => {
    const company = t.client();
    expect(
      (await company.login('jinghua@example.com', DEMO_PASSWORD)).status,
    ).toBe(200);
    const before = (await entries('request.csrf_refused')).length;
    const forged = await company.post<ErrorBody>(
      '/%61pi/auth/logout',
      undefined,
      { csrf: false },
    );
    expect(forged.status).toBe(403);
    expect(forged.body.code).toBe('CSRF_INVALID');
    const refused = await entries('request.csrf_refused');
    expect(refused).toHaveLength(before + 1);
    expect(refused.at(-1)).toMatchObject({ result: 'denied' });
    expect(detailOf(refused.at(-1))).toEqual({
      method: 'POST',
      path: '/api/auth/logout',
    });
    // Still signed in: the forged log-out did nothing.
    expect((await company.get(ApiRoutes.me)).status).toBe(200);
  });
});
