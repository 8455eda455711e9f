import type { RegionView } from '@portal/contracts';
import type { MembershipGrant } from '@portal/domain';
import { canManage, invitableRoles, placeableRegions } from './staff-scope';

const regions: RegionView[] = [
  { code: '330000', name: '浙江省', level: 'province' },
  { code: '330400', name: '嘉兴市', level: 'city' },
  { code: '330421', name: '嘉善县', level: 'county' },
  { code: '330424', name: '海盐县', level: 'county' },
];
const admin = (
  regionCode: string,
  level: MembershipGrant['level'],
): MembershipGrant => ({
  role: 'bureau_admin',
  organisationId: 'b',
  level,
  regionCode,
});

describe('staff scope on the page', () => {
  it('offers a county admin no admins and no experts', () => {
    expect(invitableRoles([admin('330421', 'county')], regions)).toEqual([
      'reviewer',
      'bank_officer',
      'service_provider',
    ]);
  });

  it('offers a city admin its counties for admins and itself for reviewers', () => {
    const city = [admin('330400', 'city')];
    expect(
      placeableRegions(city, regions, 'bureau_admin').map((r) => r.code),
    ).toEqual(['330421', '330424']);
    expect(
      placeableRegions(city, regions, 'reviewer').map((r) => r.code),
    ).toEqual(['330400', '330421', '330424']);
  });

  it('offers the province the expert pool', () => {
    expect(invitableRoles([admin('330000', 'province')], regions)).toContain(
      'expert',
    );
  });

  it('offers nothing to someone without users.manage', () => {
    const reviewer: MembershipGrant = {
      ...admin('330000', 'province'),
      role: 'reviewer',
    };
    expect(invitableRoles([], regions)).toEqual([]);
    expect(placeableRegions([reviewer], regions, 'reviewer')).toEqual([]);
  });

  it('lets an admin manage staff below, never a peer, a higher admin or themselves', () => {
    const city = [admin('330400', 'city')];
    const person = (role: 'reviewer' | 'bureau_admin', regionCode: string) => ({
      userId: `u-${role}-${regionCode}`,
      email: 'x@example.org',
      name: 'x',
      active: true,
      secondFactorEnabled: false,
      expert: null,
      memberships: [
        {
          role,
          regionCode,
          organisationId: 'o',
          organisationName: 'o',
          level: null,
        },
      ],
    });
    expect(canManage(city, person('reviewer', '330400'), 'me')).toBe(true);
    expect(canManage(city, person('bureau_admin', '330421'), 'me')).toBe(true);
    expect(canManage(city, person('bureau_admin', '330400'), 'me')).toBe(false);
    expect(
      canManage(city, person('reviewer', '330400'), 'u-reviewer-330400'),
    ).toBe(false);
  });
});
