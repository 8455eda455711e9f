import type { RegionLevel } from '../regions/region-code';

export const ORGANISATION_KINDS = [
  'enterprise',
  'bureau',
  'bank',
  'provider',
] as const;
export type OrganisationKind = (typeof ORGANISATION_KINDS)[number];

export const ROLES = [
  'enterprise_admin',
  'enterprise_member',
  'reviewer',
  'expert',
  'bank_officer',
  'service_provider',
  'bureau_admin',
  'system_admin',
  'auditor',
] as const;
export type Role = (typeof ROLES)[number];

export interface RoleDefinition {
  /** The kind of organisation a membership with this role belongs to. */
  readonly organisationKind: OrganisationKind;
  /** Bureau staff, admins and auditors: a second factor is required when REQUIRE_STAFF_2FA is on. */
  readonly staff: boolean;
  readonly label: { readonly 'zh-CN': string; readonly en: string };
}

export const ROLE_DEFINITIONS = {
  enterprise_admin: {
    organisationKind: 'enterprise',
    staff: false,
    label: { 'zh-CN': '企业管理员', en: 'Enterprise admin' },
  },
  enterprise_member: {
    organisationKind: 'enterprise',
    staff: false,
    label: { 'zh-CN': '企业成员', en: 'Enterprise member' },
  },
  reviewer: {
    organisationKind: 'bureau',
    staff: true,
    label: { 'zh-CN': '审核员', en: 'Reviewer' },
  },
  expert: {
    organisationKind: 'bureau',
    staff: false,
    label: { 'zh-CN': '评审专家', en: 'Expert' },
  },
  bank_officer: {
    organisationKind: 'bank',
    staff: false,
    label: { 'zh-CN': '银行客户经理', en: 'Bank officer' },
  },
  service_provider: {
    organisationKind: 'provider',
    staff: false,
    label: { 'zh-CN': '服务机构', en: 'Service provider' },
  },
  bureau_admin: {
    organisationKind: 'bureau',
    staff: true,
    label: { 'zh-CN': '科技局管理员', en: 'Bureau admin' },
  },
  system_admin: {
    organisationKind: 'bureau',
    staff: true,
    label: { 'zh-CN': '系统管理员', en: 'System admin' },
  },
  auditor: {
    organisationKind: 'bureau',
    staff: true,
    label: { 'zh-CN': '安全审计员', en: 'Auditor' },
  },
} as const satisfies Record<Role, RoleDefinition>;

/** What the permission map needs to know of one membership of a user. */
export interface MembershipGrant {
  readonly role: Role;
  readonly organisationId: string;
  /** For bureau memberships: the bureau's level; null for other organisations. */
  readonly level: RegionLevel | null;
  /** The organisation's region code (a bureau's jurisdiction, an enterprise's county). */
  readonly regionCode: string | null;
}

export function isStaff(grants: readonly MembershipGrant[]): boolean {
  return grants.some((g) => ROLE_DEFINITIONS[g.role].staff);
}
