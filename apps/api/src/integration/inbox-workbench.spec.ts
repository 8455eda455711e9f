import { DIALECTS } from '@portal/api-testing';
import {
  ApiRoutes,
  type ApplicationDetail,
  type BatchActionResult,
  type ErrorBody,
  type InboxCounts,
  type InboxItem,
  type Page,
} from '@portal/contracts';
import { act, expectState, readyDraft } from '../testing/workflow-steps';
import { workflowSuite } from '../testing/workflow-suite';

describe.each(DIALECTS)("the reviewer's workbench on %s", (dialect) => {
  const suite = workflowSuite(dialect);
  const { as, openCall } = suite;

  /** Two high-tech cases of one call waiting at the Jiashan county desk. */
  async function twoAtCounty(): Promise<{
    call: string;
    cases: ApplicationDetail[];
  }> {
    const call = await openCall('high_tech', '330000');
    const cases: ApplicationDetail[] = [];
    for (const email of ['antai@example.com', 'lihua@example.com']) {
      const company = await as(email);
      const draft = await readyDraft(company, 'high_tech', call);
      expect((await act(company, draft.id, 'submit')).status).toBe(200);
      cases.push(await expectState(company, draft.id, 'county_review'));
    }
    return { call, cases };
  }

  it('counts both tabs under the filters, lists oldest first on request and gives the working days left', async () => {
    const county = await as('reviewer.jiashan@example.com');
    const { call, cases } = await twoAtCounty();
    const counts = async (query: string) =>
      (await county.get<InboxCounts>(`${ApiRoutes.inboxCounts}?${query}`)).body;
    expect(await counts(`callId=${call}`)).toEqual({ todo: 2, done: 0 });
    expect(await counts(`callId=${call}&type=innovation_voucher`)).toEqual({
      todo: 0,
      done: 0,
    });

    const list = async (order: string) =>
      (
        await county.get<Page<InboxItem>>(
          `${ApiRoutes.inbox}?view=todo&callId=${call}&order=${order}`,
        )
      ).body.items;
    const newest = await list('newest');
    const oldest = await list('oldest');
    expect(newest.map((a) => a.id)).toEqual(cases.map((c) => c.id).reverse());
    expect(oldest.map((a) => a.id)).toEqual(cases.map((c) => c.id));
    // Keyset pages in the oldest-first order continue where the last page ended.
    const first = await county.get<Page<InboxItem>>(
      `${ApiRoutes.inbox}?view=todo&callId=${call}&order=oldest&limit=1`,
    );
    const second = await county.get<Page<InboxItem>>(
      `${ApiRoutes.inbox}?view=todo&callId=${call}&order=oldest&limit=1&cursor=${first.body.nextCursor}`,
    );
    expect(
      [...first.body.items, ...second.body.items].map((a) => a.id),
    ).toEqual(cases.map((c) => c.id));
    for (const item of oldest) {
      expect(item.workflowVersion).toBeGreaterThanOrEqual(1);
      // The county's stage has a time limit: a whole number of working days, not yet passed.
      expect(item.dueAt).not.toBeNull();
      expect(Number.isInteger(item.dueInWorkingDays)).toBe(true);
      expect(item.dueInWorkingDays).toBeGreaterThan(0);
    }

    const [firstCase] = cases;
    if (!firstCase) throw new Error('two cases were filed');
    expect(
      (await act(county, firstCase.id, 'recommend', { comment: '推荐' }))
        .status,
    ).toBe(200);
    expect(await counts(`callId=${call}`)).toEqual({ todo: 1, done: 1 });

    const refused = await county.get<ErrorBody>(
      `${ApiRoutes.inboxCounts}?view=done`,
    );
    expect(refused.status).toBe(400);
    const company = await as('antai@example.com');
    expect((await company.get(ApiRoutes.inboxCounts)).status).toBe(403);
  });

  it('recommends several cases with one comment, each answered on its own, and a repeat changes nothing', async () => {
    const county = await as('reviewer.jiashan@example.com');
    const { cases } = await twoAtCounty();
    const [fresh, stale] = cases;
    if (!fresh || !stale) throw new Error('two cases were filed');
    const otherCounty = await as('reviewer.haiyan@example.com');
    expect(
      (
        await otherCounty.post(ApiRoutes.inboxBatchActions, {
          action: 'recommend',
          comment: '同意推荐',
          cases: [{ applicationId: fresh.id, version: fresh.version }],
        })
      ).body,
    ).toMatchObject({
      succeeded: 0,
      failed: 1,
      outcomes: [
        { applicationId: fresh.id, ok: false, error: { statusCode: 404 } },
      ],
    });

    const request = {
      action: 'recommend',
      comment: '材料齐全，同意推荐',
      cases: [
        { applicationId: fresh.id, version: fresh.version },
        { applicationId: stale.id, version: stale.version - 1 },
      ],
    };
    const headers = { 'Idempotency-Key': `batch-${fresh.id}` };
    const answer = await county.post<BatchActionResult>(
      ApiRoutes.inboxBatchActions,
      request,
      { headers },
    );
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ succeeded: 1, failed: 1 });
    expect(answer.body.outcomes).toEqual([
      expect.objectContaining({
        applicationId: fresh.id,
        ok: true,
        result: expect.objectContaining({
          status: expect.objectContaining({ state: 'city_review' }),
        }),
      }),
      expect.objectContaining({
        applicationId: stale.id,
        ok: false,
        error: expect.objectContaining({ statusCode: 409 }),
      }),
    ]);
    const moved = await expectState(county, fresh.id, 'city_review');
    expect(moved.events.at(-1)?.comment).toBe('材料齐全，同意推荐');
    const untouched = await county.get<ApplicationDetail>(
      ApiRoutes.application(stale.id),
    );
    expect(untouched.body.status.state).toBe('county_review');

    const repeat = await county.post<BatchActionResult>(
      ApiRoutes.inboxBatchActions,
      request,
      { headers },
    );
    expect(repeat.body.outcomes[0]).toEqual(answer.body.outcomes[0]);
    const again = await county.get<ApplicationDetail>(
      ApiRoutes.application(fresh.id),
    );
    expect(again.body.version).toBe(moved.version);
    expect(again.body.events).toHaveLength(moved.events.length);
  });

  it('refuses a batch without cases, with a case twice or with more than fifty, before acting on any', async () => {
    const county = await as('reviewer.jiashan@example.com');
    const id = '5b0ec1a6-62f4-4d3c-9a47-0d0b2a2e1c11';
    const post = (cases: unknown[]) =>
      county.post<ErrorBody>(ApiRoutes.inboxBatchActions, {
        action: 'recommend',
        comment: 'x',
        cases,
      });
    const empty = await post([]);
    expect(empty.status).toBe(400);
    expect(empty.body.fields?.[0]?.code).toBe('batch.empty');
    const twice = await post([
      { applicationId: id, version: 1 },
      { applicationId: id, version: 1 },
    ]);
    expect(twice.status).toBe(400);
    expect(twice.body.fields?.[0]?.code).toBe('batch.duplicate');
    const many = await post(
      Array.from({ length: 51 }, (_, i) => ({
        applicationId: `5b0ec1a6-62f4-4d3c-9a47-${String(i).padStart(12, '0')}`,
        version: 1,
      })),
    );
    expect(many.status).toBe(400);
    expect(many.body.fields?.[0]?.code).toBe('batch.too_many');
    const company = await as('antai@example.com');
    expect(
      (
        await company.post(ApiRoutes.inboxBatchActions, {
          action: 'submit',
          cases: [{ applicationId: id, version: 1 }],
        })
      ).status,
    ).toBe(403);
  });
});
