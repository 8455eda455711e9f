import { Module } from '@nestjs/common';
import { Process, Processor } from '@nestjs/bull';
import { EngineModule } from '@portal/api-engine';
import { QUEUES } from '@portal/api-jobs';
import { ApplicationsController } from './applications/applications.controller';
import { ApplicationsService } from './applications/applications.service';
import { CallDeadlinesService } from './calls/call-deadlines.service';
import { CallsController } from './calls/calls.controller';
import { CallsService } from './calls/calls.service';
import { PartnersController } from './calls/partners.controller';
import { CommitmentsService } from './commitments/commitments.service';
import { MaterialsService } from './materials/materials.service';
import { VoucherLedgerController } from './vouchers/voucher-ledger.controller';
import { VoucherLedgerViewService } from './vouchers/voucher-ledger-view.service';
import { ProgrammesController } from './programmes/programmes.controller';

const services = [
  ApplicationsService,
  CallDeadlinesService,
  CallsService,
  CommitmentsService,
  MaterialsService,
  VoucherLedgerViewService,
];

/**
 * What enterprises file: calls, drafts, materials, the detail and the actions on a case, and the
 * reads beside the detail (a voucher case's ledger).
 */
@Module({
  imports: [EngineModule],
  controllers: [
    ApplicationsController,
    CallsController,
    PartnersController,
    VoucherLedgerController,
    ProgrammesController,
  ],
  providers: services,
  exports: [...services, EngineModule],
})
export class ApplicationsModule {}

/** Thin: the calls' clock (draft reminders before closing, closings). */
@Processor(QUEUES.workflow)
export class CallsProcessor {
  constructor(private readonly deadlines: CallDeadlinesService) {}

  @Process('calls-tick')
  callsTick(): Promise<{ reminded: number; closed: number }> {
    return this.deadlines.tick();
  }
}

/** The calls' queue handler, for the worker and an API that runs its own. */
@Module({
  imports: [ApplicationsModule],
  providers: [CallsProcessor],
})
export class ApplicationsProcessorsModule {}
