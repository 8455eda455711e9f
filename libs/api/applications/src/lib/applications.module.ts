import { Module, type OnModuleInit } from '@nestjs/common';
import { assertValidProgrammes } from '@portal/domain';
import { ApplicationsController } from './applications/applications.controller';
import { ApplicationsService } from './applications/applications.service';
import { CallsController } from './calls/calls.controller';
import { CalendarController } from './calendar/calendar.controller';
import { CalendarService } from './calendar/calendar.service';
import { CallDeadlinesService } from './calls/call-deadlines.service';
import { CallsService } from './calls/calls.service';
import { CommitmentsService } from './commitments/commitments.service';
import { PartnersController } from './calls/partners.controller';
import { EventChainService } from './chain/event-chain.service';
import { DemoApplicationsSeeder } from './demo/demo-applications.seeder';
import { EffectsService } from './effects/effects.service';
import {
  EventChainController,
  InboxController,
} from './inbox/inbox.controller';
import { InboxService } from './inbox/inbox.service';
import {
  ExpertProfileController,
  ExpertsController,
  PublicNoticesController,
} from './experts/experts.controller';
import { ExpertsService } from './experts/experts.service';
import { PublicNoticesService } from './notices/public-notices.service';
import { MaterialsService } from './materials/materials.service';
import { OutboxRelay } from './outbox/outbox-relay.service';
import {
  TimersProcessor,
  WorkflowProcessor,
} from './processors/workflow.processor';
import { WorkflowAutomationService } from './processors/workflow-automation.service';
import { ReferenceNumbersService } from './references/reference-numbers.service';
import { GuardsService } from './transitions/guards.service';
import { TransitionService } from './transitions/transition.service';
import { VoucherLedgerService } from './vouchers/voucher-ledger.service';

const services = [
  ApplicationsService,
  CalendarService,
  CallsService,
  CommitmentsService,
  DemoApplicationsSeeder,
  EffectsService,
  EventChainService,
  ExpertsService,
  GuardsService,
  InboxService,
  MaterialsService,
  OutboxRelay,
  PublicNoticesService,
  ReferenceNumbersService,
  TransitionService,
  VoucherLedgerService,
  WorkflowAutomationService,
];

/** Calls, applications and their workflows: the HTTP side and the services queue handlers use. */
@Module({
  controllers: [
    ApplicationsController,
    CallsController,
    InboxController,
    EventChainController,
    ExpertsController,
    PublicNoticesController,
    PartnersController,
    CalendarController,
    ExpertProfileController,
  ],
  providers: services,
  exports: services,
})
export class ApplicationsModule implements OnModuleInit {
  /** A definition that is not sound stops the process before any case runs on it. */
  onModuleInit(): void {
    assertValidProgrammes();
  }
}

/** The workflow and timer queue handlers, for the worker and for an API that runs its own. */
@Module({
  imports: [ApplicationsModule],
  providers: [WorkflowProcessor, TimersProcessor, CallDeadlinesService],
  exports: [CallDeadlinesService],
})
export class ApplicationsProcessorsModule {}
