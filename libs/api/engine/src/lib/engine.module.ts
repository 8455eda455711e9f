import { Module, type OnModuleInit } from '@nestjs/common';
import { assertValidProgrammes } from '@portal/domain';
import { EventChainController } from './chain/event-chain.controller';
import { EventChainService } from './chain/event-chain.service';
import { DevClockController } from './clock/dev-clock.controller';
import { DevClockService } from './clock/dev-clock.service';
import { WorkingCalendar } from './clock/working-calendar.service';
import { EffectsService } from './effects/effects.service';
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
  DevClockService,
  EffectsService,
  EventChainService,
  GuardsService,
  OutboxRelay,
  ReferenceNumbersService,
  TransitionService,
  VoucherLedgerService,
  WorkflowAutomationService,
  WorkingCalendar,
];

/**
 * The workflow engine: one transition in one transaction (access, version claim, guards,
 * effects, the hash-chained event, the outbox), read from the programmes' definitions.
 */
@Module({
  controllers: [DevClockController, EventChainController],
  providers: services,
  exports: services,
})
export class EngineModule implements OnModuleInit {
  /** A definition that is not sound stops the process before any case runs on it. */
  onModuleInit(): void {
    assertValidProgrammes();
  }
}

/** The engine's queue handlers (automated stages, timers), for the worker and an API that runs its own. */
@Module({
  imports: [EngineModule],
  providers: [WorkflowProcessor, TimersProcessor],
})
export class EngineProcessorsModule {}
