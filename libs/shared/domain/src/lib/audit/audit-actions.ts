/**
 * Every audit action code, in words, once. The auditor's page shows these instead of codes and
 * searches them; apps/api's `audit-action-labels.spec.ts` fails when the API records
 * a code that is missing here.
 */
export const AUDIT_ACTION_LABELS = {
  'admin.bootstrap_system_admin': {
    'zh-CN': '创建首个系统管理员',
    en: 'First system admin created',
  },
  'application.access_denied': {
    'zh-CN': '申报访问被拒绝',
    en: 'Application access refused',
  },
  'application.commitment_overdue': {
    'zh-CN': '承诺事项逾期',
    en: 'Commitment overdue',
  },
  'application.expert_recused': {
    'zh-CN': '评审专家申请回避',
    en: 'Expert recused',
  },
  'application.expert_replaced': {
    'zh-CN': '重新抽取回避专家',
    en: 'Recused expert replaced',
  },
  'application.experts_drawn': {
    'zh-CN': '抽取评审专家',
    en: 'Experts drawn',
  },
  'application.file_removed': {
    'zh-CN': '删除申报材料',
    en: 'Material removed',
  },
  'application.file_uploaded': {
    'zh-CN': '上传申报材料',
    en: 'Material uploaded',
  },
  'application.stage_overdue': {
    'zh-CN': '办理环节超期',
    en: 'Stage overdue',
  },
  'application.stage_reminder': {
    'zh-CN': '办理环节临期提醒',
    en: 'Stage deadline reminder',
  },
  'application.file_downloaded': {
    'zh-CN': '下载申报材料',
    en: 'Material downloaded',
  },
  'application.form_saved': {
    'zh-CN': '保存申报表',
    en: 'Application form saved',
  },
  'application.read_by_auditor': {
    'zh-CN': '审计员查阅申报',
    en: 'Application read by auditor',
  },
  'audit.exported': { 'zh-CN': '导出审计日志', en: 'Audit log exported' },
  'auth.login': { 'zh-CN': '登录', en: 'Sign-in' },
  'auth.logout': { 'zh-CN': '退出登录', en: 'Sign-out' },
  'auth.password_changed': { 'zh-CN': '修改密码', en: 'Password changed' },
  'auth.password_reset': { 'zh-CN': '重置密码', en: 'Password reset' },
  'auth.password_reset_mailed': {
    'zh-CN': '发送密码重置邮件',
    en: 'Password reset mail sent',
  },
  'auth.password_reset_requested': {
    'zh-CN': '申请重置密码',
    en: 'Password reset requested',
  },
  'auth.reauthentication': { 'zh-CN': '再次验证身份', en: 'Re-authentication' },
  'auth.second_factor': { 'zh-CN': '双因素验证', en: 'Second-factor check' },
  'auth.second_factor_enrolled': {
    'zh-CN': '启用双因素验证',
    en: 'Second factor enrolled',
  },
  'auth.second_factor_enrolment_started': {
    'zh-CN': '开始设置双因素验证',
    en: 'Second-factor set-up started',
  },
  'calendar.override_removed': {
    'zh-CN': '删除工作日调整',
    en: 'Calendar override removed',
  },
  'calendar.override_set': {
    'zh-CN': '设置工作日调整',
    en: 'Calendar override set',
  },
  'call.closed': { 'zh-CN': '关闭申报批次', en: 'Call closed' },
  'call.closed_early': {
    'zh-CN': '提前截止申报批次',
    en: 'Call closed early',
  },
  'call.created': { 'zh-CN': '创建申报批次', en: 'Call created' },
  'call.updated': { 'zh-CN': '修改申报批次', en: 'Call changed' },
  'call.draft_reminder': {
    'zh-CN': '提醒未提交草稿',
    en: 'Draft reminder sent',
  },
  'call.opened': { 'zh-CN': '开放申报批次', en: 'Call opened' },
  'clock.moved': { 'zh-CN': '调整开发时钟', en: 'Development clock moved' },
  'company.contact_updated': {
    'zh-CN': '修改企业联系人',
    en: 'Company contact changed',
  },
  'company.figures_saved': {
    'zh-CN': '保存企业年度数据',
    en: 'Company figures saved',
  },
  'company.licence_uploaded': {
    'zh-CN': '上传营业执照',
    en: 'Business licence uploaded',
  },
  'company.licence_viewed': {
    'zh-CN': '查看企业营业执照',
    en: 'Business licence viewed',
  },
  'company.member_invited': {
    'zh-CN': '邀请企业成员',
    en: 'Company member invited',
  },
  'company.member_joined': {
    'zh-CN': '企业成员加入',
    en: 'Company member joined',
  },
  'company.member_removed': {
    'zh-CN': '移除企业成员',
    en: 'Company member removed',
  },
  'company.member_role_changed': {
    'zh-CN': '变更企业成员角色',
    en: 'Company member role changed',
  },
  'company.registered': { 'zh-CN': '企业注册', en: 'Company registered' },
  'company.registration_existing_email': {
    'zh-CN': '以已注册邮箱注册企业',
    en: 'Registration with an existing e-mail',
  },
  'company.verification_rejected': {
    'zh-CN': '企业核验不通过',
    en: 'Company verification rejected',
  },
  'company.verified': { 'zh-CN': '企业核验通过', en: 'Company verified' },
  'expert.conflicts_declared': {
    'zh-CN': '专家申报回避单位',
    en: 'Expert declared conflicts',
  },
  'permission.denied': { 'zh-CN': '越权访问被拒绝', en: 'Permission refused' },
  'staff.deactivated': { 'zh-CN': '停用账号', en: 'Account deactivated' },
  'staff.invited': { 'zh-CN': '邀请工作人员', en: 'Staff member invited' },
  'staff.joined': { 'zh-CN': '工作人员加入', en: 'Staff member joined' },
  'staff.reactivated': { 'zh-CN': '恢复账号', en: 'Account reactivated' },
  'staff.second_factor_reset': {
    'zh-CN': '重置双因素验证',
    en: 'Second factor reset',
  },
  'targets.set': { 'zh-CN': '设定年度目标', en: 'Yearly targets set' },
  'voucher_settlement.recorded': {
    'zh-CN': '登记创新券结算',
    en: 'Voucher settlement recorded',
  },
} as const satisfies Record<string, { 'zh-CN': string; en: string }>;

export type AuditAction = keyof typeof AUDIT_ACTION_LABELS;
export const AUDIT_ACTIONS = /* @__PURE__ */ Object.keys(
  AUDIT_ACTION_LABELS,
) as AuditAction[];

export function isAuditAction(code: string): code is AuditAction {
  return Object.prototype.hasOwnProperty.call(AUDIT_ACTION_LABELS, code);
}

/** The action in words; an unknown code (an older release's) is shown as it is. */
export function auditActionLabel(
  code: string,
  language: 'zh-CN' | 'en',
): string {
  return isAuditAction(code) ? AUDIT_ACTION_LABELS[code][language] : code;
}

/** The codes whose words in either language contain `text` (case-insensitive), for the free-text search. */
export function auditActionsMatching(text: string): AuditAction[] {
  const needle = text.trim().toLowerCase();
  if (!needle) return [];
  return AUDIT_ACTIONS.filter((code) => {
    const label = AUDIT_ACTION_LABELS[code];
    return (
      label['zh-CN'].toLowerCase().includes(needle) ||
      label.en.toLowerCase().includes(needle)
    );
  });
}
