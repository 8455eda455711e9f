import { ApplicationEntity } from '@portal/api-db';
import { DIALECTS } from '@portal/api-testing';
import {
  ApiRoutes,
  type ApplicationDetail,
  type ErrorBody,
  type MyApplicationSummary,
  type Page,
} from '@portal/contracts';
import { workflowSuite } from '../testing/workflow-suite';

describe.each(DIALECTS)("the company's own list on %s", (dialect) => {
  const suite = workflowSuite(dialect);
  const { as, openCall } = suite;

  const list = async (
    email: string,
    query: Record<string, string | number> = {},
  ) => {
    const client = await as(email);
    const params = new URLSearchParams(
      Object.entries(query).map(([k, v]) => [k, String(v)]),
    );
    return client.get<Page<MyApplicationSummary>>(
      `${ApiRoutes.applications}?${params}`,
    );
  };

  it('filters by programme, phase, year and text, pages by keyset, and names the next deadline', async () => {
    const company = await as('antai@example.com');
    const highTechCall = await openCall('high_tech', '330000');
    const voucherCall = await openCall('innovation_voucher', '330000');
    const drafts: ApplicationDetail[] = [];
    for (const callId of [highTechCall, voucherCall, highTechCall]) {
      const created = await company.post<ApplicationDetail>(
        ApiRoutes.applications,
        { callId },
      );
      expect(created.status).toBe(201);
      drafts.push(created.body);
    }
    const [first, voucher, returned] = drafts as [
      ApplicationDetail,
      ApplicationDetail,
      ApplicationDetail,
    ];
    // One back with the company for supplement, to be answered within five days.
    const answerBy = new Date(Date.now() + 5 * 86_400_000);
    await suite.t.dataSource
      .getRepository(ApplicationEntity)
      .update(
        { id: returned.id },
        { state: 'returned_by_county', holder: 'enterprise', dueAt: answerBy },
      );

    const all = await list('antai@example.com');
    expect(all.status).toBe(200);
    const byId = new Map(all.body.items.map((i) => [i.id, i]));
    expect(byId.get(first.id)).toMatchObject({
      phase: 'draft',
      nextDeadline: { kind: 'call_closes', urgency: 'ok' },
    });
    expect(byId.get(first.id)?.nextDeadline?.workingDaysLeft).toBeGreaterThan(
      10,
    );
    expect(byId.get(returned.id)).toMatchObject({
      phase: 'with_you',
      nextDeadline: { kind: 'answer', at: answerBy.toISOString() },
    });
    const left = byId.get(returned.id)?.nextDeadline?.workingDaysLeft ?? -1;
    expect(left).toBeGreaterThanOrEqual(1);
    expect(left).toBeLessThanOrEqual(5);

    const highTech = await list('antai@example.com', { type: 'high_tech' });
    expect(highTech.body.items.map((i) => i.type)).not.toContain(
      'innovation_voucher',
    );
    expect(highTech.body.items.map((i) => i.id)).toEqual(
      expect.arrayContaining([first.id, returned.id]),
    );

    const withUs = await list('antai@example.com', { phase: 'with_you' });
    expect(withUs.body.items.map((i) => i.id)).toContain(returned.id);
    expect(withUs.body.items.every((i) => i.phase === 'with_you')).toBe(true);
    const finished = await list('antai@example.com', {
      phase: 'finished',
      type: 'innovation_voucher',
    });
    expect(finished.body.items.map((i) => i.id)).not.toContain(voucher.id);

    const byText = await list('antai@example.com', { q: voucher.reference });
    expect(byText.body.items.map((i) => i.id)).toEqual([voucher.id]);
    const byCall = await list('antai@example.com', {
      q: 'innovation_voucher open',
    });
    expect(byCall.body.items.map((i) => i.id)).toContain(voucher.id);
    expect((await list('antai@example.com', { q: '100%' })).body.items).toEqual(
      [],
    );

    const thisYear = Number(first.reference.match(/\d{4}/)?.[0]);
    const inYear = await list('antai@example.com', { year: thisYear });
    expect(inYear.body.items.map((i) => i.id)).toContain(first.id);
    const earlier = await list('antai@example.com', { year: thisYear - 5 });
    expect(earlier.body.items.map((i) => i.id)).not.toContain(first.id);

    // Keyset pages under a filter: two of the high-tech drafts, one a page.
    const page1 = await list('antai@example.com', {
      type: 'high_tech',
      limit: 1,
    });
    expect(page1.body.items).toHaveLength(1);
    expect(page1.body.nextCursor).not.toBeNull();
    const page2 = await list('antai@example.com', {
      type: 'high_tech',
      limit: 1,
      cursor: page1.body.nextCursor ?? '',
    });
    expect(page2.body.items[0]?.id).not.toBe(page1.body.items[0]?.id);
    expect(page2.body.items[0]?.type).toBe('high_tech');

    // Another company never sees them, whatever it searches for.
    const other = await list('lihua@example.com', { q: voucher.reference });
    expect(other.status).toBe(200);
    expect(other.body.items).toEqual([]);
  });

  it('refuses a filter it does not know with a field message', async () => {
    const bad = await (
      await as('antai@example.com')
    ).get<ErrorBody>(`${ApiRoutes.applications}?phase=lost&year=1900`);
    expect(bad.status).toBe(400);
    expect(bad.body.fields?.map((f) => f.code).sort()).toEqual([
      'phase.invalid',
      'year.range',
    ]);
  });
});
