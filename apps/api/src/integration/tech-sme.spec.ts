import { GrantEntity, OutboxEntity } from '@portal/api-db';
import { DIALECTS, plainText, type TestClient } from '@portal/api-testing';
import {
  ApiRoutes,
  type ActionResult,
  type ApplicationDetail,
} from '@portal/contracts';
import {
  techSmeValidUntil,
  type HighTechSelfCheckPrefill,
} from '@portal/domain';
import { insertTechSmeRegistration } from '../testing/factories';
import type { TestApp } from '../testing/test-app';
import { bullJobOf } from '../testing/walks';
import {
  act,
  expectState,
  FIGURES,
  FORMS,
  readyDraft,
} from '../testing/workflow-steps';
import { workflowSuite } from '../testing/workflow-suite';

const M = 1_000_000;

describe.each(DIALECTS)('tech-SME evaluation on %s', (dialect) => {
  const suite = workflowSuite(dialect);
  const { as, openCall } = suite;
  let t: TestApp;
  beforeAll(() => {
    t = suite.t;
  });

  const lastYear = new Date().getFullYear() - 1;
  const fileFigures = async (
    company: TestClient,
    figures: Record<string, unknown>,
  ) =>
    expect(
      (await company.put(ApiRoutes.myCompanyFiguresYear(lastYear), figures))
        .status,
    ).toBe(200);

  const submitted = async (
    company: TestClient,
    form: Record<string, unknown> = FORMS.tech_sme,
  ): Promise<string> => {
    const draft = await readyDraft(
      company,
      'tech_sme',
      await openCall('tech_sme', '330000'),
    );
    if (form !== FORMS.tech_sme) {
      const saved = await company.patch<ActionResult>(
        ApiRoutes.applicationForm(draft.id),
        { version: draft.version, form },
      );
      expect(saved.status).toBe(200);
    }
    expect((await act(company, draft.id, 'submit')).status).toBe(200);
    return draft.id;
  };

  const promote = async (id: string, jobName: string, queue = 'workflow') => {
    const [row] = await t.dataSource.getRepository(OutboxEntity).find({
      where: { applicationId: id, jobName },
      order: { createdAt: 'DESC' },
    });
    if (!row) throw new Error(`no ${jobName} for ${id}`);
    await (await bullJobOf(t, queue as 'workflow', row)).promote();
    return row;
  };

  it('scores the company from its kept figures, rule by rule, and moves the case to the formal review', async () => {
    const antai = await as('antai@example.com');
    const id = await submitted(antai);
    const detail = await expectState(antai, id, 'formal_review');
    expect(detail.reference).toMatch(/^KX-\d{4}-330421-\d{5}$/);
    const eligibility = detail.autoCheck?.eligibility;
    expect(eligibility?.passed).toBe(true);
    const rules = Object.fromEntries(
      (eligibility?.rules ?? []).map((r) => [r.rule, r]),
    );
    // FIGURES: 20 of 100 staff in S&T (12), R&D 6% of sales (50), a class-I patent (30).
    expect(rules['staff']?.explanation['zh-CN']).toContain('20');
    expect(rules['staff']?.explanation['zh-CN']).toContain('12');
    expect(rules['rd']?.explanation.en).toContain('50');
    expect(rules['ip']?.explanation.en).toContain('30');
    expect(rules['score_or_direct']).toMatchObject({ passed: true });
    expect(rules['staff_limit']).toMatchObject({ passed: true });
  });

  it('returns a company below 60 points or without an S&T-staff score, and passes it on a direct qualification', async () => {
    const shengze = await as('shengze@example.com');
    // 5 of 100 staff in S&T (0 points), R&D 6% of sales (50), a class-I patent (30): 80 points.
    await fileFigures(shengze, { ...FIGURES, scienceTechStaff: 5 });
    const failed = await submitted(shengze);
    const returned = await expectState(shengze, failed, 'returned');
    expect(returned.autoCheck?.eligibility?.passed).toBe(false);
    expect(
      returned.autoCheck?.eligibility?.rules.find((r) => r.rule === 'staff'),
    ).toMatchObject({ passed: false });
    expect(returned.supplementItems?.length).toBeGreaterThan(0);

    const direct = await submitted(shengze, {
      ...FORMS.tech_sme,
      ledStandard: true,
    });
    const reviewed = await expectState(shengze, direct, 'formal_review');
    expect(reviewed.autoCheck?.eligibility?.passed).toBe(true);

    // A condition still stops a direct qualification: more than 200M CNY in sales.
    await fileFigures(shengze, {
      ...FIGURES,
      totalRevenue: 250 * M,
      salesRevenue: 201 * M,
      highTechRevenue: 150 * M,
    });
    const tooBig = await submitted(shengze, {
      ...FORMS.tech_sme,
      ledStandard: true,
    });
    const refused = await expectState(shengze, tooBig, 'returned');
    expect(
      refused.autoCheck?.eligibility?.rules.find(
        (r) => r.rule === 'sales_limit',
      ),
    ).toMatchObject({ passed: false });
    await fileFigures(shengze, FIGURES);
  });

  it('counts a valid high-tech certificate held in the portal as a direct qualification, without a proof', async () => {
    const lihua = await as('lihua@example.com');
    await fileFigures(lihua, { ...FIGURES, scienceTechStaff: 5 });
    const [membership]: { organisationId: string }[] = await t.dataSource.query(
      "SELECT m.organisation_id AS organisationId FROM memberships m JOIN users u ON u.id = m.user_id WHERE u.email = 'lihua@example.com'",
    );
    await t.dataSource.getRepository(GrantEntity).insert({
      id: crypto.randomUUID(),
      series: 'high_tech_certificate',
      number: `GR${lastYear}33${String(Date.now()).slice(-6)}`,
      organisationId: membership?.organisationId ?? '',
      applicationId: crypto.randomUUID(),
      issuedOn: `${lastYear}-06-01`,
      validUntil: `${lastYear + 3}-05-31`,
    });
    const id = await submitted(lihua);
    const detail = await expectState(lihua, id, 'formal_review');
    expect(
      detail.autoCheck?.eligibility?.rules.find(
        (r) => r.rule === 'score_or_direct',
      ),
    ).toMatchObject({ passed: true });
    await fileFigures(lihua, FIGURES);
  });

  it('registers after the monthly notice with a number valid until 31 March next year, reminds on 1 January, expires, and only then lets a loan through', async () => {
    const antai = await as('antai@example.com');
    const county = await as('reviewer.jiashan@example.com');
    const province = await as('reviewer.zhejiang@example.com');

    // Without a registration the loan's precondition refuses the submission.
    const loan = await readyDraft(
      antai,
      'transformation_loan',
      await openCall('transformation_loan', '330000'),
    );
    const refused = await act(antai, loan.id, 'submit');
    expect(refused.status).toBe(409);
    expect(refused.body.message).toMatch(/tech-SME registration/i);

    const id = await submitted(antai);
    await expectState(antai, id, 'formal_review');
    expect(
      (await act(county, id, 'recommend', { comment: '形式审查通过' })).status,
    ).toBe(200);
    expect((await act(province, id, 'start_public_notice')).status).toBe(200);
    await promote(id, 'time-limit-end');
    const registered = await expectState(antai, id, 'registered');
    const year = new Date().getFullYear();
    const registration = registered.decision.registration;
    expect(registration?.number).toMatch(new RegExp(`^${year}330421\\d{6}$`));
    expect(registration?.validUntil).toBe(`${year + 1}-03-31`);
    expect(registration?.validUntil).toBe(techSmeValidUntil(year));
    expect(registered.status.label['zh-CN']).toContain('已入库');

    // The high-tech self-check starts from it: the filing declared no incident in three years.
    const prefill = await antai.get<HighTechSelfCheckPrefill>(
      ApiRoutes.myCompanyHighTechSelfCheckPrefill,
    );
    expect(prefill.body).toEqual({
      majorIncidentLastYear: false,
      registration: {
        number: registration?.number,
        validUntil: registration?.validUntil,
      },
    });

    // The registration's end and the re-filing reminder are Bull delayed jobs at their dates.
    const ends = await t.dataSource
      .getRepository(OutboxEntity)
      .findOneByOrFail({ applicationId: id, jobName: 'validity-end' });
    expect(ends.runAt.toISOString()).toBe(
      new Date(`${year + 1}-03-31T23:59:59.999+08:00`).toISOString(),
    );
    const reminder = await t.dataSource
      .getRepository(OutboxEntity)
      .findOneByOrFail({ applicationId: id, jobName: 'refiling-reminder' });
    expect(reminder.runAt.toISOString()).toBe(
      new Date(`${year + 1}-01-01T09:00:00+08:00`).toISOString(),
    );

    // Registered for the year: a second evaluation waits for 1 January.
    const again = await readyDraft(
      antai,
      'tech_sme',
      await openCall('tech_sme', '330000'),
    );
    const twice = await act(antai, again.id, 'submit');
    expect(twice.status).toBe(409);
    expect(twice.body.code).toBe('ALREADY_REGISTERED');

    // Now the loan goes through on the registration the portal holds.
    expect((await act(antai, loan.id, 'submit')).status).toBe(200);

    // The reminder is a mail to the company that names the number and its last day.
    const reminded = () =>
      suite.smtp
        .to('antai@example.com')
        .find((m) => plainText(m.raw).includes(registration?.number ?? '-'));
    await (await bullJobOf(t, 'timers', reminder)).promote();
    for (let i = 0; i < 100 && !reminded(); i++)
      await new Promise((r) => setTimeout(r, 100));
    expect(plainText(reminded()?.raw ?? '')).toContain(`${year + 1}-03-31`);

    await promote(id, 'validity-end');
    const expired = await expectState(antai, id, 'expired');
    expect(expired.status.terminal).toBe(true);
  });

  it('keeps the loan fixture honest: a registration on record is one the guard accepts', async () => {
    // The loan suites use insertTechSmeRegistration; it writes what issue_registration writes.
    await insertTechSmeRegistration(t.dataSource, 'lihua@example.com');
    const lihua = await as('lihua@example.com');
    const loan = await readyDraft(
      lihua,
      'transformation_loan',
      await openCall('transformation_loan', '330000'),
    );
    expect((await act(lihua, loan.id, 'submit')).status).toBe(200);
    const detail = await lihua.get<ApplicationDetail>(
      ApiRoutes.application(loan.id),
    );
    expect(detail.body.status.state).not.toBe('draft');
  });
});
