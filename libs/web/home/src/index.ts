export * from './lib/web-home/web-home';
