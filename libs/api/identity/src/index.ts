export * from './lib/identity.module';
export * from './lib/invitations/invitation-mail';
export * from './lib/dto/validators';
export * from './lib/bootstrap/system-admin-bootstrap.service';
