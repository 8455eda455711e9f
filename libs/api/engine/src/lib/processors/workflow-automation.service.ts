import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AuditService } from '@portal/api-access';
import { AppError, chinaDate, PortalClock } from '@portal/api-core';
import {
  ApplicationEntity,
  ApplicationsRepository,
  AttachmentsRepository,
  figuresBefore,
  GrantsRepository,
  updateRow,
} from '@portal/api-db';
import { JobProducer, type WorkflowJobPayload } from '@portal/api-jobs';
import type { AutoCheckReport, SupplementItem } from '@portal/contracts';
import {
  missingMaterials,
  programmeOf,
  systemTransition,
  validateForm,
  workflowVersion,
  type Trigger,
} from '@portal/domain';
import { DataSource } from 'typeorm';
import { openCommitment } from '../transitions/commitment';
import { OutboxRelay } from '../outbox/outbox-relay.service';
import { TransitionService } from '../transitions/transition.service';
import { SYSTEM } from '../transitions/transition.types';

export type JobOutcome = 'done' | 'skipped';

/**
 * What Bull does without anyone pressing a button. Every handler reloads the case and does
 * nothing when it has moved on since the job was scheduled, so a job run twice acts once.
 */
@Injectable()
export class WorkflowAutomationService {
  private readonly logger = new Logger(WorkflowAutomationService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly transitions: TransitionService,
    private readonly relay: OutboxRelay,
    private readonly audit: AuditService,
    private readonly producer: JobProducer,
    private readonly clock: PortalClock,
  ) {}

  /** Completeness and eligibility after submission; the report is kept for reviewers. */
  async autoCheck(job: WorkflowJobPayload): Promise<JobOutcome> {
    const application = await this.current(job);
    if (!application) return 'skipped';
    const report = await this.report(application);
    const items: SupplementItem[] = [
      ...report.formProblems.map((p) => ({
        target: p.field,
        note: `${p.field}: ${p.code}`,
      })),
      ...report.missingMaterials.map((key) => ({
        target: key,
        note: 'Upload this material',
      })),
      ...(report.eligibility?.rules ?? [])
        .filter((r) => !r.passed)
        .map((r) => ({
          target: 'other',
          note: `${r.explanation['zh-CN']} / ${r.explanation.en}`,
        })),
    ];
    await updateRow(
      this.dataSource.manager,
      ApplicationEntity,
      { id: application.id },
      { autoCheck: report },
    );
    return this.fireOn(
      application,
      { on: 'auto_check', outcome: report.passed ? 'passed' : 'failed' },
      {
        comment: report.passed
          ? undefined
          : 'The automated check found problems: see the itemised list.',
        items: report.passed ? undefined : items,
      },
    );
  }

  /**
   * The end of a state's time limit (a public notice) or of a grant's validity (a voucher): fires
   * what the definition has wait for it. A guard may hold it (an open objection keeps a notice
   * from certifying; the objection's review decides).
   */
  async timerEnded(
    job: WorkflowJobPayload,
    on: 'time_limit_end' | 'validity_end',
  ): Promise<JobOutcome> {
    const application = await this.current(job);
    return application ? this.fireOn(application, { on }, {}) : 'skipped';
  }

  /**
   * 80% (reminder) or 100% (escalation) of a stage's time limit while the case still sits there:
   * the desk (and, on escalation, the supervising level) is notified, and the audit log keeps it.
   */
  async stageDeadline(
    job: WorkflowJobPayload,
    kind: 'reminder' | 'escalation',
  ): Promise<JobOutcome> {
    const application = await this.current(job);
    if (!application) return 'skipped';
    const notice = kind === 'reminder' ? 'stage_reminder' : 'stage_escalation';
    await this.producer.enqueue(
      'notify',
      { kind: notice, applicationId: application.id, eventId: job.eventId },
      `${notice}:${job.eventId}`,
    );
    await this.audit.record({
      action:
        kind === 'reminder'
          ? 'application.stage_reminder'
          : 'application.stage_overdue',
      result: 'success',
      objectType: 'application',
      objectId: application.id,
      detail: {
        state: application.state,
        holder: application.holder,
        dueAt: application.dueAt?.toISOString() ?? null,
      },
    });
    return 'done';
  }

