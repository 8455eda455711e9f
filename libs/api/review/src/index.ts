export * from './lib/review.module';
export * from './lib/experts/experts.service';
export * from './lib/inbox/inbox.service';
export * from './lib/notices/public-notices.service';
export * from './lib/settlements/voucher-settlements.service';
