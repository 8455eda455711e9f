export * from './lib/applications.module';
export * from './lib/applications/applications.dto';
export * from './lib/applications/applications.service';
export * from './lib/applications/application-views';
export * from './lib/calls/calls.service';
export * from './lib/calls/call-deadlines.service';
export * from './lib/materials/materials.service';
export { programmeFormComponents } from './lib/programmes/form-json-schema';
export { idempotencyKey } from './lib/applications/http-helpers';
