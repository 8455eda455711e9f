import type { MembershipGrant } from './roles';
import {
  administeringGrant,
  staffAdministrationRefusal,
} from './staff-administration';

const admin = (
  regionCode: string,
  level: MembershipGrant['level'],
  role: MembershipGrant['role'] = 'bureau_admin',
): MembershipGrant => ({ role, organisationId: 'b', level, regionCode });

const county = admin('330421', 'county');
const city = admin('330400', 'city');
const province = admin('330000', 'province');

describe('staff administration', () => {
  it('keeps a county admin to the staff of its own county', () => {
    expect(
      staffAdministrationRefusal(county, {
        role: 'reviewer',
        regionCode: '330421',
      }),
    ).toBeNull();
    expect(
      staffAdministrationRefusal(county, {
        role: 'reviewer',
        regionCode: '330424',
      }),
    ).toBe('region');
    expect(
      staffAdministrationRefusal(county, {
        role: 'reviewer',
        regionCode: '330400',
      }),
    ).toBe('region');
  });

  it('lets admins place other admins only at lower levels', () => {
    expect(
      staffAdministrationRefusal(county, {
        role: 'bureau_admin',
        regionCode: '330421',
      }),
    ).toBe('level');
    expect(
      staffAdministrationRefusal(city, {
        role: 'bureau_admin',
        regionCode: '330400',
      }),
    ).toBe('level');
    expect(
      staffAdministrationRefusal(city, {
        role: 'bureau_admin',
        regionCode: '330424',
      }),
    ).toBeNull();
    expect(
      staffAdministrationRefusal(city, {
        role: 'bureau_admin',
        regionCode: '330000',
      }),
    ).toBe('region');
    expect(
      staffAdministrationRefusal(province, {
        role: 'bureau_admin',
        regionCode: '330400',
      }),
    ).toBeNull();
    expect(
      staffAdministrationRefusal(province, {
        role: 'bureau_admin',
        regionCode: '330000',
      }),
    ).toBe('level');
  });

  it('leaves the provincial expert pool to the province', () => {
    const expert = { role: 'expert', regionCode: '330000' } as const;
    expect(staffAdministrationRefusal(city, expert)).toBe('region');
    expect(staffAdministrationRefusal(province, expert)).toBeNull();
  });

  it('never administers auditors or system admins, and only admins administer', () => {
    expect(
      staffAdministrationRefusal(province, {
        role: 'auditor',
        regionCode: '330000',
      }),
    ).toBe('role');
    expect(
      staffAdministrationRefusal(admin('330000', 'province', 'reviewer'), {
        role: 'reviewer',
        regionCode: '330421',
      }),
    ).toBe('role');
  });

  it('lets a system admin place a province admin, and picks the grant that may act', () => {
    const sys = admin('330000', 'province', 'system_admin');
    expect(
      staffAdministrationRefusal(sys, {
        role: 'bureau_admin',
        regionCode: '330000',
      }),
    ).toBeNull();
    expect(
      administeringGrant([county, city], {
        role: 'reviewer',
        regionCode: '330424',
      }),
    ).toBe(city);
    expect(
      administeringGrant([county], { role: 'reviewer', regionCode: '330424' }),
    ).toBeNull();
  });
});
