export * from './lib/applications.module';
export * from './lib/applications/applications.service';
export * from './lib/outbox/outbox-relay.service';
export * from './lib/processors/workflow-automation.service';
export * from './lib/chain/event-hash';
export * from './lib/demo/demo-applications.seeder';
export * from './lib/calls/calls.service';
export * from './lib/calls/call-deadlines.service';
