import { randomUUID } from 'node:crypto';
import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { SessionService, type Actor } from '@portal/api-access';
import {
  ApplicationEntity,
  CompanyYearFiguresEntity,
  DEMO_COMPANIES,
  demoCreditCode,
  ExpertAssignmentEntity,
  MembershipEntity,
  OrganisationEntity,
  UserEntity,
} from '@portal/api-db';
import type { CallView } from '@portal/contracts';
import {
  APPLICATION_FORMS,
  regionPath,
  type ApplicationType,
} from '@portal/domain';
import { DataSource } from 'typeorm';
import {
  ApplicationsService,
  CallsService,
  MaterialsService,
} from '@portal/api-applications';
import { ExpertsService } from '@portal/api-review';
import { WorkflowAutomationService } from '@portal/api-engine';

const M = 1_000_000;
/** A minimal well-formed PDF: demo materials are real uploads, checked like any other. */
const DEMO_PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n',
);

/** The county report's half-year: 18 high-tech filings, 33 tech SMEs evaluated. */
const HIGH_TECH_FILINGS = 18;
const TECH_SMES_EVALUATED = 33;
/** Where the 33 evaluations stand, in filing order (the loan applicants come first: registered). */
const TECH_SME_STAGES = [
  { upTo: 24, stage: 'registered' },
  { upTo: 28, stage: 'public_notice' },
  { upTo: 30, stage: 'provincial_batch' },
  { upTo: 32, stage: 'formal_review' },
  { upTo: 33, stage: 'returned' },
] as const;

const TORCH_PASS = {
  innovation: 25,
  feasibility: 20,
  benefit: 20,
  capacity: 15,
};
const TORCH_FAIL = {
  innovation: 12,
  feasibility: 10,
  benefit: 10,
  capacity: 8,
};

const FORMS: Record<ApplicationType, Record<string, unknown>> = {
  high_tech: {
    field: 'advanced_manufacturing_automation',
    mainProducts: '智能制造装备',
    coreTechnology: '自主研发的控制系统，发明专利支撑',
    rdProjects: 5,
    registeredOn: '2016-05-01',
    majorIncidentLastYear: false,
    auditReportNumber: 'ZX-2026-DEMO',
  },
  innovation_voucher: {
    serviceCategory: 'testing',
    serviceDescription: '新产品第三方检测服务',
    plannedCostYuan: 250_000,
  },
  transformation_loan: {
    amountYuan: 5 * M,
    termMonths: 12,
    purpose: '科技成果转化生产线建设',
    achievement: '发明专利产业化',
  },
  st_project: {
    projectName: '高通量核酸检测仪产业化',
    plan: 'torch',
    summary: '完成高通量核酸检测仪的工程化与小批量生产，形成年产 500 台能力。',
    startOn: '2026-09-01',
    endOn: '2028-08-31',
    budgetTotalYuan: 8 * M,
    budgetRequestedYuan: 2 * M,
  },
  tech_sme: {
    blacklisted: false,
    seriousIncidentInThreeYears: false,
    nationalStAward: false,
    provincialRdInstitution: false,
    ledStandard: false,
  },
};

const FIGURES = {
  totalRevenue: 60 * M,
  salesRevenue: 58 * M,
  highTechRevenue: 45 * M,
  rdExpense: 3.2 * M,
  rdExpenseDomestic: 3.2 * M,
  staff: 150,
  scienceTechStaff: 30,
  netAssets: 30 * M,
  totalAssets: 70 * M,
  totalCosts: 50 * M,
  ipClassOne: 2,
  ipClassTwo: 6,
};

/**
 * Replays a county bureau's half-year through the real services (so every event chain, ledger
 * entry and reference number is genuine): 3 Torch-plan filings (2 past the experts' initial
 * review with their supplementary material in, 1 not passed), 33 tech SMEs evaluated (24 registered, 4 in the
 * provincial notice, 2 waiting for the next batch, 2 at the formal review, 1 returned), 18
 * high-tech filings sent on to the province, one returned for supplement, 2 voucher grants, 3
 * loans (5M, 3M, 5M) approved by the city and waiting at the bank; plus work waiting at every
 * desk (county, city, province, experts, bank, provider) and a draft. Runs once, on a database
 * without applications.
 */
