import { DIALECTS, type TestClient } from '@portal/api-testing';
import {
  ApiRoutes,
  type ApplicationDetail,
  type ApplicationSummary,
  type Page,
} from '@portal/contracts';
import { expectNotifiedAsDefined } from '../testing/notified-as-defined';
import type { TestApp } from '../testing/test-app';
import { act, expectState, readyDraft } from '../testing/workflow-steps';
import { workflowSuite } from '../testing/workflow-suite';

describe.each(DIALECTS)('who sees which application on %s', (dialect) => {
  const suite = workflowSuite(dialect);
  const { as, openCall } = suite;
  let t: TestApp;
  beforeAll(() => {
    t = suite.t;
  });

  it('keeps companies and regions apart: 404 for strangers, 403 for the wrong role, both audited', async () => {
    const antai = await as('antai@example.com');
    const draft = await readyDraft(
      antai,
      'innovation_voucher',
      await openCall('innovation_voucher', '330421'),
    );
    const [material] = draft.materials;
    if (!material) throw new Error('the draft has its materials');
    const otherCompany = await as('seed@example.com');
    const otherCounty = await as('reviewer.haiyan@example.com');
    expect(
      (await otherCompany.get(ApiRoutes.application(draft.id))).status,
    ).toBe(404);
    expect(
      (await otherCounty.get(ApiRoutes.application(draft.id))).status,
    ).toBe(404);
    expect(
      (
        await otherCounty.post(ApiRoutes.applicationActions(draft.id), {
          action: 'approve',
          version: draft.version,
          comment: 'x',
        })
      ).status,
    ).toBe(404);
    expect(
      (
        await otherCompany.get(
          ApiRoutes.applicationMaterial(draft.id, material.id),
        )
      ).status,
    ).toBe(404);
    const county = await as('reviewer.jiashan@example.com');
    expect((await act(county, draft.id, 'submit')).status).toBe(403);
    const download = await antai.get(
      ApiRoutes.applicationMaterial(draft.id, material.id),
    );
    expect(download.status).toBe(200);
    expect(String(download.headers['content-disposition'])).toMatch(
      /^attachment;/,
    );
    const [denials] = await t.dataSource.query(
      "SELECT COUNT(*) AS n FROM audit_log WHERE action = 'application.access_denied' AND object_id = ?",
      [draft.id],
    );
    expect(Number(denials.n)).toBeGreaterThanOrEqual(4);
  });

  it("pages the reviewer's inbox and a company's own list by keyset, newest first, and narrows the inbox by its filters", async () => {
    const county = await as('reviewer.jiashan@example.com');
    const call = await openCall('high_tech', '330000');
    const submitted: ApplicationDetail[] = [];
    for (const email of ['antai@example.com', 'lihua@example.com']) {
      const company = await as(email);
      const draft = await readyDraft(company, 'high_tech', call);
      expect((await act(company, draft.id, 'submit')).status).toBe(200);
      submitted.push(await expectState(company, draft.id, 'county_review'));
    }
    const ids = submitted.map((a) => a.id);
    const inbox = (query: string) =>
      county.get<Page<ApplicationSummary>>(
        `${ApiRoutes.inbox}?view=todo&${query}`,
      );
    const walk = async (client: TestClient, url: string): Promise<string[]> => {
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const page: { body: Page<ApplicationSummary> } = await client.get<
          Page<ApplicationSummary>
        >(`${url}limit=1${cursor ? `&cursor=${cursor}` : ''}`);
        expect(page.body.items.length).toBeLessThanOrEqual(1);
        seen.push(...page.body.items.map((a) => a.id));
        cursor = page.body.nextCursor;
      } while (cursor);
      return seen;
    };

    const all = await inbox('limit=100');
    expect(all.body.nextCursor).toBeNull();
    const listed = all.body.items.map((a) => a.id);
    expect(listed).toEqual(expect.arrayContaining(ids));
    const entered = all.body.items.map((a) => a.stateEnteredAt);
    expect([...entered].sort().reverse()).toEqual(entered);
    expect(await walk(county, `${ApiRoutes.inbox}?view=todo&`)).toEqual(listed);
    const mine = all.body.items.find((a) => a.id === ids[1]);
    expect(mine).toMatchObject({
      reference: submitted[1]?.reference,
      companyName: submitted[1]?.companyName,
      callTitle: 'high_tech open call',
      status: { state: 'county_review', stage: { en: 'County review' } },
      overdue: false,
    });

    const byReference = await inbox(
      `q=${encodeURIComponent(submitted[1]?.reference ?? '')}`,
    );
    expect(byReference.body.items.map((a) => a.id)).toEqual([ids[1]]);
    const byName = await inbox(
      `q=${encodeURIComponent(submitted[0]?.companyName ?? '')}`,
    );
    expect(byName.body.items.map((a) => a.id)).toContain(ids[0]);
    expect(byName.body.items.map((a) => a.id)).not.toContain(ids[1]);
    const inState = await inbox('state=county_review&limit=100');
    expect(inState.body.items.map((a) => a.id)).toEqual(
      expect.arrayContaining(ids),
    );
    expect(
      inState.body.items.every((a) => a.status.state === 'county_review'),
    ).toBe(true);
    expect(
      (await inbox('type=innovation_voucher&limit=100')).body.items.map(
        (a) => a.id,
      ),
    ).not.toContain(ids[0]);
    expect(
      (await inbox('overdue=true&limit=100')).body.items.map((a) => a.id),
    ).not.toContain(ids[0]);
    expect(
      (await inbox(`callId=${call}&limit=100`)).body.items.map((a) => a.id),
    ).toEqual(expect.arrayContaining(ids));

    const antai = await as('antai@example.com');
    const own = await antai.get<Page<ApplicationSummary>>(
      `${ApiRoutes.applications}?limit=100`,
    );
    const ownIds = own.body.items.map((a) => a.id);
    expect(ownIds).toContain(ids[0]);
    expect(ownIds).not.toContain(ids[1]);
    const created = own.body.items.map((a) => a.id);
    expect(await walk(antai, `${ApiRoutes.applications}?`)).toEqual(created);
    expect(own.body.items.find((a) => a.id === ids[0])?.status.stage).toBe(
      null,
    );
    await expectNotifiedAsDefined(t, suite.smtp, ids);
  });
});
