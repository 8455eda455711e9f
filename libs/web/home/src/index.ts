export * from './lib/lib.routes';
export { loadCompanySection, loadReviewSection } from './lib/home-sections';