@Injectable()
export class DemoApplicationsSeeder {
  private readonly logger = new Logger(DemoApplicationsSeeder.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly sessions: SessionService,
    private readonly calls: CallsService,
    private readonly applications: ApplicationsService,
    private readonly materials: MaterialsService,
    private readonly automation: WorkflowAutomationService,
    private readonly experts: ExpertsService,
  ) {}

  async seedIfEmpty(): Promise<number> {
    if ((await this.dataSource.getRepository(ApplicationEntity).count()) > 0)
      return 0;
    const now = Date.now();
    const window = {
      opensAt: new Date(now - 30 * 86_400_000).toISOString(),
      closesAt: new Date(now + 60 * 86_400_000).toISOString(),
    };
    const highTechCall = await this.calls.create(
      await this.actor('admin.zhejiang@example.com'),
      {
        type: 'high_tech',
        title: '2026年度高新技术企业认定（第二批）',
        ...window,
      },
    );
    const voucherCall = await this.calls.create(
      await this.actor('admin.jiashan@example.com'),
      {
        type: 'innovation_voucher',
        title: '2026年嘉善县科技创新券',
        ...window,
      },
    );
    const loanCall = await this.calls.create(
      await this.actor('admin.jiaxing@example.com'),
      {
        type: 'transformation_loan',
        title: '2026年嘉兴市科技成果转化贷款',
        ...window,
      },
    );

    const techSmeCall = await this.calls.create(
      await this.actor('admin.zhejiang@example.com'),
      {
        type: 'tech_sme',
        title: '2026年度科技型中小企业评价入库',
        ...window,
      },
    );

    const projectCall = await this.calls.create(
      await this.actor('admin.zhejiang@example.com'),
      {
        type: 'st_project',
        title: '2026年度火炬计划项目',
        ...window,
      },
    );
    const county = await this.actor('reviewer.jiashan@example.com');
    const city = await this.actor('reviewer.jiaxing@example.com');
    const province = await this.actor('reviewer.zhejiang@example.com');
    const filers = await this.demoCompanies(TECH_SMES_EVALUATED);
    let count = await this.techSmeHalfYear(
      filers,
      techSmeCall,
      county,
      province,
    );
    const companies = filers.slice(0, HIGH_TECH_FILINGS);
    for (const [i, email] of companies.entries()) {
      const company = await this.actor(email);
      const id = await this.submitted(company, highTechCall);
      await this.act(county, id, 'recommend', {
        comment: '材料齐全，同意推荐',
      });
      if (i === 0) {
        // The one the city sent back, as the report's Torch-plan project was.
        await this.act(city, id, 'return_for_supplement', {
          comment: '请补充材料',
          items: [
            {
              target: 'ip_certificates',
              note: '请补充核心知识产权证书原件扫描件',
            },
          ],
        });
      } else {
        await this.act(city, id, 'recommend', { comment: '同意推荐至省级' });
      }
      count++;
    }

    const bankId = (
      await this.dataSource
        .getRepository(OrganisationEntity)
        .findOneByOrFail({ kind: 'bank' })
    ).id;
    for (const [email, amountYuan] of [
      ['antai@example.com', 5 * M],
      ['shengze@example.com', 3 * M],
      ['lihua@example.com', 5 * M],
    ] as const) {
      const company = await this.actor(email);
      const id = await this.submitted(company, loanCall, { amountYuan });
      await this.act(county, id, 'recommend', { comment: '同意推荐' });
      await this.act(city, id, 'approve', {
        comment: '同意，推送合作银行',
        payload: { bankId },
      });
      count++;
    }

    const providerId = (
      await this.dataSource
        .getRepository(OrganisationEntity)
        .findOneByOrFail({ kind: 'provider' })
    ).id;
    const contract = {
      providerId,
      contractNumber: 'CXQ-HT-2026-001',
      contractAmountYuan: 250_000,
      signedOn: '2026-06-01',
    };
    // Two grants: one already delivered and waiting for the city's redemption audit, one whose
    // contract waits for the provider's confirmation.
    const jinghua = await this.actor('jinghua@example.com');
    const redeeming = await this.submitted(jinghua, voucherCall);
    await this.act(county, redeeming, 'approve', { comment: '同意发放创新券' });
    await this.act(jinghua, redeeming, 'record_contract', {
      payload: contract,
    });
    await this.act(
      await this.actor('provider@example.com'),
      redeeming,
      'confirm_contract',
      {},
    );
    for (const key of ['invoice', 'payment_proof', 'service_result'])
      await this.materials.upload(jinghua, redeeming, {
        materialKey: key,
        fileName: `${key}.pdf`,
        content: DEMO_PDF,
      });
    await this.act(jinghua, redeeming, 'request_redemption', {
      payload: { invoiceAmountYuan: 240_000 },
    });
    const antai = await this.actor('antai@example.com');
    const contracting = await this.submitted(antai, voucherCall);
    await this.act(county, contracting, 'approve', {
      comment: '同意发放创新券',
    });
    await this.act(antai, contracting, 'record_contract', {
      payload: { ...contract, contractNumber: 'CXQ-HT-2026-002' },
    });
    count += 2;

    count += await this.torchFilings(projectCall, county, province);

    // Work waiting at each desk: the county (a voucher and a loan), Haiyan (a high-tech filing),
    // the experts (one of the province's filings), and a draft.
    const shengze = await this.actor('shengze@example.com');
    await this.submitted(shengze, voucherCall);
    await this.submitted(jinghua, loanCall, { amountYuan: 2 * M });
    await this.submitted(await this.actor('seed@example.com'), highTechCall);
    const toExperts = await this.dataSource
      .getRepository(ApplicationEntity)
      .findOneOrFail({
        where: { callId: highTechCall.id, state: 'provincial_review' },
        order: { reference: 'ASC' },
      });
    await this.experts.draw(province, toExperts.id);
    await this.act(province, toExperts.id, 'send_to_experts', {});
    await this.applications.create(shengze, voucherCall.id);
    count += 4;
    this.logger.log(`Seeded ${count} demo applications`);
    return count;
  }

