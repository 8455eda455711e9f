import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import {
  chinaDate,
  chinaMorning,
  ConflictError,
  endOfChinaDay,
} from '@portal/api-core';
import {
  type ApplicationEntity,
  type ApplicationEventEntity,
  GrantsRepository,
  ObjectionEntity,
  type OutboxEntity,
  updateRow,
  VoucherLedgerEntryEntity,
} from '@portal/api-db';
import {
  JOB_QUEUES,
  type JobName,
  type NotifyJobPayload,
  type WorkflowJobPayload,
} from '@portal/api-jobs';
import {
  type ApplicationDecision,
  type EffectKey,
  type GrantSeries,
  programmeOf,
  stateOf,
  techSmeValidUntil,
  type TransitionDefinition,
  waitsFor,
  type WorkflowDefinition,
} from '@portal/domain';
import type { EntityManager } from 'typeorm';
import { ReferenceNumbersService } from '../references/reference-numbers.service';
import type { StageClock } from '../transitions/stage-clock';
import { VoucherLedgerService } from '../vouchers/voucher-ledger.service';

const CERTIFICATE_YEARS = 3;
const VOUCHER_VALID_MONTHS = 12;

export interface EffectContext {
  readonly em: EntityManager;
  /** The case as it was before the transition. */
  readonly application: ApplicationEntity;
  /** The decision so far: what the case held, with what the guards recorded. */
  readonly decision: ApplicationDecision;
  readonly now: Date;
}

export interface ScheduleContext {
  readonly application: ApplicationEntity;
  /** The decision as the transition leaves it. */
  readonly decision: ApplicationDecision;
  readonly clock: StageClock;
  readonly now: Date;
}

interface Scheduled {
  readonly job: JobName;
  readonly runAt: Date;
}

interface EffectHandler {
  /** Whether it locks or writes rows besides the case and its chain (the case is then claimed first). */
  readonly locks: boolean;
  /** In the transaction, before the case is written: what it adds to the decision. */
  readonly apply?: (ctx: EffectContext) => Promise<ApplicationDecision | void>;
  /** What Bull must do once the transaction commits (written as outbox rows in it). */
  readonly schedule?: (ctx: ScheduleContext) => readonly Scheduled[];
}

/**
 * The effects a definition names, each implemented once; which a transition has is the
 * definition's choice, never a comparison of programme names here.
 */
@Injectable()
export class EffectsService {
  constructor(
    private readonly references: ReferenceNumbersService,
    private readonly ledger: VoucherLedgerService,
  ) {}

  private readonly handlers: { readonly [K in EffectKey]: EffectHandler } = {
    run_auto_check: {
      locks: false,
      schedule: ({ now }) => [{ job: 'auto-check', runAt: now }],
    },
    stage_timer: {
      locks: false,
      schedule: ({ clock }) =>
        clock.remindAt && clock.dueAt
          ? [
              { job: 'stage-reminder', runAt: clock.remindAt },
              { job: 'stage-escalation', runAt: clock.dueAt },
            ]
          : [],
    },
    commitment_deadline: {
      locks: false,
      schedule: ({ decision }) =>
        decision.commitment
          ? [
              {
                job: 'commitment-due',
                runAt: endOfChinaDay(decision.commitment.dueOn),
              },
            ]
          : [],
    },
    dismiss_objections: {
      locks: true,
      apply: ({ em, application }) =>
        this.closeObjections(em, application, 'dismissed'),
    },
    uphold_objections: {
      locks: true,
      apply: ({ em, application }) =>
        this.closeObjections(em, application, 'upheld'),
    },
    issue_certificate: {
      locks: true,
      apply: async ({ em, application, now }) => {
        const today = chinaDate(now);
        const year = Number(today.slice(0, 4));
        const serial = await this.references.next(
          em,
          'certificate',
          year,
          application.provinceCode,
        );
        const certificate = {
          number: `GR${year}${application.provinceCode.slice(0, 2)}${String(serial).padStart(6, '0')}`,
          issuedOn: today,
          validUntil: addMonths(today, CERTIFICATE_YEARS * 12, -1),
        };
        await recordGrant(
          em,
          application,
          'high_tech_certificate',
          certificate,
          now,
        );
        return { certificate };
      },
    },
    issue_registration: {
      locks: true,
      apply: async ({ em, application, now }) => {
        const today = chinaDate(now);
        const evaluationYear = Number(today.slice(0, 4));
        const serial = await this.references.next(
          em,
          'tech_sme_registration',
          evaluationYear,
          application.countyCode,
        );
        const registration = {
          number: `${evaluationYear}${application.countyCode}${String(serial).padStart(6, '0')}`,
          evaluationYear,
          issuedOn: today,
          validUntil: techSmeValidUntil(evaluationYear),
        };
        await recordGrant(
          em,
          application,
          'tech_sme_registration',
          registration,
          now,
        );
        return { registration };
      },
    },
    remind_refiling: {
      locks: false,
      schedule: ({ now }) => [
        {
          job: 'refiling-reminder',
          runAt: chinaMorning(
            `${Number(chinaDate(now).slice(0, 4)) + 1}-01-01`,
          ),
        },
      ],
    },
    issue_voucher: {
      locks: false,
      apply: async ({ decision, now }) => {
        if (!decision.voucher) return;
        const today = chinaDate(now);
        return {
          voucher: {
            ...decision.voucher,
            issuedOn: today,
            validUntil: addMonths(today, VOUCHER_VALID_MONTHS, -1),
          },
        };
      },
    },
    release_ledger: {
      locks: true,
      apply: async ({ em, application, decision }) => {
        const { voucher, redemption } = decision;
        if (!voucher || redemption?.subsidyYuan !== undefined) return;
        await this.ledger.book(em, {
          organisationId: application.organisationId,
          year: voucher.year,
          applicationId: application.id,
          kind: 'release',
          amountYuan: -voucher.amountYuan,
        });
      },
    },
    mark_ledger_paid: {
      locks: true,
      apply: async ({ em, application, decision }) => {
        const { settlement, redemption } = decision;
        // A redemption that paid nothing booked nothing (VoucherLedgerService.book skips 0).
        if (!settlement || !redemption?.subsidyYuan) return;
        const marked = await updateRow(
          em,
          VoucherLedgerEntryEntity,
          { applicationId: application.id, kind: 'redeem', settlementId: null },
          { settlementId: settlement.settlementId, paidOn: settlement.paidOn },
        );
        if (marked !== 1)
          throw new ConflictError(
            'GUARD_FAILED',
            `${application.reference} has no unpaid redemption on its company's voucher ledger.`,
          );
      },
    },
  };

