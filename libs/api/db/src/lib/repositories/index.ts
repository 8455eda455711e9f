export * from './sessions.repository';
export * from './memberships.repository';
export * from './expert-assignments.repository';
export * from './objections.repository';
export * from './notifications.repository';
export * from './preferences.repository';
