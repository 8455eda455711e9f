export * from './lib/web-i18n/web-i18n';
