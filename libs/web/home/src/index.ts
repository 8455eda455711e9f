export * from './lib/lib.routes';
export { CompanySection } from './lib/company/company-section';
export { ReviewSection } from './lib/review/review-section';
