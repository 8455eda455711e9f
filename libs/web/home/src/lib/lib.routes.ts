import type { Route } from '@angular/router';
import { authGuard, permissionGuard } from '@portal/web-data-access';

/** Home, the enterprise's company page and the reviewers' verification page. */
export const homeRoutes: Route[] = [
  {
    path: '',
    pathMatch: 'full',
    title: 'titles.home',
    canActivate: [authGuard],
    loadComponent: () => import('./home/home.page').then((m) => m.HomePage),
  },
  {
    path: 'company',
    title: 'titles.company',
    canActivate: [authGuard, permissionGuard('company.profile.read')],
    loadComponent: () =>
      import('./company/company-section').then((m) => m.CompanySection),
  },
  {
    path: 'company/figures',
    title: 'titles.companyFigures',
    canActivate: [authGuard, permissionGuard('company.profile.read')],
    loadComponent: () =>
      import('./company/figures/company-figures.page').then(
        (m) => m.CompanyFiguresPage,
      ),
  },
  {
    path: 'company/high-tech-self-check',
    title: 'titles.highTechSelfCheck',
    canActivate: [authGuard, permissionGuard('company.profile.read')],
    loadComponent: () =>
      import('./company/self-check/high-tech-self-check.page').then(
        (m) => m.HighTechSelfCheckPage,
      ),
  },
  {
    path: 'review',
    title: 'titles.review',
    canActivate: [authGuard, permissionGuard('company.region.read')],
    loadComponent: () =>
      import('./review/review-section').then((m) => m.ReviewSection),
  },
];
