import { OrganisationEntity, OutboxEntity } from '@portal/api-db';
import { DIALECTS } from '@portal/api-testing';
import {
  ApiRoutes,
  type ActionResult,
  type ApplicationDetail,
  type ChainVerification,
  type ErrorBody,
  type PartnerView,
} from '@portal/contracts';
import { APPLICATION_FORMS } from '@portal/domain';
import { MINIMAL_PDF } from '../testing/factories';
import { expectNotifiedAsDefined } from '../testing/notified-as-defined';
import type { TestApp } from '../testing/test-app';
import { act, FORMS, readyDraft } from '../testing/workflow-steps';
import { workflowSuite } from '../testing/workflow-suite';

const M = 1_000_000;
const PDF = MINIMAL_PDF;

describe.each(DIALECTS)('transformation loans on %s', (dialect) => {
  const suite = workflowSuite(dialect);
  const { as, openCall } = suite;
  let t: TestApp;
  beforeAll(() => {
    t = suite.t;
  });

  it('walks a transformation loan through county, city and bank to closed', async () => {
    const jinghua = await as('jinghua@example.com');
    const county = await as('reviewer.jiashan@example.com');
    const city = await as('reviewer.jiaxing@example.com');
    const bank = await as('bank@example.com');
    const banks = await city.get<PartnerView[]>(ApiRoutes.partners('banks'));
    expect(banks.body.map((b) => b.name)).toEqual(['嘉兴银行科技支行']);
    const bankOrg = banks.body[0] as PartnerView;
    const draft = await readyDraft(
      jinghua,
      'transformation_loan',
      await openCall('transformation_loan', '330400'),
    );
    expect((await act(jinghua, draft.id, 'submit')).status).toBe(200);
    expect(
      (await act(county, draft.id, 'recommend', { comment: '推荐' })).status,
    ).toBe(200);
    const atCity = await city.get<ApplicationDetail>(
      ApiRoutes.application(draft.id),
    );
    expect(
      atCity.body.availableActions
        .find((a) => a.action === 'approve')
        ?.payloadFields.map((f) => [f.key, f.optionsFrom]),
    ).toEqual([['bankId', 'banks']]);
    const noBank = await act(city, draft.id, 'approve', { comment: '同意' });
    expect(noBank.status).toBe(400);
    expect(noBank.body.fields?.[0]).toMatchObject({
      field: 'payload.bankId',
      code: 'payload.required',
    });
    expect(
      (
        await act(city, draft.id, 'approve', {
          comment: '同意',
          payload: { bankId: bankOrg.id },
        })
      ).status,
    ).toBe(200);
    expect(
      (
        await act(bank, draft.id, 'bank_approve', {
          payload: { amountYuan: 5 * M, ratePercent: 3.45, termMonths: 12 },
        })
      ).status,
    ).toBe(200);
    expect(
      (
        await act(bank, draft.id, 'record_disbursement', {
          payload: { disbursedOn: '2026-11-20', amountYuan: 6 * M },
        })
      ).status,
    ).toBe(400);
    expect(
      (
        await act(bank, draft.id, 'record_disbursement', {
          payload: { disbursedOn: '2026-11-20', amountYuan: 5 * M },
        })
      ).status,
    ).toBe(200);
    expect((await act(jinghua, draft.id, 'report_repayment')).status).toBe(200);
    expect((await act(bank, draft.id, 'confirm_repayment')).status).toBe(200);
    const closed = await jinghua.get<ApplicationDetail>(
      ApiRoutes.application(draft.id),
    );
    expect(closed.body.status).toMatchObject({
      state: 'closed',
      terminal: true,
    });
    expect(closed.body.decision['loanTerms']).toEqual({
      amountYuan: 5 * M,
      ratePercent: 3.45,
      termMonths: 12,
    });
    await expectNotifiedAsDefined(t, suite.smtp, [draft.id]);
  });

  it('accepts a loan with missing items against a dated commitment, which the enterprise then keeps', async () => {
    const jinghua = await as('jinghua@example.com');
    const county = await as('reviewer.jiashan@example.com');
    const draft = await readyDraft(
      jinghua,
      'transformation_loan',
      await openCall('transformation_loan', '330400'),
    );
    expect((await act(jinghua, draft.id, 'submit')).status).toBe(200);
    const items = [
      { target: 'achievement_proof', note: '请补交专利证书原件扫描件' },
    ];
    const past = await act(county, draft.id, 'accept_with_missing_items', {
      comment: '容缺受理',
      items,
      payload: { commitmentDue: '2020-01-01' },
    });
    expect(past.status).toBe(400);
    expect(past.body.fields?.[0]?.code).toBe('date.not_future');
    const accepted = await act(county, draft.id, 'accept_with_missing_items', {
      comment: '容缺受理',
      items,
      payload: { commitmentDue: '2099-12-31' },
    });
    expect(accepted.status).toBe(200);
    const atCity = await jinghua.get<ApplicationDetail>(
      ApiRoutes.application(draft.id),
    );
    expect(atCity.body.status.state).toBe('city_approval');
    expect(atCity.body.decision['commitment']).toMatchObject({
      items,
      dueOn: '2099-12-31',
      fulfilledAt: null,
    });
    expect(
      await t.dataSource
        .getRepository(OutboxEntity)
        .countBy({ applicationId: draft.id, jobName: 'commitment-due' }),
    ).toBe(1);

    // Only the promised material may be uploaded while the case is at the city.
    const other = await jinghua.upload(
      ApiRoutes.applicationMaterials(draft.id),
      { materialKey: 'financial_statements' },
      { name: 'fs.pdf', content: PDF },
    );
    expect(other.status).toBe(403);
    const early = await jinghua.post<ErrorBody>(
      ApiRoutes.applicationCommitment(draft.id),
      { version: atCity.body.version },
    );
    expect(early.status).toBe(400);
    expect(
      (
        await jinghua.upload(
          ApiRoutes.applicationMaterials(draft.id),
          { materialKey: 'achievement_proof' },
          { name: 'patent.pdf', content: PDF },
        )
      ).status,
    ).toBe(201);
    const kept = await jinghua.post<ActionResult>(
      ApiRoutes.applicationCommitment(draft.id),
      { version: atCity.body.version },
    );
    expect(kept.status).toBe(200);
    const after = await jinghua.get<ApplicationDetail>(
      ApiRoutes.application(draft.id),
    );
    expect(after.body.status.state).toBe('city_approval');
    expect(after.body.events.at(-1)).toMatchObject({
      action: 'fulfil_commitment',
      from: 'city_approval',
      to: 'city_approval',
    });
    expect(
      (after.body.decision['commitment'] as { fulfilledAt: string | null })
        .fulfilledAt,
    ).not.toBeNull();
    expect(
      (
        await jinghua.post(ApiRoutes.applicationCommitment(draft.id), {
          version: after.body.version,
        })
      ).status,
    ).toBe(403);
    const chain = await (
      await as('auditor@example.com')
    ).get<ChainVerification>(
      `${ApiRoutes.eventChain}?applicationId=${draft.id}`,
    );
    expect(chain.body.intact).toBe(true);
    await expectNotifiedAsDefined(t, suite.smtp, [draft.id]);
  });

  it('checks the submission guards with a message per field: form, materials; and the loan terms a bank records', async () => {
    const jinghua = await as('jinghua@example.com');
    const created = await jinghua.post<ApplicationDetail>(
      ApiRoutes.applications,
      { callId: await openCall('transformation_loan', '330400') },
    );
    const id = created.body.id;
    const submit = () => act(jinghua, id, 'submit');
    const save = async (form: Record<string, unknown>) => {
      const current = await jinghua.get<ApplicationDetail>(
        ApiRoutes.application(id),
      );
      expect(
        (
          await jinghua.patch(ApiRoutes.applicationForm(id), {
            version: current.body.version,
            form,
          })
        ).status,
      ).toBe(200);
    };
    await save({});
    const bare = await submit();
    expect(bare.status).toBe(400);
    expect(bare.body.fields?.map((f) => f.field)).toEqual(
      expect.arrayContaining(['form.amountYuan', 'form.purpose']),
    );
    await save(FORMS.transformation_loan);
    const noFiles = await submit();
    expect(noFiles.body.fields?.map((f) => f.code)).toEqual([
      'material.missing',
      'material.missing',
      'material.missing',
    ]);
    for (const material of APPLICATION_FORMS.transformation_loan.materials.filter(
      (m) => m.required,
    ))
      await jinghua.upload(
        ApiRoutes.applicationMaterials(id),
        { materialKey: material.key },
        { name: 'm.pdf', content: PDF },
      );
    // The tech-SME registration is read from the portal (tech-sme.spec walks a company without one).
    await save(FORMS.transformation_loan);
    expect((await submit()).status).toBe(200);

    const bankId = (
      await t.dataSource
        .getRepository(OrganisationEntity)
        .findOneByOrFail({ kind: 'bank' })
    ).id;
    expect(
      (
        await act(await as('reviewer.jiashan@example.com'), id, 'recommend', {
          comment: '推荐',
        })
      ).status,
    ).toBe(200);
    expect(
      (
        await act(await as('reviewer.jiaxing@example.com'), id, 'approve', {
          comment: '同意',
          payload: { bankId },
        })
      ).status,
    ).toBe(200);
    const bank = await as('bank@example.com');
    const terms = await act(bank, id, 'bank_approve', {
      payload: {
        amountYuan: 5 * M,
        ratePercent: 30,
        termMonths: 12,
        collateral: 'none',
      },
    });
    expect(terms.status).toBe(400);
    expect(terms.body.fields?.map((f) => [f.field, f.code])).toEqual([
      ['payload.collateral', 'payload.unknown'],
      ['payload.ratePercent', 'payload.too_large'],
    ]);
    expect(
      (await jinghua.get<ApplicationDetail>(ApiRoutes.application(id))).body
        .status.state,
    ).toBe('bank_review');
    await expectNotifiedAsDefined(t, suite.smtp, [id]);
  });
});
