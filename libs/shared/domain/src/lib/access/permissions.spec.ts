import {
  grantsFor,
  hasPermission,
  PERMISSION_MAP,
  PERMISSIONS,
  permissionsOf,
} from './permissions';
import { ROLES, type MembershipGrant, type Role } from './roles';

function grant(
  role: Role,
  level: MembershipGrant['level'] = null,
  regionCode: string | null = '330421',
): MembershipGrant {
  return { role, organisationId: 'org', level, regionCode };
}

describe('permission map', () => {
  it('names a role that exists for every permission, and every role has a use', () => {
    for (const permission of PERMISSIONS) {
      expect(PERMISSION_MAP[permission].roles.length).toBeGreaterThan(0);
    }
    const used = new Set(
      PERMISSIONS.flatMap((p) => PERMISSION_MAP[p].roles as readonly Role[]),
    );
    expect(ROLES.filter((r) => !used.has(r))).toEqual([]);
  });

  it('lets county reviewers verify companies, but not city or province reviewers', () => {
    expect(hasPermission([grant('reviewer', 'county')], 'company.verify')).toBe(
      true,
    );
    expect(
      hasPermission([grant('reviewer', 'city', '330400')], 'company.verify'),
    ).toBe(false);
    expect(
      hasPermission(
        [grant('reviewer', 'province', '330000')],
        'company.verify',
      ),
    ).toBe(false);
    expect(
      hasPermission(
        [grant('reviewer', 'city', '330400')],
        'company.region.read',
      ),
    ).toBe(true);
  });

  it('lets bureau admins of any level verify', () => {
    expect(
      hasPermission(
        [grant('bureau_admin', 'city', '330400')],
        'company.verify',
      ),
    ).toBe(true);
  });

  it('keeps the auditor apart from the admins (三员分立)', () => {
    // Reads the trail and the cases it names; changes nothing.
    expect(
      [...permissionsOf([grant('auditor', 'province', '330000')])].sort(),
    ).toEqual(['applications.read', 'audit.read', 'vouchers.settlements.read']);
    expect(
      hasPermission(
        [grant('system_admin', 'province', '330000')],
        'audit.read',
      ),
    ).toBe(false);
    expect(hasPermission([grant('bureau_admin', 'county')], 'audit.read')).toBe(
      false,
    );
  });

  it("keeps recording a voucher settlement to the city's reviewers, reading to the bureaus above the county", () => {
    const record = 'vouchers.settlements.record';
    const read = 'vouchers.settlements.read';
    expect(hasPermission([grant('reviewer', 'city', '330400')], record)).toBe(
      true,
    );
    for (const other of [
      grant('reviewer', 'province', '330000'),
      grant('reviewer', 'county', '330421'),
      grant('bureau_admin', 'city', '330400'),
      grant('auditor', 'city', '330400'),
    ])
      expect(hasPermission([other], record)).toBe(false);
    expect(hasPermission([grant('reviewer', 'province', '330000')], read)).toBe(
      true,
    );
    expect(hasPermission([grant('reviewer', 'county', '330421')], read)).toBe(
      false,
    );
    expect(hasPermission([grant('enterprise_admin')], read)).toBe(false);
  });

  it('lets enterprise members file applications but keeps the company profile to its admins', () => {
    expect(permissionsOf([grant('enterprise_member')])).toEqual([
      'company.profile.read',
      'calls.read',
      'applications.file',
      'applications.read',
      'applications.act',
      'notices.read',
    ]);
    expect(permissionsOf([grant('enterprise_admin')])).toEqual([
      'company.profile.read',
      'company.profile.update',
      'company.members.manage',
      'calls.read',
      'applications.file',
      'applications.read',
      'applications.act',
      'notices.read',
    ]);
  });

  it('gives experts, banks and providers an inbox but no company or call administration', () => {
    for (const role of ['expert', 'bank_officer', 'service_provider'] as const)
      expect(permissionsOf([grant(role)])).toEqual([
        'applications.read',
        'applications.act',
        'applications.inbox',
        'notices.read',
      ]);
    expect(
      hasPermission([grant('reviewer', 'county', '330421')], 'calls.manage'),
    ).toBe(false);
  });

  it('returns the memberships through which a permission is held, for region scoping', () => {
    const county = grant('reviewer', 'county', '330421');
    const company = grant('enterprise_admin');
    expect(grantsFor([company, county], 'company.region.read')).toEqual([
      county,
    ]);
  });
});
