import type { TestClient } from '@portal/api-testing';
import {
  ApiRoutes,
  type ActionResult,
  type ApplicationDetail,
  type AttachmentView,
  type ErrorBody,
} from '@portal/contracts';
import { APPLICATION_FORMS, type ApplicationType } from '@portal/domain';
import { MINIMAL_PDF } from './factories';

const M = 1_000_000;
const PDF = MINIMAL_PDF;

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
    techSmeNumber: '20263304210000123',
  },
};

/** Yearly figures that pass the high-tech thresholds. */
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

/** A draft with its form saved and every required material uploaded. */
export async function readyDraft(
  client: TestClient,
  type: ApplicationType,
  callId: string,
): Promise<ApplicationDetail> {
  const created = await client.post<ApplicationDetail>(ApiRoutes.applications, {
    callId,
  });
  expect(created.status).toBe(201);
  const saved = await client.patch<ActionResult>(
    ApiRoutes.applicationForm(created.body.id),
    {
      version: created.body.version,
      form: FORMS[type],
    },
  );
  expect(saved.status).toBe(200);
  for (const material of APPLICATION_FORMS[type].materials.filter(
    (m) => m.required && (m.phase ?? 'application') === 'application',
  )) {
    const uploaded = await client.upload<AttachmentView>(
      ApiRoutes.applicationMaterials(created.body.id),
      { materialKey: material.key },
      { name: `${material.key}.pdf`, content: PDF },
    );
    expect(uploaded.status).toBe(201);
  }
  return (
    await client.get<ApplicationDetail>(ApiRoutes.application(created.body.id))
  ).body;
}

/** Fires an action at the version the client currently sees. */
export async function act(
  client: TestClient,
  id: string,
  action: string,
  extra: Record<string, unknown> = {},
  headers: Record<string, string> = {},
) {
  const current = await client.get<ApplicationDetail>(
    ApiRoutes.application(id),
  );
  return client.post<ActionResult & ErrorBody>(
    ApiRoutes.applicationActions(id),
    { action, version: current.body.version, ...extra },
    { headers },
  );
}

/** Waits until Bull has moved the case to `state`. */
export async function expectState(
  client: TestClient,
  id: string,
  state: string,
): Promise<ApplicationDetail> {
  for (let i = 0; i < 100; i++) {
    const detail = await client.get<ApplicationDetail>(
      ApiRoutes.application(id),
    );
    if (detail.body.status.state === state) return detail.body;
    await new Promise((r) => setTimeout(r, 100));
  }
  const last = await client.get<ApplicationDetail>(ApiRoutes.application(id));
  throw new Error(`Expected ${state}, still ${last.body.status.state}`);
}
