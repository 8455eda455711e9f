import {
  ApplicationEntity,
  ApplicationEventEntity,
  OrganisationEntity,
  OutboxEntity,
  UserEntity,
} from '@portal/api-db';
import { JobProducer, type QueueName } from '@portal/api-jobs';
import type { TestClient } from '@portal/api-testing';
import { chinaDate } from '@portal/api-core';
import {
  ApiRoutes,
  type ApplicationDetail,
  type AwaitingSettlementView,
  type ErrorBody,
  type ExpertPanelView,
} from '@portal/contracts';
import {
  currentWorkflow,
  type ApplicationType,
  type ExpertScore,
} from '@portal/domain';
import type { Job } from 'bull';
import { In } from 'typeorm';
import { MINIMAL_PDF } from './factories';
import type { TestApp } from './test-app';
import { act, expectState, readyDraft } from './workflow-steps';
import type { WorkflowSuite } from './workflow-suite';

/** The demo reviewers of 嘉善县 (county), 嘉兴市 (city) and 浙江省 (province). */
export const COUNTY = 'reviewer.jiashan@example.com';
export const CITY = 'reviewer.jiaxing@example.com';
export const PROVINCE = 'reviewer.zhejiang@example.com';

/** Scores that pass the high-tech rubric (77 of 100) and that fail it (40). */
export const PASSING_SCORE: ExpertScore = {
  ip: 24,
  transformation: 24,
  rd_management: 15,
  growth: 14,
  standard_bonus: 0,
};
export const FAILING_SCORE: ExpertScore = {
  ip: 10,
  transformation: 10,
  rd_management: 10,
  growth: 10,
  standard_bonus: 0,
};

/** Scores on a project call's own rubric: 80 of 100 (passes above 60) and 40. */
export const PROJECT_PASSING_SCORE: ExpertScore = {
  innovation: 25,
  feasibility: 20,
  benefit: 20,
  capacity: 15,
};
export const PROJECT_FAILING_SCORE: ExpertScore = {
  innovation: 10,
  feasibility: 10,
  benefit: 10,
  capacity: 10,
};

/** The Bull job an outbox row was handed over as, once the relay has added it. */
export async function bullJobOf(
  t: TestApp,
  queue: QueueName,
  row: Pick<OutboxEntity, 'id' | 'jobName'>,
): Promise<Job> {
  const jobs = t.app.get(JobProducer).queue(queue);
  for (let i = 0; i < 50; i++) {
    const job = await jobs.getJob(`${row.jobName}:${row.id}`);
    if (job) return job;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`no Bull job ${row.jobName}:${row.id} on ${queue}`);
}

/** A high-tech case of the company, recommended by county and city: at the province's desk. */
export async function atProvincialReview(
  suite: WorkflowSuite,
  company: TestClient,
): Promise<string> {
  const draft = await readyDraft(
    company,
    'high_tech',
    await suite.openCall('high_tech', '330000'),
  );
  expect((await act(company, draft.id, 'submit')).status).toBe(200);
  await expectState(company, draft.id, 'county_review');
  for (const reviewer of [COUNTY, CITY])
    expect(
      (
        await act(await suite.as(reviewer), draft.id, 'recommend', {
          comment: '推荐',
        })
      ).status,
    ).toBe(200);
  return draft.id;
}

/**
 * Draws a panel for a case at provincial review, sends it to the experts and has each score
 * it; the last score moves it to the provincial decision (all_experts_scored), not before.
 */
