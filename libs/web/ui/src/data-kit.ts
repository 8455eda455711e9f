export * from './lib/styles/data-kit-styles';
