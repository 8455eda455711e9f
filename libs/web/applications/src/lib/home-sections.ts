import type { HomeSectionLoader } from '@portal/web-data-access';

/** The desk's section of the home page, loaded only when shown (see libs/web/home's loaders). */
export const loadDeskSection: HomeSectionLoader = () =>
  import('./inbox/desk-section').then((m) => m.DeskSection);
