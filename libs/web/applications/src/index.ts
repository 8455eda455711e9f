export * from './lib/lib.routes';
export * from './lib/home-sections';
