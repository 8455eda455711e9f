export * from './lib/web-identity/web-identity';
