export * from './lib/error-alert/error-alert';
export * from './lib/verification-status/verification-status';
export * from './lib/password-policy/password-policy';
export * from './lib/forms/validators';
export * from './lib/forms/server-errors';
export * from './lib/icon/icon';
export * from './lib/clock-banner/clock-banner';
export * from './lib/file-preview/file-preview';