export async function scoredByPanel(
  suite: WorkflowSuite,
  id: string,
  points: ExpertScore,
  decidedAt = 'provincial_decision',
  /** The province's remark on sending the case (one between bureau stages). */
  sendComment?: string,
): Promise<ExpertPanelView> {
  const province = await suite.as(PROVINCE);
  const drawn = await province.post<ExpertPanelView>(
    ApiRoutes.applicationExpertDraw(id),
  );
  expect(drawn.status).toBe(201);
  expect(drawn.body.experts).toHaveLength(5);
  expect(
    drawn.body.experts.filter((e) => e.discipline === 'finance').length,
  ).toBeGreaterThanOrEqual(1);
  expect(
    (await province.post(ApiRoutes.applicationExpertDraw(id))).status,
  ).toBe(409);
  expect(
    (
      await act(
        province,
        id,
        'send_to_experts',
        sendComment ? { comment: sendComment } : {},
      )
    ).status,
  ).toBe(200);
  const users = await suite.t.dataSource
    .getRepository(UserEntity)
    .findBy({ id: In(drawn.body.experts.map((e) => e.userId)) });
  const outsider = await suite.as('expert6@example.com');
  if (!users.some((u) => u.email === 'expert6@example.com'))
    expect(
      (
        await outsider.put(ApiRoutes.applicationScore(id), {
          score: points,
          opinion: '我不是本案专家，不应评分。',
        })
      ).status,
    ).toBe(404);
  for (const [index, user] of users.entries()) {
    if (index === users.length - 1)
      // all_experts_scored: four of five scores do not move the case.
      expect(
        (await province.get<ApplicationDetail>(ApiRoutes.application(id))).body
          .status.state,
      ).toBe('expert_review');
    const expert = await suite.as(user.email);
    const own = await expert.get<ExpertPanelView>(
      ApiRoutes.applicationExperts(id),
    );
    expect(own.body.experts.map((e) => e.userId)).toEqual([user.id]);
    expect(own.body.aggregate).toBeNull();
    const scored = await expert.put(ApiRoutes.applicationScore(id), {
      score: points,
      opinion: '知识产权与成果转化情况良好。',
    });
    expect(scored.status).toBe(200);
  }
  await expectState(province, id, decidedAt);
  return (await province.get<ExpertPanelView>(ApiRoutes.applicationExperts(id)))
    .body;
}

/** Something other than a party's action that moves a case: a Bull job, a panel, an objection. */
export interface SystemStep {
  readonly does: string;
  run(suite: WorkflowSuite, id: string, company: TestClient): Promise<void>;
}

/** A party's action (expected to succeed), or a system step. */
export type Step =
  | readonly [email: string, action: string, extra?: Record<string, unknown>]
  | SystemStep;

/** One case: the company that files it, the region of its call, and what happens to it. */
export interface Walk {
  readonly company: string;
  readonly region: string;
  readonly steps: readonly Step[];
}

/** Waits until Bull has moved the case to the state (the automated check, a scoring). */
export const reaches = (state: string): SystemStep => ({
  does: `reaches ${state}`,
  run: async (_, id, company) => {
    await expectState(company, id, state);
  },
});

/** Draws a panel and has every expert score: scoring_complete. */
export const panelScores = (
  points: ExpertScore,
  decidedAt?: string,
): SystemStep => ({
  does: 'panel scores',
  run: async (suite, id) => {
    await scoredByPanel(suite, id, points, decidedAt);
  },
});

/** A signed-in user objects under their real name during the public notice: lodge_objection. */
export const objects = (email: string, realName: string): SystemStep => ({
  does: `${email} objects`,
  run: async (suite, id) => {
    const res = await (
      await suite.as(email)
    ).post(ApiRoutes.noticeObjections(id), {
      realName,
      reasons: '申报材料与实际情况不符，请核查。',
    });
    expect(res.status).toBe(204);
  },
});

/** Promotes the case's newest delayed job of the name, and waits for the state it leads to. */
const expiryEnds = (
  jobName: 'time-limit-end' | 'validity-end',
  state: string,
): SystemStep => ({
  does: `${jobName} ends it (${state})`,
  run: async (suite, id, company) => {
    const [row] = await suite.t.dataSource.getRepository(OutboxEntity).find({
      where: { applicationId: id, jobName },
      order: { createdAt: 'DESC' },
    });
    if (!row) throw new Error(`no ${jobName} row for ${id}`);
    await (await bullJobOf(suite.t, 'workflow', row)).promote();
    await expectState(company, id, state);
  },
});

