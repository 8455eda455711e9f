import {
  Injectable,
  Logger,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AuditService } from '@portal/api-access';
import { AppConfig, chinaDate, PortalClock } from '@portal/api-core';
import { ApplicationEntity, CallEntity } from '@portal/api-db';
import { JobProducer } from '@portal/api-jobs';
import { currentWorkflow, stateOf } from '@portal/domain';
import { workingDaysBetween } from '@portal/domain/calendar';
import { DataSource, IsNull, LessThanOrEqual, MoreThan } from 'typeorm';
import { WorkingCalendar } from '@portal/api-engine';

/** Drafts are reminded this many working days before their call closes. */
export const DRAFT_REMINDER_WORKING_DAYS = 3;
const TICK_EVERY_MS = 15 * 60_000;
const DAY_MS = 86_400_000;

/**
 * The calls' own clock, run by a repeatable Bull job: reminds the enterprises with unfinished
 * drafts three working days before a call closes, and records each call's closing. Each step
 * is claimed with a conditional UPDATE, so ticks in several workers still act once per call.
 */
@Injectable()
export class CallDeadlinesService implements OnApplicationBootstrap {
  private readonly logger = new Logger(CallDeadlinesService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly producer: JobProducer,
    private readonly audit: AuditService,
    private readonly config: AppConfig,
    private readonly calendar: WorkingCalendar,
    private readonly clock: PortalClock,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.config.runWorkers) return;
    try {
      await this.producer.queue('workflow').add(
        'calls-tick',
        {},
        {
          repeat: { every: TICK_EVERY_MS },
          jobId: 'calls-tick',
          removeOnComplete: 100,
        },
      );
    } catch (error) {
      this.logger.warn(
        `The calls clock is not scheduled yet (Redis?): ${(error as Error).message}`,
      );
    }
  }

  /** One tick at `now`, the portal's time unless a test gives one. */
  async tick(
    now = this.clock.now(),
  ): Promise<{ reminded: number; closed: number }> {
    return {
      reminded: await this.remindDrafts(now),
      closed: await this.recordClosings(now),
    };
  }

  private async remindDrafts(now: Date): Promise<number> {
    const calls = this.dataSource.getRepository(CallEntity);
    const soon = await calls.find({
      where: {
        draftsRemindedAt: IsNull(),
        closesAt: MoreThan(now),
        opensAt: LessThanOrEqual(now),
      },
    });
    const overrides = await this.calendar.overrides();
    let reminded = 0;
    for (const call of soon) {
      // Prefilter by calendar days; the rule itself counts working days.
      if (call.closesAt.getTime() - now.getTime() > 15 * DAY_MS) continue;
      const workingDaysLeft = workingDaysBetween(
        chinaDate(now),
        chinaDate(call.closesAt),
        overrides,
      );
      if (workingDaysLeft > DRAFT_REMINDER_WORKING_DAYS) continue;
      const claim = await calls.update(
        { id: call.id, draftsRemindedAt: IsNull() },
        { draftsRemindedAt: now },
      );
      if (claim.affected !== 1) continue;
      const drafts = await this.draftsOf(call);
      for (const draft of drafts) {
        await this.producer.enqueue(
          'notify',
          {
            kind: 'draft_reminder',
            applicationId: draft.id,
            eventId: null,
            callId: call.id,
            workingDaysLeft,
          },
          `draft_reminder:${call.id}:${draft.id}`,
        );
        await this.audit.record({
          action: 'call.draft_reminder',
          result: 'success',
          objectType: 'application',
          objectId: draft.id,
          detail: {
            callId: call.id,
            closesAt: call.closesAt.toISOString(),
            organisationId: draft.organisationId,
          },
        });
      }
      reminded += drafts.length;
    }
    return reminded;
  }

  private async recordClosings(now: Date): Promise<number> {
    const calls = this.dataSource.getRepository(CallEntity);
    const closed = await calls.find({
      where: { closedHandledAt: IsNull(), closesAt: LessThanOrEqual(now) },
    });
    let handled = 0;
    for (const call of closed) {
      const claim = await calls.update(
        { id: call.id, closedHandledAt: IsNull() },
        { closedHandledAt: now },
      );
      if (claim.affected !== 1) continue;
      const total = await this.dataSource
        .getRepository(ApplicationEntity)
        .countBy({ callId: call.id });
      const drafts = (await this.draftsOf(call)).length;
      await this.audit.record({
        action: 'call.closed',
        result: 'success',
        objectType: 'call',
        objectId: call.id,
        detail: { submitted: total - drafts, unsubmittedDrafts: drafts },
      });
      handled++;
    }
    return handled;
  }

  /** Applications of the call still in their workflow's initial state, held by the enterprise. */
  private draftsOf(call: CallEntity): Promise<ApplicationEntity[]> {
    const definition = currentWorkflow(call.type);
    const initial = definition.initial;
    if (stateOf(definition, initial).holder !== 'enterprise')
      return Promise.resolve([]);
    return this.dataSource.getRepository(ApplicationEntity).find({
      where: { callId: call.id, state: initial },
      select: { id: true, organisationId: true },
    });
  }
}
