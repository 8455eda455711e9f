import { CallEntity } from '@portal/api-db';
import { DIALECTS } from '@portal/api-testing';
import {
  ApiRoutes,
  type ApplicationDetail,
  type CallView,
  type ErrorBody,
} from '@portal/contracts';
import { MINIMAL_PDF } from '../testing/factories';
import type { TestApp } from '../testing/test-app';
import { act, readyDraft } from '../testing/workflow-steps';
import { workflowSuite } from '../testing/workflow-suite';

describe.each(DIALECTS)('calls, and what the API refuses on %s', (dialect) => {
  const suite = workflowSuite(dialect);
  const { as, openCall } = suite;
  let t: TestApp;
  beforeAll(() => {
    t = suite.t;
  });

  it('lets a bureau admin open a call for their own region only, with a sound window and quotas', async () => {
    const admin = await as('admin.jiashan@example.com');
    const body = {
      type: 'innovation_voucher',
      title: '2027年嘉善县科技创新券',
      opensAt: '2027-01-01T00:00:00+08:00',
      closesAt: '2027-06-30T17:00:00+08:00',
    };
    const opened = await admin.post<CallView>(ApiRoutes.calls, body);
    expect(opened.status).toBe(201);
    expect(opened.body).toMatchObject({
      regionCode: '330421',
      status: 'upcoming',
    });
    expect(
      (await admin.post(ApiRoutes.calls, { ...body, regionCode: '330424' }))
        .status,
    ).toBe(403);
    const backwards = await admin.post<ErrorBody>(ApiRoutes.calls, {
      ...body,
      closesAt: '2026-12-01T00:00:00+08:00',
    });
    expect(backwards.status).toBe(400);
    expect(backwards.body.fields?.[0]?.code).toBe('call.window');
    const badQuota = await admin.post<ErrorBody>(ApiRoutes.calls, {
      ...body,
      quotas: [{ regionCode: '330424', limit: 3 }],
    });
    expect(badQuota.status).toBe(400);
    const unknownField = await admin.post<ErrorBody>(ApiRoutes.calls, {
      ...body,
      budget: 1,
    });
    expect(unknownField.status).toBe(400);
    // Companies of the county see it; a company elsewhere does not.
    const calls = await (
      await as('antai@example.com')
    ).get<CallView[]>(ApiRoutes.calls);
    expect(calls.body.map((c) => c.id)).toContain(opened.body.id);
    const elsewhere = await (
      await as('seed@example.com')
    ).get<CallView[]>(ApiRoutes.calls);
    expect(elsewhere.body.map((c) => c.id)).not.toContain(opened.body.id);
  });

  it('refuses files that are not what they claim, a stale version and a closed call', async () => {
    const antai = await as('antai@example.com');
    const created = await antai.post<ApplicationDetail>(
      ApiRoutes.applications,
      { callId: await openCall('innovation_voucher', '330421') },
    );
    const fake = await antai.upload<ErrorBody>(
      ApiRoutes.applicationMaterials(created.body.id),
      { materialKey: 'business_licence' },
      { name: 'licence.pdf', content: Buffer.from('MZ not a pdf at all') },
    );
    expect(fake.status).toBe(415);
    expect(fake.body.code).toBe('FILE_REJECTED');
    const stale = await antai.patch<ErrorBody>(
      ApiRoutes.applicationForm(created.body.id),
      { version: created.body.version + 5, form: {} },
    );
    expect(stale.status).toBe(409);
    expect(stale.body.code).toBe('VERSION_CONFLICT');
    const closedCall = await openCall('high_tech', '330000', 'closed');
    const late = await antai.post<ErrorBody>(ApiRoutes.applications, {
      callId: closedCall,
    });
    expect(late.status).toBe(409);
    expect(late.body.code).toBe('CALL_CLOSED');
  });

  it('refuses a draft in a call that has not opened yet, saying when it opens', async () => {
    const jinghua = await as('jinghua@example.com');
    const callId = await openCall('innovation_voucher', '330421');
    const opensOn = new Date(Date.now() + 5 * 86_400_000);
    await t.dataSource
      .getRepository(CallEntity)
      .update({ id: callId }, { opensAt: opensOn });
    const early = await jinghua.post<ErrorBody>(ApiRoutes.applications, {
      callId,
    });
    expect(early.status).toBe(409);
    expect(early.body.code).toBe('CALL_NOT_OPEN');
    expect(early.body.message).toContain(
      new Date(opensOn.getTime() + 8 * 3600_000).toISOString().slice(0, 10),
    );
  });

  it('takes a later stage’s material only once the case is there: no redemption documents on a voucher draft', async () => {
    const jinghua = await as('jinghua@example.com');
    const draft = await readyDraft(
      jinghua,
      'innovation_voucher',
      await openCall('innovation_voucher', '330421'),
    );
    const early = await jinghua.upload<ErrorBody>(
      ApiRoutes.applicationMaterials(draft.id),
      { materialKey: 'invoice' },
      { name: 'invoice.pdf', content: MINIMAL_PDF },
    );
    expect(early.status).toBe(409);
    expect(early.body.code).toBe('MATERIAL_NOT_YET');
    // The application's own materials are still taken.
    const licence = await jinghua.upload(
      ApiRoutes.applicationMaterials(draft.id),
      { materialKey: 'business_licence' },
      { name: 'licence.pdf', content: MINIMAL_PDF },
    );
    expect(licence.status).toBe(201);
  });

  it('refuses a submission after the call has closed, saying when the window was', async () => {
    const antai = await as('antai@example.com');
    const callId = await openCall('innovation_voucher', '330421');
    const draft = await readyDraft(antai, 'innovation_voucher', callId);
    await t.dataSource
      .getRepository(CallEntity)
      .update({ id: callId }, { closesAt: new Date(Date.now() - 1000) });
    const late = await act(antai, draft.id, 'submit');
    expect(late.status).toBe(409);
    expect(late.body.code).toBe('CALL_CLOSED');
    expect(late.body.message).toMatch(
      /takes applications from \d{4}-\d\d-\d\d \d\d:\d\d to .* \(Beijing time\)/,
    );
    expect(
      (await antai.get<ApplicationDetail>(ApiRoutes.application(draft.id))).body
        .status.state,
    ).toBe('draft');
  });
  it('lists the calls a company may file in, filtered by window, with the working days left and its own draft', async () => {
    const antai = await as('antai@example.com');
    const open = await openCall('innovation_voucher', '330421');
    const closed = await openCall('innovation_voucher', '330421', 'closed');
    const upcoming = await openCall('innovation_voucher', '330421');
    await t.dataSource
      .getRepository(CallEntity)
      .update(
        { id: upcoming },
        { opensAt: new Date(Date.now() + 5 * 86_400_000) },
      );
    const all = await antai.get<CallView[]>(ApiRoutes.calls);
    const byId = new Map(all.body.map((c) => [c.id, c]));
    expect(byId.get(open)).toMatchObject({
      status: 'open',
      ownApplication: null,
    });
    // 30 calendar days hold at least eight weekend days.
    const left = byId.get(open)?.workingDaysLeft ?? 0;
    expect(left).toBeGreaterThan(10);
    expect(left).toBeLessThanOrEqual(22);
    expect(byId.get(closed)).toMatchObject({
      status: 'closed',
      workingDaysLeft: null,
    });
    expect(byId.get(upcoming)).toMatchObject({
      status: 'upcoming',
      workingDaysLeft: null,
    });

    const onlyOpen = await antai.get<CallView[]>(
      `${ApiRoutes.calls}?status=open&type=innovation_voucher`,
    );
    const openIds = onlyOpen.body.map((c) => c.id);
    expect(openIds).toContain(open);
    expect(openIds).not.toContain(closed);
    expect(openIds).not.toContain(upcoming);
    expect(onlyOpen.body.every((c) => c.status === 'open')).toBe(true);
    const onlyClosed = await antai.get<CallView[]>(
      `${ApiRoutes.calls}?status=closed`,
    );
    expect(onlyClosed.body.map((c) => c.id)).toEqual(
      expect.arrayContaining([closed]),
    );
    expect(onlyClosed.body.every((c) => c.status === 'closed')).toBe(true);
    for (const bad of ['status=soon', 'type=lottery', 'limit=5'])
      expect((await antai.get(`${ApiRoutes.calls}?${bad}`)).status).toBe(400);

    // Its own draft in the call comes back with the call; another company's does not.
    const draft = await antai.post<ApplicationDetail>(ApiRoutes.applications, {
      callId: open,
    });
    const again = await antai.get<CallView>(ApiRoutes.call(open));
    expect(again.body.ownApplication).toEqual({
      id: draft.body.id,
      reference: draft.body.reference,
      draft: true,
    });
    const neighbour = await (
      await as('jinghua@example.com')
    ).get<CallView[]>(ApiRoutes.calls);
    expect(neighbour.body.find((c) => c.id === open)?.ownApplication).toBe(
      null,
    );
    // Staff see the call without an "own application"; a company of another county not at all.
    const reviewer = await (
      await as('reviewer.jiashan@example.com')
    ).get<CallView[]>(ApiRoutes.calls);
    expect(reviewer.body.find((c) => c.id === open)).not.toHaveProperty(
      'ownApplication',
    );
    const elsewhere = await (
      await as('seed@example.com')
    ).get<CallView[]>(ApiRoutes.calls);
    expect(elsewhere.body.map((c) => c.id)).not.toContain(open);
  });
});
