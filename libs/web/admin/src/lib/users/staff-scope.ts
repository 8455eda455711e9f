import type { RegionView, StaffMemberView, StaffRole } from '@portal/contracts';
import {
  ADMINISTERED_ROLES,
  administeringGrant,
  grantsFor,
  regionContains,
  regionPath,
  staffAdministrationRefusal,
  type MembershipGrant,
} from '@portal/domain';

/** The memberships through which the signed-in user manages staff. */
export function adminGrants(
  memberships: readonly MembershipGrant[],
): MembershipGrant[] {
  return grantsFor(memberships, 'users.manage');
}

/** The regions inside the admin's own (for the list's region filter). */
export function regionsInScope(
  grants: readonly MembershipGrant[],
  regions: readonly RegionView[],
): RegionView[] {
  return regions.filter((r) =>
    grants.some((g) => g.regionCode && regionContains(g.regionCode, r.code)),
  );
}

/** The regions where the admin may place someone in `role` (the domain's rule, as the API applies it). */
export function placeableRegions(
  grants: readonly MembershipGrant[],
  regions: readonly RegionView[],
  role: StaffRole,
): RegionView[] {
  return regions.filter((r) =>
    grants.some(
      (g) =>
        staffAdministrationRefusal(g, { role, regionCode: r.code }) === null,
    ),
  );
}

/** The roles this admin can invite at all (a city admin has no expert pool; a county admin invites no admins). */
export function invitableRoles(
  grants: readonly MembershipGrant[],
  regions: readonly RegionView[],
): StaffRole[] {
  return ADMINISTERED_ROLES.filter((role) => {
    if (role === 'expert')
      return grants.some(
        (g) =>
          g.regionCode &&
          staffAdministrationRefusal(g, {
            role,
            regionCode: regionPath(g.regionCode).provinceCode,
          }) === null,
      );
    if (role === 'bank_officer' || role === 'service_provider')
      return grants.length > 0;
    return placeableRegions(grants, regions, role).length > 0;
  });
}

/**
 * Whether the admin may deactivate, reactivate or reset this person: not themselves, and every
 * role shown within their reach (a peer or higher admin is listed but left alone).
 */
export function canManage(
  grants: readonly MembershipGrant[],
  member: StaffMemberView,
  selfId: string | undefined,
): boolean {
  return (
    member.userId !== selfId &&
    member.memberships.length > 0 &&
    member.memberships.every(
      (m) =>
        administeringGrant(grants, {
          role: m.role,
          regionCode: m.regionCode,
        }) !== null,
    )
  );
}
