import { randomUUID } from 'node:crypto';
import { OrganisationEntity, OutboxEntity } from '@portal/api-db';
import { DIALECTS } from '@portal/api-testing';
import {
  ApiRoutes,
  type ApplicationDetail,
  type ErrorBody,
  type VoucherLedgerView,
} from '@portal/contracts';
import { JobProducer } from '@portal/api-jobs';
import { MINIMAL_PDF } from '../testing/factories';
import { expectNotifiedAsDefined } from '../testing/notified-as-defined';
import type { TestClient } from '@portal/api-testing';
import type { TestApp } from '../testing/test-app';
import { act, expectState, FORMS, readyDraft } from '../testing/workflow-steps';
import { workflowSuite } from '../testing/workflow-suite';

const M = 1_000_000;
const PDF = MINIMAL_PDF;

describe.each(DIALECTS)('innovation vouchers on %s', (dialect) => {
  const suite = workflowSuite(dialect);
  const { as, openCall } = suite;
  let t: TestApp;
  beforeAll(() => {
    t = suite.t;
  });

  /** Ends a voucher's validity now: its Bull delayed job is promoted. */
  async function endValidity(id: string): Promise<void> {
    const [row] = await t.dataSource
      .getRepository(OutboxEntity)
      .findBy({ applicationId: id, jobName: 'validity-end' });
    const workflow = t.app.get(JobProducer).queue('workflow');
    let job = null;
    for (let i = 0; i < 50 && !job; i++) {
      job = await workflow.getJob(`validity-end:${row?.id}`);
      if (!job) await new Promise((r) => setTimeout(r, 50));
    }
    await job?.promote();
  }

  /** Records a contract, has it confirmed, uploads the documents and asks for redemption. */
  async function requestRedemption(
    company: TestClient,
    provider: TestClient,
    id: string,
    invoiceAmountYuan: number,
  ): Promise<void> {
    const providerOrg = await t.dataSource
      .getRepository(OrganisationEntity)
      .findOneByOrFail({ kind: 'provider' });
    const contract = await act(company, id, 'record_contract', {
      payload: {
        providerId: providerOrg.id,
        contractNumber: `HT-${id.slice(0, 8)}`,
        contractAmountYuan: 200_000,
        signedOn: '2026-11-01',
      },
    });
    expect(contract.status).toBe(200);
    expect((await act(provider, id, 'confirm_contract')).status).toBe(200);
    for (const key of ['invoice', 'payment_proof', 'service_result'])
      expect(
        (
          await company.upload(
            ApiRoutes.applicationMaterials(id),
            { materialKey: key },
            { name: `${key}.pdf`, content: PDF },
          )
        ).status,
      ).toBe(201);
    expect(
      (
        await act(company, id, 'request_redemption', {
          payload: { invoiceAmountYuan },
        })
      ).status,
    ).toBe(200);
  }

  it('walks an innovation voucher to redemption within the yearly cap, booked in the ledger', async () => {
    const lihua = await as('lihua@example.com');
    const county = await as('reviewer.jiashan@example.com');
    const city = await as('reviewer.jiaxing@example.com');
    const provider = await as('provider@example.com');
    const providerOrg = await t.dataSource
      .getRepository(OrganisationEntity)
      .findOneByOrFail({ kind: 'provider' });
    const draft = await readyDraft(
      lihua,
      'innovation_voucher',
      await openCall('innovation_voucher', '330421'),
    );
    expect((await act(lihua, draft.id, 'submit')).status).toBe(200);
    expect(
      (await act(county, draft.id, 'approve', { comment: '同意' })).status,
    ).toBe(200);
    const issued = await lihua.get<ApplicationDetail>(
      ApiRoutes.application(draft.id),
    );
    // Zhejiang is outside the six 60% cities: 40% of 200,000.
    expect(issued.body.decision['voucher']).toMatchObject({
      amountYuan: 80_000,
      ratePercent: 40,
    });

    const badContract = await act(lihua, draft.id, 'record_contract', {
      payload: {
        providerId: randomUUID(),
        contractNumber: 'HT-1',
        contractAmountYuan: 200_000,
        signedOn: '2026-11-01',
      },
    });
    expect(badContract.status).toBe(400);
    expect(
      (
        await act(lihua, draft.id, 'record_contract', {
          payload: {
            providerId: providerOrg.id,
            contractNumber: 'HT-1',
            contractAmountYuan: 200_000,
            signedOn: '2026-11-01',
          },
        })
      ).status,
    ).toBe(200);
    expect((await act(provider, draft.id, 'confirm_contract')).status).toBe(
      200,
    );
    expect(
      (
        await act(lihua, draft.id, 'request_redemption', {
          payload: { invoiceAmountYuan: 150_000 },
        })
      ).status,
    ).toBe(400); // documents missing
    for (const key of ['invoice', 'payment_proof', 'service_result'])
      expect(
        (
          await lihua.upload(
            ApiRoutes.applicationMaterials(draft.id),
            { materialKey: key },
            { name: `${key}.pdf`, content: PDF },
          )
        ).status,
      ).toBe(201);
    expect(
      (
        await act(lihua, draft.id, 'request_redemption', {
          payload: { invoiceAmountYuan: 150_000 },
        })
      ).status,
    ).toBe(200);
    expect(
      (await act(city, draft.id, 'approve_redemption', { comment: '核销' }))
        .status,
    ).toBe(200);
    const redeemed = await lihua.get<ApplicationDetail>(
      ApiRoutes.application(draft.id),
    );
    // Approved: it waits for the city's monthly settlement (voucher-settlement.spec pays it).
    expect(redeemed.body.status.state).toBe('awaiting_settlement');
    expect(redeemed.body.decision['redemption']).toMatchObject({
      subsidyYuan: 60_000,
    });
    // The company's own ledger: other tests of this file book vouchers of other companies.
    const ledgers: { committed_yuan: string | number }[] =
      await t.dataSource.query(
        'SELECT committed_yuan FROM voucher_ledgers WHERE organisation_id = ?',
        [redeemed.body.companyId],
      );
    expect(ledgers.map((l) => Number(l.committed_yuan))).toEqual([60_000]);
    await expectNotifiedAsDefined(t, suite.smtp, [draft.id]);
  });

  it('never lets two voucher approvals at once pass the yearly cap, and gives an expired voucher back to it', async () => {
    const seed = await as('seed@example.com');
    const county = await as('reviewer.haiyan@example.com');
    const callId = await openCall('innovation_voucher', '330424');
    const ids: string[] = [];
    for (let i = 0; i < 2; i++) {
      const draft = await readyDraft(seed, 'innovation_voucher', callId);
      await seed.patch(ApiRoutes.applicationForm(draft.id), {
        version: draft.version,
        form: { ...FORMS.innovation_voucher, plannedCostYuan: 2 * M },
      });
      expect((await act(seed, draft.id, 'submit')).status).toBe(200);
      ids.push(draft.id);
    }
    const versions = await Promise.all(
      ids.map(
        async (id) =>
          (await county.get<ApplicationDetail>(ApiRoutes.application(id))).body
            .version,
      ),
    );
    const results = await Promise.all(
      ids.map((id, i) =>
        county.post<ErrorBody>(ApiRoutes.applicationActions(id), {
          action: 'approve',
          version: versions[i],
          comment: '同意',
        }),
      ),
    );
    expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
    expect(results.find((r) => r.status === 409)?.body.code).toBe(
      'VOUCHER_CAP_EXCEEDED',
    );
    const organisationId = (
      await seed.get<ApplicationDetail>(ApiRoutes.application(ids[0] as string))
    ).body.companyId;
    const committed = async () =>
      Number(
        (
          await t.dataSource.query(
            'SELECT committed_yuan AS c FROM voucher_ledgers WHERE organisation_id = ?',
            [organisationId],
          )
        )[0].c,
      );
    expect(await committed()).toBe(500_000);

    // The voucher's validity ends through its Bull delayed job: it expires and frees the cap.
    const issuedId = ids[results.findIndex((r) => r.status === 200)] as string;
    const [row] = await t.dataSource
      .getRepository(OutboxEntity)
      .findBy({ applicationId: issuedId, jobName: 'validity-end' });
    const workflow = t.app.get(JobProducer).queue('workflow');
    let job = null;
    for (let i = 0; i < 50 && !job; i++) {
      job = await workflow.getJob(`validity-end:${row?.id}`);
      if (!job) await new Promise((r) => setTimeout(r, 50));
    }
    await job?.promote();
    await expectState(seed, issuedId, 'expired');
    expect(await committed()).toBe(0);
    await expectNotifiedAsDefined(t, suite.smtp, ids);
  });

  it("reads a case's company ledger for its year after issue, redemption and expiry, to the company and its region's reviewers only", async () => {
    const antai = await as('antai@example.com');
    const county = await as('reviewer.jiashan@example.com');
    const city = await as('reviewer.jiaxing@example.com');
    const provider = await as('provider@example.com');
    const callId = await openCall('innovation_voucher', '330421');
    const issue = async () => {
      const draft = await readyDraft(antai, 'innovation_voucher', callId);
      expect((await act(antai, draft.id, 'submit')).status).toBe(200);
      expect(
        (await act(county, draft.id, 'approve', { comment: '同意' })).status,
      ).toBe(200);
      return draft;
    };
    const ledger = async (client: TestClient, id: string) => {
      const read = await client.get<VoucherLedgerView>(
        ApiRoutes.applicationVoucherLedger(id),
      );
      expect(read.status).toBe(200);
      return read.body;
    };
    const figures = (l: VoucherLedgerView) => [
      l.capYuan,
      l.committedYuan,
      l.remainingYuan,
    ];

    const redeemed = await issue();
    const year = (
      await antai.get<ApplicationDetail>(ApiRoutes.application(redeemed.id))
    ).body.decision.voucher?.year;
    const afterIssue = await ledger(antai, redeemed.id);
    expect(afterIssue.year).toBe(year);
    expect(figures(afterIssue)).toEqual([500_000, 80_000, 420_000]);
    expect(afterIssue.entries).toEqual([
      expect.objectContaining({
        applicationId: redeemed.id,
        reference: redeemed.reference,
        kind: 'reserve',
        amountYuan: 80_000,
      }),
    ]);

    const expired = await issue();
    await requestRedemption(antai, provider, redeemed.id, 150_000);
    expect(
      (await act(city, redeemed.id, 'approve_redemption', { comment: '核销' }))
        .status,
    ).toBe(200);
    await endValidity(expired.id);
    await expectState(antai, expired.id, 'expired');

    // Both cases read the same ledger; the county's reviewer reads what the company reads.
    const own = await ledger(antai, expired.id);
    expect(await ledger(county, redeemed.id)).toEqual(own);
    expect(figures(own)).toEqual([500_000, 60_000, 440_000]);
    expect(own.entries.map((e) => [e.reference, e.kind, e.amountYuan])).toEqual(
      [
        [redeemed.reference, 'reserve', 80_000],
        [expired.reference, 'reserve', 80_000],
        [redeemed.reference, 'release', -80_000],
        [redeemed.reference, 'redeem', 60_000],
        [expired.reference, 'release', -80_000],
      ],
    );
    for (const entry of own.entries)
      expect(Number.isNaN(Date.parse(entry.bookedAt))).toBe(false);

    // Refused as the detail refuses: another company and a reviewer outside the region.
    for (const stranger of [
      await as('lihua@example.com'),
      await as('reviewer.haiyan@example.com'),
    ]) {
      const detail = await stranger.get<ErrorBody>(
        ApiRoutes.application(redeemed.id),
      );
      const read = await stranger.get<ErrorBody>(
        ApiRoutes.applicationVoucherLedger(redeemed.id),
      );
      expect([read.status, read.body.code]).toEqual([
        detail.status,
        detail.body.code,
      ]);
      expect(read.status).toBe(404);
    }
  });

  it('has no ledger for a case whose programme keeps none', async () => {
    const antai = await as('antai@example.com');
    const draft = await readyDraft(
      antai,
      'high_tech',
      await openCall('high_tech', '330421'),
    );
    const read = await antai.get<ErrorBody>(
      ApiRoutes.applicationVoucherLedger(draft.id),
    );
    expect(read.status).toBe(404);
  });
});
