import type { HomeSectionLoader } from '@portal/web-data-access';

/*
 * The sections this library renders on the home page, each loaded only when shown. The barrel
 * exports these loaders rather than the components: the router loads the barrel for every URL,
 * and exporting a section would pull its forms and tables into that first load.
 */
export const loadCompanySection: HomeSectionLoader = () =>
  import('./company/company-section').then((m) => m.CompanySection);

export const loadReviewSection: HomeSectionLoader = () =>
  import('./review/review-section').then((m) => m.ReviewSection);
