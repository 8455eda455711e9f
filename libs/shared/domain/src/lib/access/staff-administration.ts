import {
  regionContains,
  regionLevel,
  type RegionLevel,
} from '../regions/region-code';
import type { MembershipGrant, Role } from './roles';

/** The roles a bureau administrator invites, deactivates and resets (never auditors or system admins: 三员分立). */
export const ADMINISTERED_ROLES = [
  'reviewer',
  'expert',
  'bank_officer',
  'service_provider',
  'bureau_admin',
] as const;
export type AdministeredRole = (typeof ADMINISTERED_ROLES)[number];

export function isAdministeredRole(role: Role): role is AdministeredRole {
  return (ADMINISTERED_ROLES as readonly Role[]).includes(role);
}

/** Where a staff membership sits: its role and its organisation's region. */
export interface StaffPlacement {
  readonly role: Role;
  /** The organisation's region: a bureau's jurisdiction, a bank's or provider's seat, the expert pool's province. */
  readonly regionCode: string;
}

const LEVEL_RANK: Record<RegionLevel, number> = {
  province: 0,
  city: 1,
  county: 2,
};

/**
 * Why an administrator may not place or manage a membership, or null when they may. A bureau
 * admin works inside their own region; another bureau admin only one level below theirs or
 * lower (a county admin invites no admins); a system admin may place admins of any level of
 * their province. The expert pool is the province's, so only province-level admins reach it.
 */
export function staffAdministrationRefusal(
  admin: MembershipGrant,
  target: StaffPlacement,
): 'role' | 'region' | 'level' | null {
  if (admin.role !== 'bureau_admin' && admin.role !== 'system_admin')
    return 'role';
  if (!isAdministeredRole(target.role)) return 'role';
  if (!admin.regionCode || !regionContains(admin.regionCode, target.regionCode))
    return 'region';
  if (target.role === 'bureau_admin' && admin.role === 'bureau_admin') {
    const adminLevel = admin.level ?? regionLevel(admin.regionCode);
    if (LEVEL_RANK[regionLevel(target.regionCode)] <= LEVEL_RANK[adminLevel])
      return 'level';
  }
  return null;
}

/** The first of `admins` that may manage `target` (an admin may hold several memberships). */
export function administeringGrant(
  admins: readonly MembershipGrant[],
  target: StaffPlacement,
): MembershipGrant | null {
  return (
    admins.find((a) => staffAdministrationRefusal(a, target) === null) ?? null
  );
}
