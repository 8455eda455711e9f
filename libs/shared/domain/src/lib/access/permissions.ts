import type { RegionLevel } from '../regions/region-code';
import type { MembershipGrant, Role } from './roles';

/**
 * The one permission map. The API's guard enforces it; the web app reads it to decide which
 * pages and buttons to show. Region scoping (which companies a grant reaches) is applied on
 * top by `grantsFor` + the grant's region code.
 */
export const PERMISSIONS = [
  'company.profile.read',
  'company.profile.update',
  'company.members.manage',
  'company.region.read',
  'company.verify',
  'users.manage',
  'audit.read',
  'queues.dashboard',
  'mail.outbox.read',
  'mail.outbox.manage',
  'calls.read',
  'calls.manage',
  'applications.file',
  'applications.read',
  'applications.act',
  'applications.inbox',
  'notices.read',
  'calendar.manage',
  'clock.move',
  'targets.manage',
  'vouchers.settlements.read',
  'vouchers.settlements.record',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

interface Grant {
  readonly roles: readonly Role[];
  /** When set, a reviewer or bureau role grants this only at these levels. */
  readonly levels?: readonly RegionLevel[];
  /** Roles that hold it at any level though `levels` is set. */
  readonly anyLevel?: readonly Role[];
}

export const PERMISSION_MAP = {
  'company.profile.read': { roles: ['enterprise_admin', 'enterprise_member'] },
  'company.profile.update': { roles: ['enterprise_admin'] },
  'company.members.manage': { roles: ['enterprise_admin'] },
  'company.region.read': { roles: ['reviewer', 'bureau_admin'] },
  // Verifying a newly registered company is the county's work; a bureau admin of any level may.
  'company.verify': {
    roles: ['reviewer', 'bureau_admin'],
    levels: ['county'],
    anyLevel: ['bureau_admin'],
  },
  'users.manage': { roles: ['bureau_admin', 'system_admin'] },
  'audit.read': { roles: ['auditor'] },
  'queues.dashboard': { roles: ['system_admin'] },
  'mail.outbox.read': { roles: ['system_admin'] },
  // Re-sending a failed e-mail is the platform operator's call.
  'mail.outbox.manage': { roles: ['system_admin'] },
  'calls.read': {
    roles: [
      'enterprise_admin',
      'enterprise_member',
      'reviewer',
      'bureau_admin',
    ],
  },
  'calls.manage': { roles: ['bureau_admin'] },
  'applications.file': { roles: ['enterprise_admin', 'enterprise_member'] },
  // Reading is further limited per application: own company, region, assignment or bank; an
  // auditor reads every case of their region, and each read is audited.
  'applications.read': {
    roles: [
      'enterprise_admin',
      'enterprise_member',
      'reviewer',
      'expert',
      'bank_officer',
      'service_provider',
      'bureau_admin',
      'auditor',
    ],
  },
  // Which action in which state is the workflow definition's to say; this only admits the parties.
  'applications.act': {
    roles: [
      'enterprise_admin',
      'enterprise_member',
      'reviewer',
      'expert',
      'bank_officer',
      'service_provider',
    ],
  },
  'applications.inbox': {
    roles: ['reviewer', 'expert', 'bank_officer', 'service_provider'],
  },
  // Working-day corrections apply to every region's clocks, so they are the platform's.
  'calendar.manage': { roles: ['system_admin'] },
  // A region's yearly targets: its bureau admins set them for their region and those below.
  'targets.manage': { roles: ['bureau_admin'] },
  // A city's monthly voucher settlements: the city's reviewers record them (DOMAIN.md: the city
  // audits, settlement is monthly); the province's reviewers, bureau admins and auditors read.
  'vouchers.settlements.read': {
    roles: ['reviewer', 'bureau_admin', 'auditor'],
    levels: ['city', 'province'],
  },
  'vouchers.settlements.record': { roles: ['reviewer'], levels: ['city'] },
  // Moving the development clock forward (never in production: the API refuses the route there).
  'clock.move': { roles: ['system_admin'] },
  // The public notice is public to everyone signed in, and so is the right to object.
  'notices.read': {
    roles: [
      'enterprise_admin',
      'enterprise_member',
      'reviewer',
      'expert',
      'bank_officer',
      'service_provider',
      'bureau_admin',
    ],
  },
} as const satisfies Record<Permission, Grant>;

function grantAllows(grant: Grant, membership: MembershipGrant): boolean {
  if (!grant.roles.includes(membership.role)) return false;
  if (!grant.levels || grant.anyLevel?.includes(membership.role)) return true;
  return membership.level !== null && grant.levels.includes(membership.level);
}

/** The memberships of a user through which `permission` is held (empty: not held). */
export function grantsFor(
  memberships: readonly MembershipGrant[],
  permission: Permission,
): MembershipGrant[] {
  const grant: Grant = PERMISSION_MAP[permission];
  return memberships.filter((m) => grantAllows(grant, m));
}

export function hasPermission(
  memberships: readonly MembershipGrant[],
  permission: Permission,
): boolean {
  return grantsFor(memberships, permission).length > 0;
}

export function permissionsOf(
  memberships: readonly MembershipGrant[],
): Permission[] {
  return PERMISSIONS.filter((p) => hasPermission(memberships, p));
}
