import type { ApplicationType } from '@portal/domain';

/** The smallest file the portal's type sniffing accepts as a PDF. */
export const MINIMAL_PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n',
);

const M = 1_000_000;

/** A complete form per type: what a company that filled everything in would save. */
export const FORMS: Record<ApplicationType, Record<string, unknown>> = {
  high_tech: {
    field: 'biology_new_medicine',
    mainProducts: '生物检测试剂',
    coreTechnology: '核酸快速检测技术，发明专利一项',
    rdProjects: 6,
    registeredOn: '2015-03-01',
    majorIncidentLastYear: false,
    auditReportNumber: 'SJ-2026-001',
  },
  innovation_voucher: {
    serviceCategory: 'testing',
    serviceDescription: '产品第三方检测',
    plannedCostYuan: 200_000,
  },
  transformation_loan: {
    amountYuan: 5 * M,
    termMonths: 12,
    purpose: '成果转化生产线建设',
    achievement: '发明专利 ZL2023xxxx 的产业化',
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

/** Yearly figures that pass the high-tech thresholds and score 92 of 100 as a tech SME. */
export const FIGURES = {
  totalRevenue: 40 * M,
  salesRevenue: 40 * M,
  highTechRevenue: 30 * M,
  rdExpense: 2.4 * M,
  rdExpenseDomestic: 2.4 * M,
  staff: 100,
  scienceTechStaff: 20,
  netAssets: 20 * M,
  totalAssets: 50 * M,
  totalCosts: 30 * M,
  ip: { classOne: 1, classTwo: 4 },
};
