import { InjectionToken, type Provider, type Type } from '@angular/core';
import { ApiRoutes } from '@portal/contracts';
import type { Permission } from '@portal/domain';

export type PortalAreaId =
  | 'company'
  | 'applications'
  | 'calls'
  | 'inbox'
  | 'review'
  | 'notices'
  | 'settlements'
  | 'audit'
  | 'mailOutbox'
  | 'adminCalls'
  | 'targets'
  | 'calendar'
  | 'staff';

/**
 * A work area of the portal: its own page, a menu entry and a section on the home page, all
 * shown exactly when the user holds its permission.
 */
export interface PortalArea {
  readonly id: PortalAreaId;
  readonly permission: Permission;
  /** The route of the area's own page. */
  readonly path: string;
  readonly titleKey: string;
  readonly icon: string;
}

export const PORTAL_AREAS: readonly PortalArea[] = [
  {
    id: 'company',
    permission: 'company.profile.read',
    path: '/company',
    titleKey: 'nav.company',
    icon: 'bank',
  },
  {
    id: 'applications',
    permission: 'applications.file',
    path: '/applications',
    titleKey: 'nav.applications',
    icon: 'file-text',
  },
  {
    // The calls a company may file in, with its own draft in each: for those who file.
    id: 'calls',
    permission: 'applications.file',
    path: '/calls',
    titleKey: 'nav.calls',
    icon: 'calendar',
  },
  {
    id: 'inbox',
    permission: 'applications.inbox',
    path: '/inbox',
    titleKey: 'nav.inbox',
    icon: 'inbox',
  },
  {
    id: 'review',
    permission: 'company.region.read',
    path: '/review',
    titleKey: 'nav.review',
    icon: 'safety-certificate',
  },
  {
    id: 'notices',
    permission: 'notices.read',
    path: '/notices',
    titleKey: 'nav.notices',
    icon: 'notification',
  },
  {
    // A city's monthly voucher settlement: recorded by the city's reviewers, read above the county.
    id: 'settlements',
    permission: 'vouchers.settlements.read',
    path: '/settlements',
    titleKey: 'nav.settlements',
    icon: 'account-book',
  },
  {
    // The bureau's own calls: create, edit, open and close (the applicant's /calls is for filing).
    id: 'adminCalls',
    permission: 'calls.manage',
    path: '/admin/calls',
    titleKey: 'nav.adminCalls',
    icon: 'schedule',
  },
  {
    id: 'targets',
    permission: 'targets.manage',
    path: '/admin/targets',
    titleKey: 'nav.targets',
    icon: 'aim',
  },
  {
    id: 'calendar',
    permission: 'calendar.manage',
    path: '/admin/calendar',
    titleKey: 'nav.calendar',
    icon: 'calendar',
  },
  {
    id: 'staff',
    permission: 'users.manage',
    path: '/admin/users',
    titleKey: 'nav.staff',
    icon: 'user',
  },
  {
    id: 'audit',
    permission: 'audit.read',
    path: '/audit',
    titleKey: 'nav.audit',
    icon: 'file-search',
  },
  {
    id: 'mailOutbox',
    permission: 'mail.outbox.read',
    path: '/mail-outbox',
    titleKey: 'nav.mailOutbox',
    icon: 'mail',
  },
];

/** The areas a user with these permissions works in, in menu order. */
export function areasFor(permissions: readonly Permission[]): PortalArea[] {
  return PORTAL_AREAS.filter((area) => permissions.includes(area.permission));
}

/** A menu entry: an in-app route, or a server-rendered page reached by full navigation. */
export type NavItem =
  | {
      readonly kind: 'route';
      readonly id: string;
      readonly titleKey: string;
      readonly icon: string;
      readonly route: string;
      readonly exact: boolean;
    }
  | {
      readonly kind: 'external';
      readonly id: string;
      readonly titleKey: string;
      readonly icon: string;
      readonly href: string;
    };

/** The side menu for these permissions: home, the user's areas, then server-rendered tools. */
export function navigationFor(permissions: readonly Permission[]): NavItem[] {
  const items: NavItem[] = [
    {
      kind: 'route',
      id: 'home',
      titleKey: 'nav.home',
      icon: 'home',
      route: '/',
      exact: true,
    },
    ...areasFor(permissions).map(
      (area): NavItem => ({
        kind: 'route',
        id: area.id,
        titleKey: area.titleKey,
        icon: area.icon,
        route: area.path,
        exact: false,
      }),
    ),
  ];
  if (permissions.includes('queues.dashboard')) {
    items.push({
      kind: 'external',
      id: 'queues',
      titleKey: 'nav.queues',
      icon: 'dashboard',
      href: ApiRoutes.queueDashboard,
    });
  }
  return items;
}

/** Loads the component a feature library renders for an area on the home page. */
export type HomeSectionLoader = () => Promise<Type<unknown>>;
export type HomeSectionLoaders = Partial<
  Record<PortalAreaId, HomeSectionLoader>
>;

/**
 * The home page's sections. Features may not import each other, so the app composes them:
 * it maps each area to a lazily loaded component of the library that owns it.
 */
export const HOME_SECTIONS = new InjectionToken<HomeSectionLoaders>(
  'HOME_SECTIONS',
  {
    factory: () => ({}),
  },
);

export function provideHomeSections(loaders: HomeSectionLoaders): Provider {
  return { provide: HOME_SECTIONS, useValue: loaders };
}
