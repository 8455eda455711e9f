export * from './lib/styles/form-kit-styles';
