export * from './lib/mailer.service';
export * from './lib/mail.module';