  /**
   * The county's 33 tech-SME evaluations, all past the automated scoring: most registered after
   * the province's monthly notice (the loan applicants among them, whose loans need it), some in
   * this month's notice, some waiting for the next batch, two at the county's formal review and
   * one returned for supplement.
   */
  private async techSmeHalfYear(
    filers: readonly string[],
    call: CallView,
    county: Actor,
    province: Actor,
  ): Promise<number> {
    for (const [i, email] of filers.entries()) {
      const company = await this.actor(email);
      const id = await this.submitted(company, call);
      const stage = TECH_SME_STAGES.find((s) => i < s.upTo)?.stage;
      if (stage === 'formal_review') continue;
      if (stage === 'returned') {
        await this.act(county, id, 'return_for_supplement', {
          comment: '财务报表与年度数据不一致',
          items: [
            {
              target: 'financial_statements',
              note: '请上传经审计的上一年度财务报表',
            },
          ],
        });
        continue;
      }
      await this.act(county, id, 'recommend', { comment: '形式审查通过' });
      if (stage === 'provincial_batch') continue;
      await this.act(province, id, 'start_public_notice', {});
      if (stage === 'registered') await this.noticeEnded(id);
    }
    return filers.length;
  }

  /**
   * The report's three Torch-plan filings: the experts passed two at the initial review, whose
   * supplementary material is in and waits for approval; the third did not pass.
   */
  private async torchFilings(
    call: CallView,
    county: Actor,
    province: Actor,
  ): Promise<number> {
    const filings = [
      ['lihua@example.com', TORCH_PASS],
      ['jinghua@example.com', TORCH_PASS],
      ['shengze@example.com', TORCH_FAIL],
    ] as const;
    for (const [email, score] of filings) {
      const company = await this.actor(email);
      const id = await this.submitted(company, call);
      await this.act(county, id, 'recommend', { comment: '同意推荐' });
      await this.experts.draw(province, id);
      await this.act(province, id, 'send_to_experts', {});
      const assigned = await this.dataSource
        .getRepository(ExpertAssignmentEntity)
        .findBy({ applicationId: id });
      for (const { expertUserId } of assigned) {
        const expert = await this.dataSource
          .getRepository(UserEntity)
          .findOneByOrFail({ id: expertUserId });
        await this.experts.score(await this.actor(expert.email), id, {
          score,
          opinion: '技术路线清晰，产业化前景良好。',
        });
      }
      if (score === TORCH_FAIL) {
        await this.act(province, id, 'reject', {
          comment: '专家初审未通过',
        });
        continue;
      }
      await this.act(province, id, 'pass_initial_review', {
        comment: '初审通过，请补充材料',
        items: [{ target: 'budget_sheet', note: '请补充经费预算明细' }],
      });
      await this.act(company, id, 'submit_supplement', {});
    }
    return filings.length;
  }