/** The public notice's end (a Bull delayed job): notice_expired, a certificate. */
export const noticeEnds = expiryEnds('time-limit-end', 'certified');
/** The voucher's validity ends (a Bull delayed job): voucher_expired. */
export const voucherEnds = expiryEnds('validity-end', 'expired');
/** A tech-SME notice's end registers the company; 31 March ends the registration. */
export const registrationStarts = expiryEnds('time-limit-end', 'registered');
export const registrationEnds = expiryEnds('validity-end', 'expired');

/**
 * The city pays the case with its month's settlement: it is listed among the month's approved
 * redemptions (China time), and the settlement moves it to paid (settle).
 */
export const settledByCity: SystemStep = {
  does: 'the city settles the month',
  run: async (suite, id) => {
    const city = await suite.as(CITY);
    const today = chinaDate(new Date());
    const month = today.slice(0, 7);
    const listed = await city.get<AwaitingSettlementView>(
      `${ApiRoutes.voucherSettlementsAwaiting}?cityCode=330400&month=${month}`,
    );
    expect(listed.status).toBe(200);
    const entry = listed.body.cases.find((c) => c.applicationId === id);
    if (!entry) throw new Error(`${id} is not listed for settlement`);
    const paid = await city.post<ErrorBody>(ApiRoutes.voucherSettlements, {
      cityCode: '330400',
      month,
      paidOn: today,
      paymentReference: `WALK-${month}`,
      cases: [{ applicationId: id, version: entry.version }],
    });
    if (paid.status !== 201)
      throw new Error(`settlement: ${paid.status} ${paid.body.message}`);
  },
};

/** The company uploads materials of these keys (redemption documents, promised items). */
export const uploads = (...keys: string[]): SystemStep => ({
  does: `uploads ${keys.join(', ')}`,
  run: async (suite, id, company) => {
    for (const key of keys)
      expect(
        (
          await company.upload(
            ApiRoutes.applicationMaterials(id),
            { materialKey: key },
            { name: `${key}.pdf`, content: MINIMAL_PDF },
          )
        ).status,
      ).toBe(201);
  },
});

/** Files a ready application of the type in a new call and runs each step; returns its id. */
export async function runWalk(
  suite: WorkflowSuite,
  type: ApplicationType,
  walk: Walk,
): Promise<string> {
  const company = await suite.as(walk.company);
  const draft = await readyDraft(
    company,
    type,
    await suite.openCall(type, walk.region),
  );
  for (const step of walk.steps) {
    if (!Array.isArray(step)) {
      const system = step as SystemStep;
      await system.run(suite, draft.id, company);
      continue;
    }
    const [actor, action, extra] = step as Exclude<Step, SystemStep>;
    const res = await act(await suite.as(actor), draft.id, action, {
      comment: '意见',
      ...extra,
    });
    if (res.status !== 200)
      throw new Error(
        `${type} ${action} by ${actor}: ${res.status} ${res.body.message}`,
      );
  }
  return draft.id;
}

/** The demo bank and service provider, whom loans and vouchers name. */
export async function partnerIds(
  t: TestApp,
): Promise<{ bankId: string; providerId: string }> {
  const organisations = t.dataSource.getRepository(OrganisationEntity);
  return {
    bankId: (await organisations.findOneByOrFail({ kind: 'bank' })).id,
    providerId: (await organisations.findOneByOrFail({ kind: 'provider' })).id,
  };
}

const item = (target: string) => ({ items: [{ target, note: '请补正' }] });
const ok = { comment: '审核意见' };
const M = 1_000_000;

/**
 * Walks that together fire every transition of each type, system ones included. A type
 * without walks is a type error here and a failure of the coverage test.
 */
