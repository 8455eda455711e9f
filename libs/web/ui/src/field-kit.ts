export * from './lib/styles/field-kit-styles';
export * from './lib/plain-field/plain-field';
