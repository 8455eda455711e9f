import { DEMO_PASSWORD } from '@portal/api-db';
import {
  TestSmtpServer,
  type Dialect,
  type TestClient,
} from '@portal/api-testing';
import type { ApplicationType } from '@portal/domain';
import { insertCall, insertTechSmeRegistration } from './factories';
import { startTestApp, type TestApp } from './test-app';
import { fileYearlyFigures } from './workflow-steps';

/** The demo companies whose yearly figures the suite keeps (a high-tech check passes for them). */
const COMPANIES_WITH_FIGURES = ['antai@example.com', 'lihua@example.com'];
/** The demo companies holding a valid tech-SME registration (a loan's precondition). */
const COMPANIES_REGISTERED_AS_TECH_SMES = ['jinghua@example.com'];

/** What a suite of workflow tests shares: the real API on one dialect, its SMTP server, sign-ins. */
export interface WorkflowSuite {
  readonly t: TestApp;
  readonly smtp: TestSmtpServer;
  /** A client signed in as a demo user, one per e-mail for the whole suite. */
  readonly as: (email: string) => Promise<TestClient>;
  /** Inserts a call of the type for the region, open now or closed since yesterday. */
  readonly openCall: (
    type: ApplicationType,
    regionCode: string,
    window?: 'open' | 'closed',
  ) => Promise<string>;
}

/**
 * Starts the API (migrations and demo seed) with an SMTP server before the file's tests, gives
 * antai and lihua three years of figures, and closes both after them. Tests set up their own
 * cases; only the demo data and the sign-ins are shared.
 */
export function workflowSuite(dialect: Dialect): WorkflowSuite {
  let app: TestApp | null = null;
  let mail: TestSmtpServer | null = null;
  const clients = new Map<string, TestClient>();
  const started = <T>(value: T | null): T => {
    if (value === null)
      throw new Error('the workflow suite is used before its beforeAll ran');
    return value;
  };
  const suite: WorkflowSuite = {
    get t() {
      return started(app);
    },
    get smtp() {
      return started(mail);
    },
    as: async (email) => {
      const existing = clients.get(email);
      if (existing) return existing;
      const client = started(app).client();
      expect((await client.login(email, DEMO_PASSWORD)).status).toBe(200);
      clients.set(email, client);
      return client;
    },
    openCall: (type, regionCode, window = 'open') =>
      insertCall(started(app).dataSource, type, regionCode, {
        daysOpen: window === 'open' ? 30 : -1,
        title: `${type} ${window} call`,
      }),
  };

  beforeAll(async () => {
    mail = await TestSmtpServer.start();
    app = await startTestApp(dialect, { SMTP_URL: mail.url });
    for (const email of COMPANIES_WITH_FIGURES) {
      const company = await suite.as(email);
      await fileYearlyFigures(company);
    }
    for (const email of COMPANIES_REGISTERED_AS_TECH_SMES)
      await insertTechSmeRegistration(app.dataSource, email);
  });
  afterAll(async () => {
    await app?.close();
    await mail?.close();
    clients.clear();
  });
  return suite;
}
