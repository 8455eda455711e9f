import type { Role } from './roles';

/** The roles a company's administrator gives its members (as the permission map reads them). */
export const COMPANY_ROLES = ['enterprise_admin', 'enterprise_member'] as const;
export type CompanyRole = (typeof COMPANY_ROLES)[number];

export function isCompanyRole(role: Role): role is CompanyRole {
  return (COMPANY_ROLES as readonly Role[]).includes(role);
}

/** A change an administrator makes to one member: removal, or a new role. */
export type MemberChange =
  | { readonly kind: 'remove' }
  | { readonly kind: 'role'; readonly role: CompanyRole };

/**
 * Why a change to a company's members is refused, or null: a company always keeps at least one
 * administrator, so the last one can be neither removed nor made a member (by anyone, themselves
 * included).
 */
export function memberChangeProblem(
  members: readonly { readonly userId: string; readonly role: Role }[],
  userId: string,
  change: MemberChange,
): 'not_member' | 'last_admin' | null {
  const target = members.find((m) => m.userId === userId);
  if (!target) return 'not_member';
  const losesAdmin =
    target.role === 'enterprise_admin' &&
    (change.kind === 'remove' || change.role !== 'enterprise_admin');
  if (!losesAdmin) return null;
  const otherAdmins = members.filter(
    (m) => m.role === 'enterprise_admin' && m.userId !== userId,
  );
  return otherAdmins.length ? null : 'last_admin';
}
