import type {
  ApplicationDetail,
  ApplicationStatusView,
  ApplicationSummary,
  CallView,
} from '@portal/contracts';

/** Test data in the API's shapes, for this library's specs. */
export function testStatus(
  overrides: Partial<ApplicationStatusView> = {},
): ApplicationStatusView {
  return {
    state: 'draft',
    label: { 'zh-CN': '草稿', en: 'Draft' },
    stage: null,
    terminal: false,
    waitingForApplicant: true,
    holder: 'enterprise',
    ...overrides,
  };
}

export function testSummary(
  id: string,
  overrides: Partial<ApplicationSummary> = {},
): ApplicationSummary {
  return {
    id,
    reference: `KJ-2026-${id}`,
    type: 'transformation_loan',
    title: {
      'zh-CN': '科技成果转化贷款',
      en: 'Technology transformation loan',
    },
    companyId: 'c-1',
    companyName: '嘉善智造科技有限公司',
    countyCode: '330421',
    callId: 'call-1',
    callTitle: '2026 年第一批科技成果转化贷款',
    status: testStatus(),
    version: 3,
    stateEnteredAt: '2026-11-20T02:00:00.000Z',
    dueAt: null,
    overdue: false,
    submittedAt: null,
    updatedAt: '2026-11-20T02:30:00.000Z',
    ...overrides,
  };
}

export function testDetail(
  overrides: Partial<ApplicationDetail> = {},
): ApplicationDetail {
  return {
    ...testSummary('a-1'),
    workflowVersion: 1,
    form: { amountYuan: 5_000_000, purpose: '购买中试设备' },
    materials: [],
    events: [],
    availableActions: [],
    autoCheck: null,
    supplementItems: null,
    decision: {},
    dueInWorkingDays: null,
    changesSinceReturn: null,
    ...overrides,
  };
}

export function testCall(
  id: string,
  status: CallView['status'],
  title: string,
): CallView {
  return {
    id,
    type: 'transformation_loan',
    title,
    regionCode: '330400',
    opensAt: '2026-11-01T00:00:00.000Z',
    closesAt: '2026-12-31T00:00:00.000Z',
    status,
    quotas: [],
    createdAt: '2026-10-20T00:00:00.000Z',
  };
}
