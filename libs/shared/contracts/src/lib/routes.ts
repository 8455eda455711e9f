/** Paths of the API, shared by the Nest controllers' tests and the web app's clients. */
export const API_PREFIX = '/api';

export const ApiRoutes = {
  health: '/api/health',
  healthLive: '/api/health/live',
  docs: '/api/docs',
  docsJson: '/api/docs-json',
  csrf: '/api/auth/csrf',
  register: '/api/auth/register',
  login: '/api/auth/login',
  loginSecondFactor: '/api/auth/login/second-factor',
  logout: '/api/auth/logout',
  me: '/api/auth/me',
  secondFactorEnrol: '/api/auth/second-factor/enrol',
  secondFactorConfirm: '/api/auth/second-factor/confirm',
  passwordChange: '/api/auth/password',
  passwordResetRequest: '/api/auth/password-reset/request',
  passwordReset: '/api/auth/password-reset',
  invitation: '/api/auth/invitations/view',
  invitationAccept: '/api/auth/invitations/accept',
  regions: '/api/regions',
  myCompany: '/api/companies/mine',
  myCompanyMembers: '/api/companies/mine/members',
  myCompanyMember: (userId: string) =>
    `/api/companies/mine/members/${encodeURIComponent(userId)}`,
  myCompanyMemberRole: (userId: string) =>
    `/api/companies/mine/members/${encodeURIComponent(userId)}/role`,
  myCompanyContact: '/api/companies/mine/contact',
  myCompanyLicence: '/api/companies/mine/licence',
  myCompanyLicenceFile: '/api/companies/mine/licence/file',
  myCompanyInvitations: '/api/companies/mine/invitations',
  myCompanyFigures: '/api/companies/mine/figures',
  myCompanyFiguresYear: (year: number) => `/api/companies/mine/figures/${year}`,
  programmes: '/api/programmes',
  programme: (type: string) => `/api/programmes/${encodeURIComponent(type)}`,
  myCompanyHighTechSelfCheck: '/api/companies/mine/high-tech-self-check',
  myCompanyHighTechSelfCheckPrefill:
    '/api/companies/mine/high-tech-self-check/prefill',
  companies: '/api/companies',
  company: (id: string) => `/api/companies/${encodeURIComponent(id)}`,
  companyLicence: (id: string) =>
    `/api/companies/${encodeURIComponent(id)}/licence`,
  companyLicenceFile: (id: string) =>
    `/api/companies/${encodeURIComponent(id)}/licence/file`,
  companyVerify: (id: string) =>
    `/api/companies/${encodeURIComponent(id)}/verify`,
  companyRejectVerification: (id: string) =>
    `/api/companies/${encodeURIComponent(id)}/reject-verification`,
  auditLog: '/api/audit-log',
  auditLogCsv: '/api/audit-log/export.csv',
  staff: '/api/staff',
  staffInvitations: '/api/staff/invitations',
  staffOrganisations: '/api/staff/organisations',
  staffDeactivate: (userId: string) =>
    `/api/staff/${encodeURIComponent(userId)}/deactivate`,
  staffReactivate: (userId: string) =>
    `/api/staff/${encodeURIComponent(userId)}/reactivate`,
  staffResetSecondFactor: (userId: string) =>
    `/api/staff/${encodeURIComponent(userId)}/reset-second-factor`,
  mailOutbox: '/api/admin/mail-outbox',
  clock: '/api/clock',
  adminClock: '/api/admin/clock',
  queueDashboard: '/api/admin/queues',
  calendarOverrides: '/api/admin/calendar',
  calendarOverride: (date: string) =>
    `/api/admin/calendar/${encodeURIComponent(date)}`,
  calls: '/api/calls',
  call: (id: string) => `/api/calls/${encodeURIComponent(id)}`,
  managedCalls: '/api/calls/managed',
  callOpen: (id: string) => `/api/calls/${encodeURIComponent(id)}/open`,
  callClose: (id: string) => `/api/calls/${encodeURIComponent(id)}/close`,
  yearlyTargets: '/api/admin/targets',
  calendarYear: (year: number) => `/api/admin/calendar/years/${year}`,
  applications: '/api/applications',
  application: (id: string) => `/api/applications/${encodeURIComponent(id)}`,
  applicationForm: (id: string) =>
    `/api/applications/${encodeURIComponent(id)}/form`,
  applicationActions: (id: string) =>
    `/api/applications/${encodeURIComponent(id)}/actions`,
  applicationCommitment: (id: string) =>
    `/api/applications/${encodeURIComponent(id)}/commitment`,
  applicationMaterials: (id: string) =>
    `/api/applications/${encodeURIComponent(id)}/materials`,
  applicationMaterial: (id: string, attachmentId: string) =>
    `/api/applications/${encodeURIComponent(id)}/materials/${encodeURIComponent(attachmentId)}`,
  applicationVoucherLedger: (id: string) =>
    `/api/applications/${encodeURIComponent(id)}/voucher-ledger`,
  voucherSettlements: '/api/voucher-settlements',
  voucherSettlementsAwaiting: '/api/voucher-settlements/awaiting',
  voucherSettlement: (id: string) =>
    `/api/voucher-settlements/${encodeURIComponent(id)}`,
  applicationExperts: (id: string) =>
    `/api/applications/${encodeURIComponent(id)}/experts`,
  applicationExpertDraw: (id: string) =>
    `/api/applications/${encodeURIComponent(id)}/experts/draw`,
  /** A recused panel member's seat drawn again (province). */
  applicationExpertReplace: (id: string, userId: string) =>
    `/api/applications/${encodeURIComponent(id)}/experts/${encodeURIComponent(userId)}/replace`,
  /** A drawn expert declares a conflict with the case's company and leaves the panel. */
  applicationExpertRecuse: (id: string) =>
    `/api/applications/${encodeURIComponent(id)}/experts/recuse`,
  applicationScore: (id: string) =>
    `/api/applications/${encodeURIComponent(id)}/score`,
  publicNotices: '/api/public-notices',
  myExpertConflicts: '/api/experts/me/conflicts',
  myExpertProfile: '/api/experts/me',
  partners: (kind: 'banks' | 'providers') => `/api/partners/${kind}`,
  noticeObjections: (id: string) =>
    `/api/public-notices/${encodeURIComponent(id)}/objections`,
  myObjections: '/api/public-notices/objections/mine',
  inbox: '/api/inbox',
  inboxCounts: '/api/inbox/counts',
  inboxBatchActions: '/api/inbox/batch-actions',
  eventChain: '/api/audit/event-chain',
  myNotices: '/api/me/notices',
  myNoticesUnread: '/api/me/notices/unread-count',
  myNoticeRead: (id: string) =>
    `/api/me/notices/${encodeURIComponent(id)}/read`,
  myNoticesReadAll: '/api/me/notices/read-all',
  myNotificationPreferences: '/api/me/notification-preferences',
  mailDeliveries: '/api/admin/mail-deliveries',
  mailDeliveryStats: '/api/admin/mail-deliveries/stats',
  mailDeliveryRetry: (id: string) =>
    `/api/admin/mail-deliveries/${encodeURIComponent(id)}/retry`,
} as const;

/** Cookie and header names of the session and CSRF protection. */
export const SESSION_COOKIE = 'portal_sid';
export const CSRF_COOKIE = 'XSRF-TOKEN';
export const CSRF_HEADER = 'x-xsrf-token';
/** Same key, same answer, no second effect (submit and every action). */
export const IDEMPOTENCY_HEADER = 'idempotency-key';