export function coverageWalks(partners: {
  bankId: string;
  providerId: string;
}): Record<ApplicationType, readonly Walk[]> {
  const A = 'antai@example.com';
  const S = 'shengze@example.com'; // keeps no yearly figures: its automated check fails
  const J = 'jinghua@example.com';
  const L = 'lihua@example.com';
  const B = 'bank@example.com';
  const PROVIDER = 'provider@example.com';
  const atProvince: Step[] = [
    [A, 'submit'],
    reaches('county_review'),
    [COUNTY, 'recommend', ok],
    [CITY, 'recommend', ok],
  ];
  const contract = {
    payload: {
      providerId: partners.providerId,
      contractNumber: 'HT-9',
      contractAmountYuan: 100_000,
      signedOn: '2026-11-02',
    },
  };
  const toApproval: Step[] = [
    [J, 'submit'],
    [COUNTY, 'recommend', ok],
    panelScores(PROJECT_PASSING_SCORE, 'initial_decision'),
    [PROVINCE, 'pass_initial_review', item('project_proposal')],
    [J, 'submit_supplement'],
    [
      PROVINCE,
      'approve_project',
      { payload: { approvedBudgetYuan: 2_000_000 } },
    ],
  ];
  const toBank: Step[] = [
    [J, 'submit'],
    [COUNTY, 'recommend', ok],
    [CITY, 'approve', { payload: { bankId: partners.bankId } }],
  ];
  return {
    high_tech: [
      {
        company: A,
        region: '330000',
        steps: [
          [A, 'submit'],
          reaches('county_review'),
          [COUNTY, 'return_for_supplement', item('special_audit_report')],
          [A, 'resubmit'],
          [COUNTY, 'recommend', ok],
          [CITY, 'return_for_supplement', item('staff_list')],
          [A, 'resubmit'],
          [CITY, 'recommend', ok],
          [PROVINCE, 'return_for_supplement', item('ip_certificates')],
          [A, 'resubmit'],
          panelScores(PASSING_SCORE),
          [PROVINCE, 'start_public_notice'],
          objects('seed@example.com', '周海'),
          [PROVINCE, 'dismiss_objection', ok],
          noticeEnds,
        ],
      },
      {
        company: A,
        region: '330000',
        steps: [
          ...atProvince,
          panelScores(FAILING_SCORE),
          [PROVINCE, 'start_public_notice'],
          objects('jinghua@example.com', '陈精华'),
          [PROVINCE, 'uphold_objection', ok],
        ],
      },
      {
        company: A,
        region: '330000',
        steps: [
          ...atProvince,
          panelScores(FAILING_SCORE),
          [PROVINCE, 'reject', ok],
        ],
      },
      {
        company: A,
        region: '330000',
        steps: [...atProvince, [PROVINCE, 'reject', ok]],
      },
      {
        company: A,
        region: '330000',
        steps: [
          [A, 'submit'],
          reaches('county_review'),
          [
            COUNTY,
            'accept_with_missing_items',
            { ...item('staff_list'), payload: { commitmentDue: '2099-01-31' } },
          ],
          [CITY, 'reject', ok],
        ],
      },
      {
        company: A,
        region: '330000',
        steps: [
          [A, 'submit'],
          reaches('county_review'),
          [COUNTY, 'reject', ok],
        ],
      },
      { company: A, region: '330000', steps: [[A, 'withdraw']] },
      {
        company: S,
        region: '330400',
        steps: [[S, 'submit'], reaches('returned_by_county')],
      },
    ],
    innovation_voucher: [
      {
        company: J,
        region: '330421',
        steps: [
          [J, 'submit'],
          [COUNTY, 'return_for_supplement', item('serviceDescription')],
          [J, 'resubmit'],
          [COUNTY, 'approve', ok],
          [J, 'record_contract', contract],
          [PROVIDER, 'decline_contract', ok],
          [J, 'record_contract', contract],
          [PROVIDER, 'confirm_contract'],
          uploads('invoice', 'payment_proof', 'service_result'),
          [
            J,
            'request_redemption',
            { payload: { invoiceAmountYuan: 100_000 } },
          ],
          [CITY, 'return_redemption', item('invoice')],
          [
            J,
            'resubmit_redemption',
            { payload: { invoiceAmountYuan: 90_000 } },
          ],
          [CITY, 'approve_redemption', ok],
          settledByCity,
        ],
      },
      {
        company: J,
        region: '330421',
        steps: [[J, 'submit'], [COUNTY, 'approve', ok], voucherEnds],
      },
      {
        // The validity runs on while the service is under way: each state it waits in has its
        // own validity-end job, so the voucher expires from wherever it stands.
        company: J,
        region: '330421',
        steps: [
          [J, 'submit'],
          [COUNTY, 'approve', ok],
          [J, 'record_contract', contract],
          [PROVIDER, 'confirm_contract'],
          voucherEnds,
        ],
      },
      {
        company: J,
        region: '330421',
        steps: [
          [J, 'submit'],
          [COUNTY, 'reject', ok],
        ],
      },
      {
        company: J,
        region: '330421',
        steps: [
          [J, 'submit'],
          [J, 'withdraw'],
        ],
      },
    ],
    tech_sme: [
      {
        // lihua: registered here for the year, it could not file a second evaluation.
        company: L,
        region: '330000',
        steps: [
          [L, 'submit'],
          reaches('formal_review'),
          [COUNTY, 'return_for_supplement', item('financial_statements')],
          [L, 'resubmit'],
          [COUNTY, 'recommend', ok],
          [PROVINCE, 'start_public_notice'],
          objects('seed@example.com', '周海'),
          [PROVINCE, 'dismiss_objection', ok],
          registrationStarts,
          registrationEnds,
        ],
      },
      {
        company: A,
        region: '330000',
        steps: [
          [A, 'submit'],
          reaches('formal_review'),
          [COUNTY, 'recommend', ok],
          [PROVINCE, 'start_public_notice'],
          objects('jinghua@example.com', '陈精华'),
          [PROVINCE, 'uphold_objection', ok],
        ],
      },
      {
        company: A,
        region: '330000',
        steps: [
          [A, 'submit'],
          reaches('formal_review'),
          [COUNTY, 'recommend', ok],
          [PROVINCE, 'reject', ok],
        ],
      },
      {
        company: A,
        region: '330000',
        steps: [
          [A, 'submit'],
          reaches('formal_review'),
          [COUNTY, 'reject', ok],
        ],
      },
      {
        company: S,
        region: '330000',
        steps: [[S, 'submit'], reaches('returned')],
      },
      { company: A, region: '330000', steps: [[A, 'withdraw']] },
    ],
    st_project: [
      {
        company: J,
        region: '330000',
        steps: [
          [J, 'submit'],
          [COUNTY, 'return_for_supplement', item('summary')],
          [J, 'resubmit'],
          [COUNTY, 'recommend', ok],
          [PROVINCE, 'return_for_supplement', item('budget_sheet')],
          [J, 'resubmit'],
          panelScores(PROJECT_PASSING_SCORE, 'initial_decision'),
          [PROVINCE, 'pass_initial_review', item('project_proposal')],
          [J, 'submit_supplement'],
          [PROVINCE, 'return_supplement', item('budget_sheet')],
          [J, 'submit_supplement'],
          [
            PROVINCE,
            'approve_project',
            { payload: { approvedBudgetYuan: 1_500_000 } },
          ],
          uploads('midterm_report'),
          [J, 'submit_midterm_report'],
          [PROVINCE, 'return_midterm', item('midterm_report')],
          [J, 'submit_midterm_report'],
          [PROVINCE, 'accept_midterm', ok],
          uploads('final_report'),
          [J, 'submit_final_report'],
          [PROVINCE, 'return_final', item('final_report')],
          [J, 'submit_final_report'],
          [PROVINCE, 'accept_final', ok],
        ],
      },
      {
        company: J,
        region: '330000',
        steps: [
          ...toApproval,
          uploads('midterm_report'),
          [J, 'submit_midterm_report'],
          [PROVINCE, 'terminate', ok],
        ],
      },
      {
        company: J,
        region: '330000',
        steps: [
          ...toApproval,
          uploads('midterm_report'),
          [J, 'submit_midterm_report'],
          [PROVINCE, 'accept_midterm', ok],
          uploads('final_report'),
          [J, 'submit_final_report'],
          [PROVINCE, 'terminate', ok],
        ],
      },
      {
        company: J,
        region: '330000',
        steps: [
          [J, 'submit'],
          [COUNTY, 'recommend', ok],
          panelScores(PROJECT_FAILING_SCORE, 'initial_decision'),
          [PROVINCE, 'reject', ok],
        ],
      },
      {
        company: J,
        region: '330000',
        steps: [
          [J, 'submit'],
          [COUNTY, 'recommend', ok],
          panelScores(PROJECT_PASSING_SCORE, 'initial_decision'),
          [PROVINCE, 'pass_initial_review', item('project_proposal')],
          [J, 'submit_supplement'],
          [PROVINCE, 'reject', ok],
        ],
      },
      {
        company: J,
        region: '330000',
        steps: [
          [J, 'submit'],
          [COUNTY, 'recommend', ok],
          [PROVINCE, 'reject', ok],
        ],
      },
      {
        company: J,
        region: '330000',
        steps: [
          [J, 'submit'],
          [COUNTY, 'reject', ok],
        ],
      },
      { company: J, region: '330000', steps: [[J, 'withdraw']] },
    ],
    transformation_loan: [
      {
        company: J,
        region: '330400',
        steps: [
          [J, 'submit'],
          [COUNTY, 'return_for_supplement', item('purpose')],
          [J, 'resubmit'],
          [COUNTY, 'recommend', ok],
          [CITY, 'return_for_supplement', item('financial_statements')],
          [J, 'resubmit'],
          [CITY, 'reject', ok],
        ],
      },
      {
        company: J,
        region: '330400',
        steps: [
          [J, 'submit'],
          [J, 'withdraw'],
        ],
      },
      {
        company: J,
        region: '330400',
        steps: [
          [J, 'submit'],
          [COUNTY, 'reject', ok],
        ],
      },
      {
        company: J,
        region: '330400',
        steps: [
          [J, 'submit'],
          [
            COUNTY,
            'accept_with_missing_items',
            {
              ...item('achievement_proof'),
              payload: { commitmentDue: '2099-12-31' },
            },
          ],
          [CITY, 'approve', { payload: { bankId: partners.bankId } }],
          [B, 'bank_decline', ok],
        ],
      },
      {
        company: J,
        region: '330400',
        steps: [
          ...toBank,
          [
            B,
            'bank_approve',
            {
              payload: { amountYuan: 3 * M, ratePercent: 3.2, termMonths: 24 },
            },
          ],
          [
            B,
            'record_disbursement',
            { payload: { disbursedOn: '2026-11-02', amountYuan: 3 * M } },
          ],
          [J, 'report_repayment'],
          [B, 'dispute_repayment', ok],
          [J, 'report_repayment'],
          [B, 'confirm_repayment'],
        ],
      },
    ],
  };
}

/**
 * Asserts, from the events of these applications only, that each transition of the type's
 * current definition was fired at least once from one of its own from-states.
 */
export async function expectEveryTransitionFired(
  t: TestApp,
  type: ApplicationType,
  applicationIds: readonly string[],
): Promise<void> {
  expect(applicationIds.length).toBeGreaterThan(0);
  const applications = await t.dataSource
    .getRepository(ApplicationEntity)
    .findBy({ id: In([...applicationIds]) });
  expect(applications.map((a) => a.type)).toEqual(
    applicationIds.map(() => type),
  );
  const events = await t.dataSource
    .getRepository(ApplicationEventEntity)
    .findBy({ applicationId: In([...applicationIds]) });
  const definition = currentWorkflow(type);
  expect(definition.transitions.length).toBeGreaterThan(0);
  const missing = definition.transitions
    .filter(
      (tr) =>
        !events.some(
          (e) =>
            e.action === tr.action &&
            e.toState === tr.to &&
            tr.from.includes(e.fromState ?? definition.initial),
        ),
    )
    .map((tr) => `${type}: ${tr.from.join('|')} —${tr.action}→ ${tr.to}`);
  expect(missing).toEqual([]);
}
