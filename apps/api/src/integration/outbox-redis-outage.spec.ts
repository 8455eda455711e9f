import { OutboxRelay } from '@portal/api-engine';
import { DEMO_PASSWORD, OutboxEntity } from '@portal/api-db';
import { TestRedisServer, waitFor } from '@portal/api-testing';
import {
  ApiRoutes,
  type ActionResult,
  type ApplicationDetail,
} from '@portal/contracts';
import { APPLICATION_FORMS } from '@portal/domain';
import { insertCall, MINIMAL_PDF } from '../testing/factories';
import { startTestApp, type TestApp } from '../testing/test-app';

const PDF = MINIMAL_PDF;

describe('a transition committed while Redis is down', () => {
  let redis: TestRedisServer;
  let t: TestApp;

  beforeAll(async () => {
    redis = await TestRedisServer.start();
    t = await startTestApp('mariadb', { REDIS_URL: redis.url });
  });
  afterAll(async () => {
    await redis.restart().catch(() => undefined);
    await t.close();
    await redis.dispose();
  });

  it('is kept in the outbox and reaches Bull through the sweeper once Redis is back', async () => {
    const company = t.client();
    await company.login('shengze@example.com', DEMO_PASSWORD);
    const callId = await insertCall(t.dataSource, 'high_tech', '330000', {
      daysOpen: 1,
    });
    const draft = (
      await company.post<ApplicationDetail>(ApiRoutes.applications, { callId })
    ).body;
    for (const material of APPLICATION_FORMS.high_tech.materials.filter(
      (m) => m.required,
    ))
      await company.upload(
        ApiRoutes.applicationMaterials(draft.id),
        { materialKey: material.key },
        { name: 'm.pdf', content: PDF },
      );
    const saved = await company.patch<ActionResult>(
      ApiRoutes.applicationForm(draft.id),
      {
        version: draft.version,
        form: {
          field: 'new_materials',
          mainProducts: '新型材料',
          coreTechnology: '核心技术',
          rdProjects: 3,
          registeredOn: '2018-01-01',
          majorIncidentLastYear: false,
          auditReportNumber: 'A-1',
        },
      },
    );

    await redis.kill();
    const submitted = await company.post<ActionResult>(
      ApiRoutes.applicationActions(draft.id),
      {
        action: 'submit',
        version: saved.body.version,
      },
    );
    expect(submitted.status).toBe(200); // the database is the record; Redis is only the courier
    const outbox = t.dataSource.getRepository(OutboxEntity);
    await new Promise((r) => setTimeout(r, 1500));
    const waiting = await outbox.findOneByOrFail({
      applicationId: draft.id,
      jobName: 'auto-check',
    });
    expect(waiting.dispatchedAt).toBeNull();

    await redis.restart();
    const relay = t.app.get(OutboxRelay);
    await waitFor(
      async () =>
        (await outbox.findOneByOrFail({ id: waiting.id })).dispatchedAt !==
          null || (await relay.sweep(0)) > 0,
      30_000,
    );
    // The automated check ran: this company keeps no yearly figures, so it is returned.
    await waitFor(
      async () =>
        (await company.get<ApplicationDetail>(ApiRoutes.application(draft.id)))
          .body.status.state === 'returned_by_county',
      30_000,
    );
  }, 90_000);
});
