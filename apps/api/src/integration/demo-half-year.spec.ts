import { DemoApplicationsSeeder } from '@portal/api-demo';
import { DEMO_PASSWORD } from '@portal/api-db';
import {
  ApiRoutes,
  type ApplicationSummary,
  type ChainVerification,
  type Page,
} from '@portal/contracts';
import { startTestApp, type TestApp } from '../testing/test-app';

const M = 1_000_000;

// Its own database: the demo half-year is seeded only into one without applications.

describe('the demo half-year', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp('sqlite');
  });
  afterAll(() => t.close());

  it('replays the county report (3 Torch-plan filings, 2 past the initial review with their supplement in; 33 tech SMEs evaluated; 18 high-tech filings sent on, one returned by the city; 2 vouchers granted; loans of 5M, 3M and 5M at the bank) and leaves work at every desk', async () => {
    expect(await t.app.get(DemoApplicationsSeeder).seedIfEmpty()).toBe(63);
    const rows = async (sql: string) =>
      (await t.dataSource.query(sql)) as Record<string, string>[];
    const byState = await rows(
      "SELECT state, COUNT(*) AS n FROM applications WHERE type = 'high_tech' AND state IN ('provincial_review', 'expert_review', 'returned_by_city') GROUP BY state ORDER BY state",
    );
    expect(byState.map((r) => [r['state'], Number(r['n'])])).toEqual([
      ['expert_review', 1],
      ['provincial_review', 16],
      ['returned_by_city', 1],
    ]);
    const evaluated = await rows(
      "SELECT a.state AS state, COUNT(DISTINCT a.id) AS n FROM applications a JOIN application_events e ON e.application_id = a.id WHERE a.type = 'tech_sme' AND e.action = 'auto_check_passed' GROUP BY a.state ORDER BY a.state",
    );
    expect(evaluated.map((r) => [r['state'], Number(r['n'])])).toEqual([
      ['formal_review', 2],
      ['provincial_batch', 2],
      ['public_notice', 4],
      ['registered', 24],
      ['returned', 1],
    ]);
    const torch = await rows(
      "SELECT state, COUNT(*) AS n FROM applications WHERE type = 'st_project' GROUP BY state ORDER BY state",
    );
    expect(torch.map((r) => [r['state'], Number(r['n'])])).toEqual([
      ['approval_review', 2],
      ['rejected', 1],
    ]);
    const supplemented = await rows(
      "SELECT COUNT(*) AS n FROM application_events e JOIN applications a ON a.id = e.application_id WHERE a.type = 'st_project' AND e.action = 'submit_supplement'",
    );
    expect(Number(supplemented[0]?.['n'])).toBe(2);
    const registrations = await rows(
      "SELECT COUNT(*) AS n FROM grants WHERE series = 'tech_sme_registration'",
    );
    expect(Number(registrations[0]?.['n'])).toBe(24);
    const granted = await rows(
      "SELECT COUNT(DISTINCT e.application_id) AS n FROM application_events e JOIN applications a ON a.id = e.application_id WHERE a.type = 'innovation_voucher' AND e.action = 'approve'",
    );
    expect(Number(granted[0]?.['n'])).toBe(2);
    const loans = await rows(
      "SELECT form FROM applications WHERE type = 'transformation_loan' AND state = 'bank_review'",
    );
    expect(
      loans.map((r) => JSON.parse(r['form'] as string).amountYuan).sort(),
    ).toEqual([3 * M, 5 * M, 5 * M]);

    const expert = (
      await rows(
        "SELECT u.email AS email FROM expert_assignments x JOIN users u ON u.id = x.expert_user_id JOIN applications a ON a.id = x.application_id WHERE a.state = 'expert_review' LIMIT 1",
      )
    )[0]?.['email'] as string;
    for (const email of [
      'reviewer.jiashan@example.com',
      'reviewer.haiyan@example.com',
      'reviewer.jiaxing@example.com',
      'reviewer.zhejiang@example.com',
      'bank@example.com',
      'provider@example.com',
      expert,
    ]) {
      const client = t.client();
      await client.login(email, DEMO_PASSWORD);
      const inbox = await client.get<Page<ApplicationSummary>>(ApiRoutes.inbox);
      expect([email, inbox.body.items.length > 0]).toEqual([email, true]);
    }
    const auditor = t.client();
    await auditor.login('auditor@example.com', DEMO_PASSWORD);
    expect(
      (await auditor.get<ChainVerification>(ApiRoutes.eventChain)).body,
    ).toMatchObject({ intact: true, applications: 63 });
    expect(await t.app.get(DemoApplicationsSeeder).seedIfEmpty()).toBe(0);
  });
});
