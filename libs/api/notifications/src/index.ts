export * from './lib/notifications.module';
export * from './lib/notify/notify.service';
export * from './lib/notify/company-notices.service';
export * from './lib/delivery/mail-delivery.service';
export * from './lib/digest/digest.service';
export * from './lib/templates';
