import { ApiRoutes, type HealthView } from '@portal/contracts';
import { startTestApp, type TestApp } from '../testing/test-app';

describe('health while Redis is unreachable', () => {
  let t: TestApp;
  beforeAll(async () => {
    // Port 1: nothing listens; the API must still start and say what is down.
    t = await startTestApp('sqlite', { REDIS_URL: 'redis://127.0.0.1:1' });
  });
  afterAll(() => t.close());

  it('answers 503 degraded, naming Redis as down and the database as up', async () => {
    const res = await t.client().get<HealthView>(ApiRoutes.health);
    expect(res.status).toBe(503);
    expect(res.body).toEqual({
      status: 'degraded',
      database: 'up',
      redis: 'down',
    });
  });

  it('still lets people log in (rate limits skip while Redis is down)', async () => {
    const res = await t.client().login('antai@example.com', 'Demo-Portal-2026');
    expect(res.status).toBe(200);
  });
});
