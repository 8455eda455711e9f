import type { MembershipGrant, Role } from '@portal/domain';
import { permissionsOf } from '@portal/domain';
import { areasFor, navigationFor } from './portal-areas';

function permissionsFor(...roles: Array<[Role, MembershipGrant['level']]>) {
  return permissionsOf(
    roles.map(([role, level], i) => ({
      role,
      level,
      organisationId: `org-${i}`,
      regionCode: '330421',
    })),
  );
}

const ids = (items: ReadonlyArray<{ id: string }>) =>
  items.map((item) => item.id);

describe('navigation from permissions', () => {
  it('shows an enterprise member home, the company, its applications and the calls', () => {
    expect(
      ids(navigationFor(permissionsFor(['enterprise_member', null]))),
    ).toEqual(['home', 'company', 'applications', 'calls', 'notices']);
  });

  it('shows a reviewer the inbox, the verification area and the public notices', () => {
    expect(ids(navigationFor(permissionsFor(['reviewer', 'county'])))).toEqual([
      'home',
      'inbox',
      'review',
      'notices',
    ]);
  });

  it("shows the voucher settlement to the city's and the province's reviewers, not the county's", () => {
    for (const level of ['city', 'province'] as const)
      expect(ids(navigationFor(permissionsFor(['reviewer', level])))).toContain(
        'settlements',
      );
    expect(
      ids(navigationFor(permissionsFor(['reviewer', 'county']))),
    ).not.toContain('settlements');
    expect(
      ids(navigationFor(permissionsFor(['bureau_admin', 'county']))),
    ).not.toContain('settlements');
  });

  it('shows an expert, a bank officer and a provider the inbox and the public notices', () => {
    for (const role of [
      'expert',
      'bank_officer',
      'service_provider',
    ] as const) {
      expect(ids(navigationFor(permissionsFor([role, null])))).toEqual([
        'home',
        'inbox',
        'notices',
      ]);
    }
  });

  it('shows an auditor the audit log and nothing to change', () => {
    expect(ids(navigationFor(permissionsFor(['auditor', 'county'])))).toEqual([
      'home',
      'audit',
    ]);
  });

  it('shows a bureau admin its own calls page and the yearly targets, not the applicant calls', () => {
    expect(
      ids(navigationFor(permissionsFor(['bureau_admin', 'county']))),
    ).toEqual(['home', 'review', 'notices', 'adminCalls', 'targets', 'staff']);
  });

  it('gives a system admin the holiday calendar, the outbox and a full-page link to the queue dashboard', () => {
    const items = navigationFor(permissionsFor(['system_admin', 'county']));
    expect(ids(items)).toEqual([
      'home',
      'calendar',
      'staff',
      'mailOutbox',
      'queues',
    ]);
    expect(items.at(-1)).toMatchObject({
      kind: 'external',
      href: '/api/admin/queues',
    });
  });

  it('combines the areas of several memberships', () => {
    const permissions = permissionsFor(
      ['reviewer', 'city'],
      ['auditor', 'city'],
    );
    expect(ids(areasFor(permissions))).toEqual([
      'inbox',
      'review',
      'notices',
      'settlements',
      'audit',
    ]);
  });

  it('decides from permissions, not from role names', () => {
    expect(ids(navigationFor(['audit.read', 'company.profile.read']))).toEqual([
      'home',
      'company',
      'audit',
    ]);
    expect(ids(navigationFor([]))).toEqual(['home']);
  });
});
