export * from './lib/styles/field-kit-styles';
