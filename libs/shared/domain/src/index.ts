export * from './lib/identity/unified-social-credit-code';
export * from './lib/identity/resident-id-number';
export * from './lib/identity/password-policy';
export * from './lib/regions/region-code';
export * from './lib/access/roles';
export * from './lib/access/permissions';
export * from './lib/identity/account-policy';
