import { randomUUID } from 'node:crypto';
import { chinaDate } from '@portal/api-core';
import {
  AuditLogEntity,
  DEMO_PASSWORD,
  MembershipEntity,
  OrganisationEntity,
  UserEntity,
  VoucherSettlementEntity,
} from '@portal/api-db';
import { DIALECTS, type TestClient } from '@portal/api-testing';
import {
  ApiRoutes,
  type ApplicationDetail,
  type AwaitingSettlementView,
  type ErrorBody,
  type SettlementSummaryView,
  type SettlementView,
  type VoucherLedgerView,
} from '@portal/contracts';
import { MINIMAL_PDF } from '../testing/factories';
import { expectNotifiedAsDefined } from '../testing/notified-as-defined';
import type { TestApp } from '../testing/test-app';
import { CITY } from '../testing/walks';
import { act, expectState, readyDraft } from '../testing/workflow-steps';
import { workflowSuite } from '../testing/workflow-suite';

const JIAXING = '330400';
const COUNTY_OF: Record<string, string> = {
  'antai@example.com': 'reviewer.jiashan@example.com',
  'lihua@example.com': 'reviewer.jiashan@example.com',
  'seed@example.com': 'reviewer.haiyan@example.com',
};

describe.each(DIALECTS)('monthly voucher settlement on %s', (dialect) => {
  const suite = workflowSuite(dialect);
  const { as, openCall } = suite;
  let t: TestApp;
  beforeAll(() => {
    t = suite.t;
  });

  const today = () => chinaDate(new Date());
  const thisMonth = () => today().slice(0, 7);
  const previousMonth = () => {
    const [y, m] = thisMonth().split('-').map(Number) as [number, number];
    return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
  };
  const nextMonth = () => {
    const [y, m] = thisMonth().split('-').map(Number) as [number, number];
    return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
  };
  const awaiting = (client: TestClient, month: string, city = JIAXING) =>
    client.get<AwaitingSettlementView & ErrorBody>(
      `${ApiRoutes.voucherSettlementsAwaiting}?cityCode=${city}&month=${month}`,
    );
  const settlements = async () =>
    t.dataSource.getRepository(VoucherSettlementEntity).count();

  /** A voucher of the company, delivered, redeemed with a 150,000 invoice and approved by the city. */
  async function approvedRedemption(
    email: string,
    callId: string,
    approve = true,
  ): Promise<string> {
    const company = await as(email);
    const provider = await as('provider@example.com');
    const draft = await readyDraft(company, 'innovation_voucher', callId);
    expect((await act(company, draft.id, 'submit')).status).toBe(200);
    expect(
      (
        await act(await as(COUNTY_OF[email] as string), draft.id, 'approve', {
          comment: '同意',
        })
      ).status,
    ).toBe(200);
    const providerOrg = await t.dataSource
      .getRepository(OrganisationEntity)
      .findOneByOrFail({ kind: 'provider' });
    expect(
      (
        await act(company, draft.id, 'record_contract', {
          payload: {
            providerId: providerOrg.id,
            contractNumber: `HT-${draft.id.slice(0, 8)}`,
            contractAmountYuan: 200_000,
            signedOn: '2026-11-01',
          },
        })
      ).status,
    ).toBe(200);
    expect((await act(provider, draft.id, 'confirm_contract')).status).toBe(
      200,
    );
    for (const key of ['invoice', 'payment_proof', 'service_result'])
      expect(
        (
          await company.upload(
            ApiRoutes.applicationMaterials(draft.id),
            { materialKey: key },
            { name: `${key}.pdf`, content: MINIMAL_PDF },
          )
        ).status,
      ).toBe(201);
    expect(
      (
        await act(company, draft.id, 'request_redemption', {
          payload: { invoiceAmountYuan: 150_000 },
        })
      ).status,
    ).toBe(200);
    if (approve)
      expect(
        (
          await act(await as(CITY), draft.id, 'approve_redemption', {
            comment: '核销',
          })
        ).status,
      ).toBe(200);
    return draft.id;
  }

  /** A reviewer of the Hangzhou city bureau (330100): another city than the demo's Jiaxing. */
  async function hangzhouReviewer(): Promise<TestClient> {
    const email = 'reviewer.hangzhou@example.com';
    const users = t.dataSource.getRepository(UserEntity);
    if (!(await users.findOneBy({ email }))) {
      const jiaxing = await users.findOneByOrFail({ email: CITY });
      const memberships = t.dataSource.getRepository(MembershipEntity);
      const membership = await memberships.findOneByOrFail({
        userId: jiaxing.id,
      });
      const organisations = t.dataSource.getRepository(OrganisationEntity);
      const bureau = await organisations.findOneByOrFail({
        id: membership.organisationId,
      });
      const hangzhou = {
        ...bureau,
        id: randomUUID(),
        name: '杭州市科学技术局',
        creditCode: null,
        regionCode: '330100',
        cityCode: '330100',
      };
      await organisations.insert(hangzhou);
      const user = { ...jiaxing, id: randomUUID(), email };
      await users.insert(user);
      await memberships.insert({
        ...membership,
        id: randomUUID(),
        userId: user.id,
        organisationId: hangzhou.id,
      });
    }
    const client = t.client();
    expect((await client.login(email, DEMO_PASSWORD)).status).toBe(200);
    return client;
  }

  it("refuses bad input with a 400 naming the field, people who do not settle with a 403, and another city's reviewer with the 404 of a missing one, writing nothing", async () => {
    const city = await as(CITY);
    const callId = await openCall('innovation_voucher', JIAXING);
    const id = await approvedRedemption('lihua@example.com', callId);
    const { version } = (
      await city.get<ApplicationDetail>(ApiRoutes.application(id))
    ).body;
    const valid = {
      cityCode: JIAXING,
      month: thisMonth(),
      paidOn: today(),
      paymentReference: 'GK-TEST-0001',
      cases: [{ applicationId: id, version }],
    };
    const bad: [Record<string, unknown>, string][] = [
      [{ month: '2026-13' }, 'month'],
      [{ month: nextMonth() }, 'month'],
      [{ cityCode: '330421' }, 'cityCode'],
      [{ paidOn: '2026-02-30' }, 'paidOn'],
      [{ paidOn: `${previousMonth()}-01` }, 'paidOn'],
      [{ paidOn: '2099-01-01' }, 'paidOn'],
      [{ paymentReference: '' }, 'paymentReference'],
      [{ cases: [] }, 'cases'],
      [{ cases: [valid.cases[0], valid.cases[0]] }, 'cases.1.applicationId'],
      [
        { cases: [{ applicationId: 'CXQ-1', version }] },
        'cases.0.applicationId',
      ],
      [
        { cases: [{ ...valid.cases[0], payeeKind: 'bank' }] },
        'cases.0.payeeKind',
      ],
      [
        { cases: [{ ...valid.cases[0], amountYuan: 59_999 }] },
        'cases.0.amountYuan',
      ],
      [
        { cases: [{ ...valid.cases[0], amountYuan: 1.5 }] },
        'cases.0.amountYuan',
      ],
      [{ paidTo: 'someone' }, 'paidTo'],
    ];
    for (const [change, field] of bad) {
      const res = await city.post<ErrorBody>(ApiRoutes.voucherSettlements, {
        ...valid,
        ...change,
      });
      expect([field, res.status, res.body.code]).toEqual([
        field,
        400,
        'VALIDATION_FAILED',
      ]);
      expect(res.body.fields?.map((f) => f.field)).toContain(field);
      expect(res.body.message.length).toBeGreaterThan(10);
    }
    for (const query of [
      `cityCode=${JIAXING}`,
      `cityCode=${JIAXING}&month=May`,
      'month=2026-05',
    ])
      expect(
        (await city.get(`${ApiRoutes.voucherSettlementsAwaiting}?${query}`))
          .status,
      ).toBe(400);
    expect(
      (await city.get(ApiRoutes.voucherSettlement('not-an-id'))).status,
    ).toBe(400);

    // Only a city's reviewers record; the company and the county do not settle.
    for (const email of ['lihua@example.com', 'reviewer.jiashan@example.com'])
      expect(
        (
          await (
            await as(email)
          ).post<ErrorBody>(ApiRoutes.voucherSettlements, valid)
        ).status,
      ).toBe(403);
    expect(
      (await awaiting(await as('lihua@example.com'), thisMonth())).status,
    ).toBe(403);

    // Another city's reviewer: the same 404 as for a city or a case that is not there.
    const hangzhou = await hangzhouReviewer();
    const missing = await hangzhou.get<ErrorBody>(
      ApiRoutes.voucherSettlement(randomUUID()),
    );
    expect([missing.status, missing.body.code]).toEqual([404, 'NOT_FOUND']);
    expect((await awaiting(hangzhou, thisMonth())).status).toBe(404);
    expect(
      (
        await hangzhou.get(
          `${ApiRoutes.voucherSettlements}?cityCode=${JIAXING}`,
        )
      ).status,
    ).toBe(404);
    expect(
      (await hangzhou.post(ApiRoutes.voucherSettlements, valid)).status,
    ).toBe(404);
    const ownCity = { ...valid, cityCode: '330100' };
    const foreignCase = await hangzhou.post<ErrorBody>(
      ApiRoutes.voucherSettlements,
      ownCity,
    );
    const missingCase = await hangzhou.post<ErrorBody>(
      ApiRoutes.voucherSettlements,
      { ...ownCity, cases: [{ applicationId: randomUUID(), version: 1 }] },
    );
    expect([foreignCase.status, foreignCase.body.code]).toEqual([
      missingCase.status,
      missingCase.body.code,
    ]);
    expect(foreignCase.status).toBe(404);
    expect(
      (await awaiting(hangzhou, thisMonth(), '330100')).body.cases,
    ).toEqual([]);

    expect(await settlements()).toBe(0);
    await expectState(city, id, 'awaiting_settlement');
  });

  it("lists the month's approved redemptions, pays several in one settlement that marks each ledger booking paid and shows the company the payment, fails the whole settlement on a case that moved on, and refuses a second settlement of the month", async () => {
    const city = await as(CITY);
    const admin = await as('admin.jiaxing@example.com');
    const callId = await openCall('innovation_voucher', JIAXING);
    const ids = [
      await approvedRedemption('antai@example.com', callId),
      await approvedRedemption('seed@example.com', callId),
      await approvedRedemption('antai@example.com', callId),
    ];
    const underReview = await approvedRedemption(
      'antai@example.com',
      callId,
      false,
    );

    // The month's list: approved this month (China time), in this city, not yet paid.
    const listed = await awaiting(city, thisMonth());
    expect(listed.status).toBe(200);
    const mine = listed.body.cases.filter((c) => ids.includes(c.applicationId));
    expect(mine.map((c) => c.applicationId)).toEqual(ids);
    expect(listed.body.cases.some((c) => c.applicationId === underReview)).toBe(
      false,
    );
    for (const c of mine) {
      expect(c).toMatchObject({
        amountYuan: 60_000,
        payeeKind: 'company',
        providerName: expect.any(String),
      });
      expect(c.payeeName).toBe(c.companyName);
      expect(chinaDate(new Date(c.approvedAt)).slice(0, 7)).toBe(thisMonth());
    }
    expect(listed.body.settlementId).toBeNull();
    // Approved after last month ended: not last month's to pay.
    const earlier = await awaiting(city, previousMonth());
    expect(
      earlier.body.cases.filter((c) => ids.includes(c.applicationId)),
    ).toEqual([]);
    // The city's bureau admin reads the list too.
    expect((await awaiting(admin, thisMonth())).status).toBe(200);

    const [first, second, third] = mine as [
      (typeof mine)[0],
      (typeof mine)[0],
      (typeof mine)[0],
    ];
    const request = {
      cityCode: JIAXING,
      month: thisMonth(),
      paidOn: today(),
      paymentReference: 'GK2026-0605-0001',
      cases: [
        { applicationId: first.applicationId, version: first.version },
        {
          applicationId: second.applicationId,
          version: second.version,
          payeeKind: 'provider',
          amountYuan: 60_000,
        },
      ],
    };

    // A case that moved on since it was listed fails the whole settlement, naming it.
    const stale = await city.post<ErrorBody>(ApiRoutes.voucherSettlements, {
      ...request,
      cases: [
        request.cases[0],
        { applicationId: second.applicationId, version: second.version - 1 },
      ],
    });
    expect([stale.status, stale.body.code]).toEqual([409, 'VERSION_CONFLICT']);
    const secondReference = (
      await city.get<ApplicationDetail>(
        ApiRoutes.application(second.applicationId),
      )
    ).body.reference;
    expect(stale.body.message).toContain(secondReference);
    expect(await settlements()).toBe(0);
    await expectState(city, first.applicationId, 'awaiting_settlement');
    const unpaid = await city.get<VoucherLedgerView>(
      ApiRoutes.applicationVoucherLedger(first.applicationId),
    );
    expect(
      unpaid.body.entries.filter((e) => e.kind === 'redeem' && e.paidOn),
    ).toEqual([]);

    // The settlement: both cases paid in one go.
    const paid = await city.post<SettlementView>(
      ApiRoutes.voucherSettlements,
      request,
    );
    expect(paid.status).toBe(201);
    expect(paid.body).toMatchObject({
      cityCode: JIAXING,
      month: thisMonth(),
      paidOn: today(),
      paymentReference: 'GK2026-0605-0001',
      caseCount: 2,
      totalYuan: 120_000,
    });
    const provider = await t.dataSource
      .getRepository(OrganisationEntity)
      .findOneByOrFail({ kind: 'provider' });
    expect(
      paid.body.items.map((i) => [
        i.applicationId,
        i.payeeKind,
        i.payeeName,
        i.amountYuan,
      ]),
    ).toEqual(
      expect.arrayContaining([
        [first.applicationId, 'company', first.companyName, 60_000],
        [second.applicationId, 'provider', provider.name, 60_000],
      ]),
    );

    // The company sees its case paid, with the date and the reference, and its ledger paid.
    const antai = await as('antai@example.com');
    const detail = (
      await antai.get<ApplicationDetail>(
        ApiRoutes.application(first.applicationId),
      )
    ).body;
    expect(detail.status).toMatchObject({
      state: 'settled',
      terminal: true,
      label: { 'zh-CN': '补助已拨付', en: 'Subsidy paid' },
    });
    expect(detail.decision.settlement).toEqual({
      settlementId: paid.body.id,
      month: thisMonth(),
      paidOn: today(),
      paymentReference: 'GK2026-0605-0001',
      payeeKind: 'company',
      payeeName: first.companyName,
      amountYuan: 60_000,
    });
    const ledger = await antai.get<VoucherLedgerView>(
      ApiRoutes.applicationVoucherLedger(first.applicationId),
    );
    const bookings = (id: string) =>
      ledger.body.entries
        .filter((e) => e.applicationId === id)
        .map((e) => [e.kind, e.amountYuan, e.settlementId, e.paidOn]);
    expect(bookings(first.applicationId)).toEqual([
      ['reserve', 80_000, null, null],
      ['release', -80_000, null, null],
      ['redeem', 60_000, paid.body.id, today()],
    ]);
    // Its other case, not in this settlement, is still unpaid and still listed.
    expect(bookings(third.applicationId).at(-1)).toEqual([
      'redeem',
      60_000,
      null,
      null,
    ]);
    await expectState(city, second.applicationId, 'settled');
    const after = await awaiting(city, thisMonth());
    expect(after.body.settlementId).toBe(paid.body.id);
    expect(
      after.body.cases.filter((c) => ids.includes(c.applicationId)),
    ).toEqual([
      expect.objectContaining({ applicationId: third.applicationId }),
    ]);

    // Read back, listed for the city, and on the audit log.
    const read = await city.get<SettlementView>(
      ApiRoutes.voucherSettlement(paid.body.id),
    );
    expect(read.body).toEqual(paid.body);
    expect(
      (
        await admin.get<SettlementView>(
          ApiRoutes.voucherSettlement(paid.body.id),
        )
      ).status,
    ).toBe(200);
    const list = await city.get<SettlementSummaryView[]>(
      `${ApiRoutes.voucherSettlements}?cityCode=${JIAXING}`,
    );
    expect(list.body.map((s) => [s.id, s.caseCount, s.totalYuan])).toEqual([
      [paid.body.id, 2, 120_000],
    ]);
    const audited = await t.dataSource
      .getRepository(AuditLogEntity)
      .findBy({ action: 'voucher_settlement.recorded' });
    expect(audited.map((a) => a.objectId)).toEqual([paid.body.id]);

    // Another city's reviewer: that settlement is a 404, as a missing one.
    const hangzhou = await hangzhouReviewer();
    expect(
      (await hangzhou.get(ApiRoutes.voucherSettlement(paid.body.id))).status,
    ).toBe(404);

    // A month is settled once; the settled cases cannot be paid again by the action alone.
    const again = await city.post<ErrorBody>(ApiRoutes.voucherSettlements, {
      ...request,
      paymentReference: 'GK2026-0605-0002',
      cases: [{ applicationId: third.applicationId, version: third.version }],
    });
    expect([again.status, again.body.code]).toEqual([409, 'SETTLEMENT_EXISTS']);
    expect(again.body.message).toContain('GK2026-0605-0001');
    expect(await settlements()).toBe(1);
    const byAction = await act(city, third.applicationId, 'settle');
    expect([byAction.status, byAction.body.code]).toEqual([
      409,
      'GUARD_FAILED',
    ]);
    const waiting = await expectState(
      city,
      third.applicationId,
      'awaiting_settlement',
    );
    // Paid a month at a time: the case itself offers the city no button for it.
    expect(waiting.availableActions.map((a) => a.action)).not.toContain(
      'settle',
    );

    await expectNotifiedAsDefined(t, suite.smtp, ids);
  });
});
