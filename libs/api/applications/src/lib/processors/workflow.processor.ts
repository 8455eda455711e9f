import { Process, Processor } from '@nestjs/bull';
import { QUEUES, type WorkflowJobPayload } from '@portal/api-jobs';
import type { Job } from 'bull';
import { CallDeadlinesService } from '../calls/call-deadlines.service';
import {
  WorkflowAutomationService,
  type JobOutcome,
} from './workflow-automation.service';

/** Thin: the automated stages of the workflows. */
@Processor(QUEUES.workflow)
export class WorkflowProcessor {
  constructor(
    private readonly automation: WorkflowAutomationService,
    private readonly deadlines: CallDeadlinesService,
  ) {}

  @Process('auto-check')
  autoCheck(job: Job<WorkflowJobPayload>): Promise<JobOutcome> {
    return this.automation.autoCheck(job.data);
  }

  @Process('notice-expiry')
  noticeExpiry(job: Job<WorkflowJobPayload>): Promise<JobOutcome> {
    return this.automation.noticeExpired(job.data);
  }

  @Process('calls-tick')
  callsTick(): Promise<{ reminded: number; closed: number }> {
    return this.deadlines.tick();
  }

  @Process('voucher-expiry')
  voucherExpiry(job: Job<WorkflowJobPayload>): Promise<JobOutcome> {
    return this.automation.voucherExpired(job.data);
  }
}

/** Thin: the clocks of the review stages. */
@Processor(QUEUES.timers)
export class TimersProcessor {
  constructor(private readonly automation: WorkflowAutomationService) {}

  @Process('stage-reminder')
  reminder(job: Job<WorkflowJobPayload>): Promise<JobOutcome> {
    return this.automation.stageDeadline(job.data, 'reminder');
  }

  @Process('stage-escalation')
  escalation(job: Job<WorkflowJobPayload>): Promise<JobOutcome> {
    return this.automation.stageDeadline(job.data, 'escalation');
  }

  @Process('commitment-due')
  commitmentDue(job: Job<WorkflowJobPayload>): Promise<JobOutcome> {
    return this.automation.commitmentDue(job.data);
  }
}
