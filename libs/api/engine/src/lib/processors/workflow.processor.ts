import { Process, Processor } from '@nestjs/bull';
import {
  HANDLER_CONCURRENCY,
  QUEUES,
  type WorkflowJobPayload,
} from '@portal/api-jobs';
import type { Job } from 'bull';
import {
  WorkflowAutomationService,
  type JobOutcome,
} from './workflow-automation.service';

/** Thin: the automated stages of the workflows. */
@Processor(QUEUES.workflow)
export class WorkflowProcessor {
  constructor(private readonly automation: WorkflowAutomationService) {}

  @Process({ name: 'auto-check', concurrency: HANDLER_CONCURRENCY })
  autoCheck(job: Job<WorkflowJobPayload>): Promise<JobOutcome> {
    return this.automation.autoCheck(job.data);
  }

  @Process('time-limit-end')
  timeLimitEnd(job: Job<WorkflowJobPayload>): Promise<JobOutcome> {
    return this.automation.timerEnded(job.data, 'time_limit_end');
  }

  @Process('validity-end')
  validityEnd(job: Job<WorkflowJobPayload>): Promise<JobOutcome> {
    return this.automation.timerEnded(job.data, 'validity_end');
  }
}

/** Thin: the clocks of the review stages. */
@Processor(QUEUES.timers)
export class TimersProcessor {
  constructor(private readonly automation: WorkflowAutomationService) {}

  @Process({ name: 'stage-reminder', concurrency: HANDLER_CONCURRENCY })
  reminder(job: Job<WorkflowJobPayload>): Promise<JobOutcome> {
    return this.automation.stageDeadline(job.data, 'reminder');
  }

  @Process({ name: 'stage-escalation', concurrency: HANDLER_CONCURRENCY })
  escalation(job: Job<WorkflowJobPayload>): Promise<JobOutcome> {
    return this.automation.stageDeadline(job.data, 'escalation');
  }

  @Process('refiling-reminder')
  refilingReminder(job: Job<WorkflowJobPayload>): Promise<JobOutcome> {
    return this.automation.refilingReminder(job.data);
  }

  @Process({ name: 'commitment-due', concurrency: HANDLER_CONCURRENCY })
  commitmentDue(job: Job<WorkflowJobPayload>): Promise<JobOutcome> {
    return this.automation.commitmentDue(job.data);
  }
}
