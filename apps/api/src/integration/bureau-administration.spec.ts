import { DIALECTS } from '@portal/api-testing';
import {
  ApiRoutes,
  type CalendarOverrideView,
  type CalendarYearView,
  type CallView,
  type ErrorBody,
  type ManagedCallView,
  type YearlyTargetView,
} from '@portal/contracts';
import { SEED_REPORT_TARGETS } from '@portal/domain';
import type { TestApp } from '../testing/test-app';
import { workflowSuite } from '../testing/workflow-suite';

const DAY = 86_400_000;
const iso = (ms: number) => new Date(ms).toISOString();

describe.each(DIALECTS)('bureau administration on %s', (dialect) => {
  const suite = workflowSuite(dialect);
  const { as } = suite;
  let t: TestApp;
  beforeAll(() => {
    t = suite.t;
  });

  const upcomingCall = async (email: string, regionCode?: string) => {
    const admin = await as(email);
    const created = await admin.post<CallView>(ApiRoutes.calls, {
      type: 'innovation_voucher',
      title: '管理测试批次',
      ...(regionCode ? { regionCode } : {}),
      opensAt: iso(Date.now() + 10 * DAY),
      closesAt: iso(Date.now() + 40 * DAY),
    });
    expect(created.status).toBe(201);
    return created.body;
  };

  it('edits an upcoming call freely, then opens and closes it, each step audited', async () => {
    const admin = await as('admin.jiashan@example.com');
    const call = await upcomingCall('admin.jiashan@example.com');
    const edited = await admin.patch<ManagedCallView>(ApiRoutes.call(call.id), {
      title: '  2027年嘉善县科技创新券（修订）  ',
      opensAt: iso(Date.now() + 5 * DAY),
    });
    expect(edited.status).toBe(200);
    expect(edited.body).toMatchObject({
      title: '2027年嘉善县科技创新券（修订）',
      status: 'upcoming',
      manageable: true,
      applications: 0,
    });
    // Opening in the past is "open now", which is its own audited action.
    const backdated = await admin.patch<ErrorBody>(ApiRoutes.call(call.id), {
      opensAt: iso(Date.now() - DAY),
    });
    expect(backdated.status).toBe(400);
    expect(backdated.body.fields?.[0]?.code).toBe('call.opens_past');
    // The same values again change nothing and leave no audit entry.
    expect(
      (
        await admin.patch(ApiRoutes.call(call.id), {
          title: edited.body.title,
        })
      ).status,
    ).toBe(200);
    const early = await admin.post<ErrorBody>(ApiRoutes.callClose(call.id));
    expect(early.status).toBe(409);
    expect(early.body.code).toBe('CALL_STATE_CONFLICT');

    const opened = await admin.post<ManagedCallView>(
      ApiRoutes.callOpen(call.id),
    );
    expect(opened.status).toBe(200);
    expect(opened.body.status).toBe('open');
    // Enterprises of the county can file in it at once.
    const antai = await as('antai@example.com');
    const filed = await antai.post(ApiRoutes.applications, { callId: call.id });
    expect(filed.status).toBe(201);
    expect((await admin.post(ApiRoutes.callOpen(call.id))).status).toBe(409);

    // Once open its region and opening are fixed; the title and closing may still move.
    const moved = await admin.patch<ErrorBody>(ApiRoutes.call(call.id), {
      regionCode: '330421',
      opensAt: iso(Date.now() + 2 * DAY),
    });
    expect(moved.status).toBe(400);
    expect(moved.body.fields?.map((f) => f.code)).toEqual(['call.open_fixed']);
    const past = await admin.patch<ErrorBody>(ApiRoutes.call(call.id), {
      closesAt: iso(Date.now() - DAY),
    });
    expect(past.status).toBe(400);
    const extended = await admin.patch<ManagedCallView>(
      ApiRoutes.call(call.id),
      {
        closesAt: iso(Date.now() + 60 * DAY),
      },
    );
    expect(extended.status).toBe(200);
    expect(extended.body.applications).toBe(1);

    const closed = await admin.post<ManagedCallView>(
      ApiRoutes.callClose(call.id),
    );
    expect(closed.status).toBe(200);
    expect(closed.body.status).toBe('closed');
    const late = await admin.patch<ErrorBody>(ApiRoutes.call(call.id), {
      title: '关闭后修改',
    });
    expect(late.status).toBe(409);

    const audit: { action: string }[] = await t.dataSource.query(
      'SELECT action FROM audit_log WHERE object_type = ? AND object_id = ? ORDER BY id',
      ['call', call.id],
    );
    expect(audit.map((a) => a.action)).toEqual([
      'call.created',
      'call.updated',
      'call.opened',
      'call.updated',
      'call.closed_early',
    ]);
  });

  it("refuses a county admin another county's call, and lets the city admin manage it", async () => {
    const haiyanCall = await upcomingCall(
      'admin.jiaxing@example.com',
      '330424',
    );
    const jiashan = await as('admin.jiashan@example.com');
    for (const attempt of [
      jiashan.patch<ErrorBody>(ApiRoutes.call(haiyanCall.id), {
        title: '越权修改',
      }),
      jiashan.post<ErrorBody>(ApiRoutes.callOpen(haiyanCall.id)),
      jiashan.post<ErrorBody>(ApiRoutes.callClose(haiyanCall.id)),
    ]) {
      const refused = await attempt;
      expect(refused.status).toBe(403);
      expect(refused.body.message).toContain('your own region');
    }
    const list = await jiashan.get<ManagedCallView[]>(ApiRoutes.managedCalls);
    expect(list.body.map((c) => c.id)).not.toContain(haiyanCall.id);
    // A reviewer holds no calls.manage at all.
    expect(
      (
        await (
          await as('reviewer.jiashan@example.com')
        ).get(ApiRoutes.managedCalls)
      ).status,
    ).toBe(403);
    const city = await as('admin.jiaxing@example.com');
    const edited = await city.patch<ManagedCallView>(
      ApiRoutes.call(haiyanCall.id),
      {
        quotas: [],
      },
    );
    expect(edited.status).toBe(200);
    const cityList = await city.get<ManagedCallView[]>(ApiRoutes.managedCalls);
    expect(cityList.body.find((c) => c.id === haiyanCall.id)?.manageable).toBe(
      true,
    );
    const unchanged = await t.dataSource.query(
      'SELECT title FROM calls WHERE id = ?',
      [haiyanCall.id],
    );
    expect(unchanged[0].title).toBe('管理测试批次');
  });

  it('lists the quotas of a call with their use', async () => {
    const city = await as('admin.jiaxing@example.com');
    const created = await city.post<CallView>(ApiRoutes.calls, {
      type: 'high_tech',
      title: '嘉兴市高新技术企业推荐',
      opensAt: iso(Date.now() + DAY),
      closesAt: iso(Date.now() + 30 * DAY),
      quotas: [
        { regionCode: '330421', limit: 3 },
        { regionCode: '330424', limit: 2 },
      ],
    });
    const list = await city.get<ManagedCallView[]>(ApiRoutes.managedCalls);
    expect(list.body.find((c) => c.id === created.body.id)?.quotaUse).toEqual([
      { regionCode: '330421', limit: 3, used: 0 },
      { regionCode: '330424', limit: 2, used: 0 },
    ]);
    const duplicate = await city.patch<ErrorBody>(
      ApiRoutes.call(created.body.id),
      {
        quotas: [
          { regionCode: '330421', limit: 3 },
          { regionCode: '330421', limit: 1 },
        ],
      },
    );
    expect(duplicate.status).toBe(400);
    expect(duplicate.body.fields?.[0]?.code).toBe('quota.duplicate');
  });

  it("keeps the yearly targets per region: Jiashan's seeded 2026, set by its admin, refused elsewhere", async () => {
    const county = await as('admin.jiashan@example.com');
    const seeded = await county.get<YearlyTargetView[]>(
      `${ApiRoutes.yearlyTargets}?year=2026`,
    );
    expect(seeded.status).toBe(200);
    expect(seeded.body).toEqual([
      expect.objectContaining({
        regionCode: '330421',
        values: SEED_REPORT_TARGETS,
        gdpWanYuan: null,
      }),
    ]);
    const set = await county.put<YearlyTargetView>(
      `${ApiRoutes.yearlyTargets}?year=2027&region=330421`,
      {
        values: { ...SEED_REPORT_TARGETS, high_tech_gained: 8 },
        gdpWanYuan: 9_100_000,
      },
    );
    expect(set.status).toBe(200);
    const reread = await county.get<YearlyTargetView[]>(
      `${ApiRoutes.yearlyTargets}?year=2027&region=330421`,
    );
    expect(reread.body[0]).toMatchObject({
      values: { high_tech_gained: 8, rd_share_of_gdp: 1.7 },
      gdpWanYuan: 9_100_000,
    });
    const bad = await county.put<ErrorBody>(
      `${ApiRoutes.yearlyTargets}?year=2027&region=330421`,
      {
        values: {
          ...SEED_REPORT_TARGETS,
          platforms: 2.5,
          rd_share_of_gdp: 120,
        },
      },
    );
    expect(bad.status).toBe(400);
    expect(bad.body.fields?.map((f) => f.field).sort()).toEqual([
      'values.platforms',
      'values.rd_share_of_gdp',
    ]);
    const missing = await county.put<ErrorBody>(
      `${ApiRoutes.yearlyTargets}?year=2027&region=330421`,
      { values: { platforms: 5 } },
    );
    expect(missing.status).toBe(400);
    const elsewhere = await county.put<ErrorBody>(
      `${ApiRoutes.yearlyTargets}?year=2027&region=330424`,
      { values: SEED_REPORT_TARGETS },
    );
    expect(elsewhere.status).toBe(403);
    expect(
      (await county.get(`${ApiRoutes.yearlyTargets}?year=2027&region=330400`))
        .status,
    ).toBe(403);
    expect(
      (await county.get(`${ApiRoutes.yearlyTargets}?year=abc`)).status,
    ).toBe(400);
    // The city sees itself and its counties.
    const city = await (
      await as('admin.jiaxing@example.com')
    ).get<YearlyTargetView[]>(`${ApiRoutes.yearlyTargets}?year=2026`);
    expect(city.body.map((r) => r.regionCode)).toEqual([
      '330400',
      '330421',
      '330424',
    ]);
    expect(
      (
        await (
          await as('reviewer.jiashan@example.com')
        ).get(`${ApiRoutes.yearlyTargets}?year=2026`)
      ).status,
    ).toBe(403);
  });

  it("shows the year's published holidays beside the overrides, and the revision each change creates", async () => {
    const sysadmin = await as('sysadmin@example.com');
    const before = await sysadmin.get<CalendarYearView>(
      ApiRoutes.calendarYear(2026),
    );
    expect(before.status).toBe(200);
    expect(before.body.published).toContainEqual(
      expect.objectContaining({ date: '2026-10-01', kind: 'holiday' }),
    );
    expect(before.body.published).toContainEqual(
      expect.objectContaining({ date: '2026-10-10', kind: 'workday' }),
    );
    const set = await sysadmin.put<CalendarOverrideView>(
      ApiRoutes.calendarOverride('2026-11-13'),
      { kind: 'holiday', note: '台风停工' },
    );
    expect(set.body.revision).toBe(before.body.revision + 1);
    const after = await sysadmin.get<CalendarYearView>(
      ApiRoutes.calendarYear(2026),
    );
    expect(after.body.revision).toBe(before.body.revision + 1);
    expect(after.body.overrides).toContainEqual({
      date: '2026-11-13',
      kind: 'holiday',
      note: '台风停工',
    });
    expect(
      (await sysadmin.delete(ApiRoutes.calendarOverride('2026-11-13'))).status,
    ).toBe(204);
    expect((await sysadmin.get(ApiRoutes.calendarYear(1999))).status).toBe(400);
    expect(
      (
        await (
          await as('admin.jiashan@example.com')
        ).get(ApiRoutes.calendarYear(2026))
      ).status,
    ).toBe(403);
  });
});