  /** The promised date of an acceptance with missing items: overdue unless the items came. */
  async commitmentDue(job: WorkflowJobPayload): Promise<JobOutcome> {
    const application = await this.dataSource
      .getRepository(ApplicationEntity)
      .findOneBy({ id: job.applicationId });
    const commitment = application ? openCommitment(application) : null;
    if (!application || !commitment) return 'skipped';
    await this.producer.enqueue(
      'notify',
      {
        kind: 'commitment_overdue',
        applicationId: application.id,
        eventId: job.eventId,
      },
      `commitment_overdue:${job.eventId}`,
    );
    await this.audit.record({
      action: 'application.commitment_overdue',
      result: 'success',
      objectType: 'application',
      objectId: application.id,
      detail: {
        dueOn: commitment.dueOn,
        items: commitment.items.map((i) => i.target),
      },
    });
    return 'done';
  }

  /**
   * 1 January after a registration, while nothing else has happened to it: the enterprise may
   * now file for the next evaluation year before the registration lapses on 31 March.
   */
  async refilingReminder(job: WorkflowJobPayload): Promise<JobOutcome> {
    const application = await this.current(job);
    if (!application) return 'skipped';
    await this.producer.enqueue(
      'notify',
      {
        kind: 'refiling_reminder',
        applicationId: application.id,
        eventId: job.eventId,
      },
      `refiling_reminder:${job.eventId}`,
    );
    return 'done';
  }

  /** The application, while the event that scheduled the job is still its latest. */
  private async current(
    job: WorkflowJobPayload,
  ): Promise<ApplicationEntity | null> {
    const application = await ApplicationsRepository.byId(
      this.dataSource.manager,
      job.applicationId,
    );
    return application && application.eventCount === job.seq
      ? application
      : null;
  }

  private async fireOn(
    application: ApplicationEntity,
    trigger: Trigger,
    extra: { comment?: string; items?: SupplementItem[] },
  ): Promise<JobOutcome> {
    const transition = systemTransition(
      workflowVersion(application.type, application.workflowVersion),
      application.state,
      trigger,
    );
    if (!transition) {
      this.logger.log(
        `${trigger.on} on ${application.id} skipped: nothing waits for it at "${application.state}"`,
      );
      return 'skipped';
    }
    const action = transition.action;
    try {
      const { outbox } = await this.dataSource.transaction((em) =>
        this.transitions.fire(
          em,
          SYSTEM,
          application.id,
          { action, version: application.version, ...extra },
          null,
        ),
      );
      void this.relay.dispatch(outbox);
      return 'done';
    } catch (error) {
      // Someone acted first, or a guard holds it (an open objection): nothing for the system to do.
      if (error instanceof AppError && error.status < 500) {
        this.logger.log(
          `${action} on ${application.id} skipped: ${error.message}`,
        );
        return 'skipped';
      }
      throw error;
    }
  }

  private async report(
    application: ApplicationEntity,
  ): Promise<AutoCheckReport> {
    const schema = programmeOf(application.type).form;
    const uploaded = await AttachmentsRepository.materialKeys(
      this.dataSource.manager,
      application.id,
    );
    const applicationDate = chinaDate(
      application.submittedAt ?? this.clock.now(),
    );
    const formProblems = validateForm(
      schema,
      application.form,
      'submit',
      applicationDate,
    );
    const missing = missingMaterials(schema, uploaded).map((m) => m.key);
    const { eligibility: rules } = programmeOf(application.type);
    const em = this.dataSource.manager;
    const years =
      rules && rules.canJudge(application.form)
        ? await figuresBefore(
            em,
            application.organisationId,
            Number(applicationDate.slice(0, 4)),
          )
        : null;
    const judged =
      rules && years
        ? rules.check({
            form: application.form,
            applicationDate,
            years,
            grants: rules.readsGrants
              ? await GrantsRepository.validOf(
                  em,
                  application.organisationId,
                  applicationDate,
                )
              : [],
          })
        : null;
    // Kept with the report: the reviewers read the figures the rules read, as they were then.
    const eligibility =
      judged && years
        ? {
            ...judged,
            figuresUsed: [...years].sort((a, b) => a.year - b.year),
          }
        : null;
    return {
      checkedAt: this.clock.now().toISOString(),
      passed:
        formProblems.length === 0 &&
        missing.length === 0 &&
        (rules === null || eligibility?.passed === true),
      formProblems,
      missingMaterials: missing,
      eligibility,
    };
  }
}