  /** The end of the notice, as its Bull job would fire it 10 working days on. */
  private async noticeEnded(id: string): Promise<void> {
    const application = await this.dataSource
      .getRepository(ApplicationEntity)
      .findOneByOrFail({ id });
    await this.automation.timerEnded(
      { applicationId: id, eventId: '', seq: application.eventCount },
      'time_limit_end',
    );
  }

  /** The verified demo companies plus generated ones, each with figures that pass the rules. */
  private async demoCompanies(total: number): Promise<string[]> {
    const emails = DEMO_COMPANIES.filter(
      (c) => c.verified && c.regionCode === '330421',
    ).map((c) => `${c.key}@example.com`);
    const template = await this.dataSource
      .getRepository(UserEntity)
      .findOneByOrFail({ email: emails[0] });
    for (let n = emails.length + 1; n <= total; n++) {
      const email = `demo.ht${String(n).padStart(2, '0')}@example.com`;
      const org: OrganisationEntity = Object.assign(new OrganisationEntity(), {
        id: randomUUID(),
        kind: 'enterprise',
        name: `嘉善示范高新企业${String(n).padStart(2, '0')}有限公司`,
        creditCode: demoCreditCode('330421', 100 + n),
        regionCode: '330421',
        ...regionPath('330421'),
        level: null,
        verificationStatus: 'verified',
        verificationComment: null,
        verifiedAt: new Date(),
        verifiedBy: null,
        contactName: `联系人${n}`,
        contactPhone: null,
        contactEmail: email,
      });
      await this.dataSource.getRepository(OrganisationEntity).save(org);
      const userId = randomUUID();
      await this.dataSource.getRepository(UserEntity).insert({
        id: userId,
        email,
        name: `联系人${n}`,
        passwordHash: template.passwordHash,
        language: 'zh-CN',
      });
      await this.dataSource.getRepository(MembershipEntity).insert({
        id: randomUUID(),
        userId,
        organisationId: org.id,
        role: 'enterprise_admin',
      });
      emails.push(email);
    }
    const memberships = await this.dataSource
      .getRepository(MembershipEntity)
      .find({ where: { role: 'enterprise_admin' } });
    for (const m of memberships)
      for (const year of [2023, 2024, 2025])
        await this.dataSource.getRepository(CompanyYearFiguresEntity).upsert(
          {
            organisationId: m.organisationId,
            year,
            ...FIGURES,
            updatedBy: m.userId,
            updatedAt: new Date(),
          },
          ['organisationId', 'year'],
        );
    return emails;
  }

  /** A filled, uploaded and submitted application, past its automated check. */
  private async submitted(
    company: Actor,
    call: CallView,
    form: Record<string, unknown> = {},
  ): Promise<string> {
    const draft = await this.applications.create(company, call.id);
    await this.applications.saveForm(company, draft.id, {
      version: draft.version,
      form: { ...FORMS[call.type], ...form },
    });
    for (const material of APPLICATION_FORMS[call.type].materials)
      if (
        material.required &&
        (material.phase ?? 'application') === 'application'
      )
        await this.materials.upload(company, draft.id, {
          materialKey: material.key,
          fileName: `${material.key}.pdf`,
          content: DEMO_PDF,
        });
    const result = await this.act(company, draft.id, 'submit', {});
    const application = await this.dataSource
      .getRepository(ApplicationEntity)
      .findOneByOrFail({ id: draft.id });
    if (result.status.holder === 'system')
      await this.automation.autoCheck({
        applicationId: draft.id,
        eventId: '',
        seq: application.eventCount,
      });
    return draft.id;
  }

  private async act(
    actor: Actor,
    id: string,
    action: string,
    extra: {
      comment?: string;
      items?: { target: string; note: string }[];
      payload?: Record<string, unknown>;
    },
  ) {
    const application = await this.dataSource
      .getRepository(ApplicationEntity)
      .findOneByOrFail({ id });
    return this.applications.act(
      actor,
      id,
      { action, version: application.version, ...extra },
      undefined,
    );
  }

  private async actor(email: string): Promise<Actor> {
    const user = await this.dataSource
      .getRepository(UserEntity)
      .findOneByOrFail({ email });
    return {
      userId: user.id,
      email: user.email,
      name: user.name,
      sessionId: 'demo-seed',
      stage: 'authenticated',
      memberships: await this.sessions.membershipsOf(user.id),
      ip: null,
    };
  }
}
