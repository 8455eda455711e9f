export * from './lib/lib.routes';