  /** The effects of a transition: its own, and the definition's for an ending. */
  effectsOf(
    definition: WorkflowDefinition,
    transition: TransitionDefinition,
  ): readonly EffectKey[] {
    return stateOf(definition, transition.to).terminal
      ? [...transition.effects, ...(definition.endEffects ?? [])]
      : transition.effects;
  }

  /** Whether the transition's effects lock or write rows besides the case. */
  locks(
    definition: WorkflowDefinition,
    transition: TransitionDefinition,
  ): boolean {
    return this.effectsOf(definition, transition).some(
      (effect) => this.handlers[effect].locks,
    );
  }

  /** Runs the in-transaction part of each effect in order; returns the decision they leave. */
  async apply(
    definition: WorkflowDefinition,
    transition: TransitionDefinition,
    ctx: EffectContext,
  ): Promise<ApplicationDecision> {
    let decision = ctx.decision;
    for (const effect of this.effectsOf(definition, transition)) {
      const added = await this.handlers[effect].apply?.({ ...ctx, decision });
      if (added) decision = { ...decision, ...added };
    }
    return decision;
  }

  /**
   * The outbox rows of a transition: who hears of it, the jobs its effects schedule, and the
   * timers the state entered waits for (its time limit's end, the grant's validity end).
   */
  outboxRows(
    definition: WorkflowDefinition,
    transition: TransitionDefinition,
    event: ApplicationEventEntity,
    ctx: ScheduleContext,
  ): OutboxEntity[] {
    const { application, clock, decision, now } = ctx;
    const scheduled: Scheduled[] = [];
    if (transition.notify.length) scheduled.push({ job: 'notify', runAt: now });
    for (const effect of this.effectsOf(definition, transition))
      scheduled.push(...(this.handlers[effect].schedule?.(ctx) ?? []));
    if (waitsFor(definition, transition.to, 'time_limit_end') && clock.dueAt)
      scheduled.push({ job: 'time-limit-end', runAt: clock.dueAt });
    const validUntil = waitsFor(definition, transition.to, 'validity_end')
      ? programmeOf(application.type).validUntil?.(decision)
      : undefined;
    if (validUntil)
      scheduled.push({ job: 'validity-end', runAt: endOfChinaDay(validUntil) });
    return scheduled.map(({ job, runAt }) =>
      outboxRow(application, event, job, runAt, now),
    );
  }

  private async closeObjections(
    em: EntityManager,
    application: ApplicationEntity,
    status: 'dismissed' | 'upheld',
  ): Promise<void> {
    await updateRow(
      em,
      ObjectionEntity,
      { applicationId: application.id, status: 'open' },
      { status },
    );
  }
}

function outboxRow(
  application: ApplicationEntity,
  event: ApplicationEventEntity,
  job: JobName,
  runAt: Date,
  now: Date,
): OutboxEntity {
  const payload: WorkflowJobPayload | NotifyJobPayload =
    job === 'notify'
      ? {
          kind: 'status_change',
          applicationId: application.id,
          eventId: event.id,
        }
      : { applicationId: application.id, eventId: event.id, seq: event.seq };
  return {
    id: randomUUID(),
    applicationId: application.id,
    eventId: event.id,
    queue: JOB_QUEUES[job],
    jobName: job,
    payload: { ...payload },
    runAt,
    createdAt: now,
    dispatchedAt: null,
    completedAt: null,
  };
}

/** The grant as a row other programmes read (a loan's precondition, a direct qualification). */
async function recordGrant(
  em: EntityManager,
  application: ApplicationEntity,
  series: GrantSeries,
  grant: { number: string; issuedOn: string; validUntil: string },
  now: Date,
): Promise<void> {
  await GrantsRepository.record(em, {
    id: randomUUID(),
    series,
    number: grant.number,
    organisationId: application.organisationId,
    applicationId: application.id,
    issuedOn: grant.issuedOn,
    validUntil: grant.validUntil,
    createdAt: now,
  });
}

/** An ISO date `months` later, shifted by `days` (the day before the anniversary ends a term). */
function addMonths(date: string, months: number, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCMonth(d.getUTCMonth() + months);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}
