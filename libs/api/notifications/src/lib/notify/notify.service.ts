import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AppConfig, chinaDate, PortalClock } from '@portal/api-core';
import {
  type ApplicationEntity,
  type ApplicationEventEntity,
  ApplicationsRepository,
  CallEntity,
  insertRows,
  NotificationEntity,
} from '@portal/api-db';
import type { NotifyJobPayload } from '@portal/api-jobs';
import type {
  Language,
  NotificationKind,
  SupplementItem,
} from '@portal/contracts';
import {
  APPLICATION_FORMS,
  applicantMustHear,
  applicantWording,
  NOTIFICATION_CATEGORY,
  supervisingParty,
  techSmeRefilingOpensOn,
  workflowVersion,
  type NotifyTarget,
  type Party,
  type TransitionDefinition,
  type WorkflowDefinition,
} from '@portal/domain';
import { workingDaysBetween } from '@portal/domain/calendar';
import { DataSource, type EntityManager } from 'typeorm';
import { MailDeliveryService } from '../delivery/mail-delivery.service';
import { PreferencesService } from '../preferences/preferences.service';
import { render, type CaseFacts, type TemplateData } from '../templates';
import { resolveRecipients, type Recipient } from './recipients';

/** What one notify job is about, loaded once for every recipient. */
interface Occasion {
  readonly kind: Exclude<NotificationKind, 'digest'>;
  readonly causeKey: string;
  readonly application: ApplicationEntity;
  readonly definition: WorkflowDefinition;
  readonly companyName: string;
  readonly event: ApplicationEventEntity | null;
  readonly transition: TransitionDefinition | null;
  /** The state the message reports. */
  readonly state: string;
  readonly parties: readonly (Party | 'objector')[];
  readonly applicantMandatory: boolean;
  readonly items: readonly SupplementItem[];
  readonly committedAt: Date;
  readonly extra: Record<string, string | number>;
}

/**
 * The first hop: who hears of it, what each may receive (preferences, the digest, what cannot
 * be turned off), each message rendered in the recipient's language, all recorded under one
 * unique cause key — a second run writes nothing — and the e-mails handed to the send hop.
 */
@Injectable()
export class NotifyService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly config: AppConfig,
    private readonly preferences: PreferencesService,
    private readonly delivery: MailDeliveryService,
    private readonly clock: PortalClock,
  ) {}

  async notify(job: NotifyJobPayload): Promise<{ recipients: number }> {
    const occasion = await this.occasion(job);
    if (!occasion) return { recipients: 0 };
    const recipients = await resolveRecipients(
      this.dataSource.manager,
      occasion.application,
      occasion.parties,
      occasion.applicantMandatory,
    );
    const choices = await this.preferences.choicesOf(
      recipients.map((r) => r.userId),
    );
    const category = NOTIFICATION_CATEGORY[occasion.kind];
    const rows: NotificationEntity[] = [];
    for (const recipient of recipients) {
      const choice = choices.get(recipient.userId);
      if (recipient.optInOnly && !choice?.explicitStatusChange) continue;
      const message = render(
        occasion.kind,
        recipient.language,
        this.templateData(occasion, recipient) as never,
      );
      const base = {
        causeKey: occasion.causeKey,
        kind: occasion.kind,
        category,
        userId: recipient.userId,
        language: recipient.language,
        applicationId: occasion.application.id,
        eventId: occasion.event?.id ?? null,
        mandatory: recipient.mandatory,
        subject: message.subject.slice(0, 300),
        link: `/applications/${occasion.application.id}`,
        attempts: 0,
        lastError: null,
        claimedUntil: null,
        digestId: null,
        committedAt: occasion.committedAt,
        queuedAt: null,
        acceptedAt: null,
      };
      rows.push({
        ...base,
        id: randomUUID(),
        channel: 'portal',
        address: null,
        bodyText: message.notice,
        bodyHtml: null,
        status: 'sent',
        readAt: null,
        createdAt: new Date(),
      });
      const wantsEmail =
        recipient.mandatory || (choice?.email[category] ?? true);
      if (!wantsEmail) continue;
      rows.push({
        ...base,
        id: randomUUID(),
        channel: 'email',
        address: recipient.email,
        bodyText: message.text,
        bodyHtml: message.html,
        status:
          !recipient.mandatory &&
          occasion.kind === 'status_change' &&
          recipient.audience === 'staff' &&
          choice?.dailyDigest
            ? 'held_for_digest'
            : 'queued',
        readAt: null,
        createdAt: new Date(),
      });
    }
    // One multi-row INSERT IGNORE: atomic on its own, no transaction around it.
    const inserted = await insertIgnoringDuplicates(
      this.dataSource.manager,
      rows,
    );
    // A run after a crash finds some rows already there: then the queued ones are read back.
    await this.delivery.enqueueCause(
      occasion.causeKey,
      inserted === rows.length
        ? rows
            .filter((r) => r.channel === 'email' && r.status === 'queued')
            .map((r) => r.id)
        : undefined,
    );
    return { recipients: recipients.length };
  }

  private async occasion(job: NotifyJobPayload): Promise<Occasion | null> {
    // The case, its company's name and the event, in one statement.
    const found = await ApplicationsRepository.noticeCase(
      this.dataSource.manager,
      job.applicationId,
      job.eventId,
    );
    if (!found) return null;
    const { application, event } = found;
    const definition = workflowVersion(
      application.type,
      application.workflowVersion,
    );
    const common = {
      application,
      definition,
      companyName: found.companyName ?? '',
      event,
      extra: {},
    };
    switch (job.kind) {
      case 'status_change': {
        if (!event) return null;
        const transition = definition.transitions.find(
          (t) =>
            t.action === event.action &&
            t.from.includes(event.fromState ?? definition.initial),
        );
        if (!transition) return null;
        return {
          ...common,
          kind: job.kind,
          causeKey: event.id,
          transition,
          state: event.toState,
          parties: transition.notify.flatMap((target) =>
            partiesOfTarget(definition, event, target),
          ),
          applicantMandatory: applicantMustHear(definition, transition),
          items: (event.payload['items'] as SupplementItem[] | undefined) ?? [],
          committedAt: event.createdAt,
        };
      }
      case 'stage_reminder':
      case 'stage_escalation': {
        const holder = application.holder;
        if (!event || !holder) return null;
        const supervisor =
          job.kind === 'stage_escalation' ? supervisingParty(holder) : null;
        return {
          ...common,
          kind: job.kind,
          causeKey: `${job.kind}:${event.id}`,
          transition: null,
          state: application.state,
          parties: supervisor ? [holder, supervisor] : [holder],
          applicantMandatory: false,
          items: [],
          committedAt: new Date(),
        };
      }
      case 'commitment_overdue': {
        const { commitment } = application.decision;
        if (!event || !commitment) return null;
        return {
          ...common,
          kind: job.kind,
          causeKey: `${job.kind}:${event.id}`,
          transition: null,
          state: application.state,
          parties: ['enterprise', event.party],
          applicantMandatory: true,
          items: commitment.items,
          committedAt: new Date(),
          extra: { dueOn: commitment.dueOn },
        };
      }
      case 'refiling_reminder': {
        const { registration } = application.decision;
        if (!event || !registration) return null;
        return {
          ...common,
          kind: job.kind,
          causeKey: `${job.kind}:${event.id}`,
          transition: null,
          state: application.state,
          parties: ['enterprise'],
          // A lapsed registration stops the loans and programmes that need it.
          applicantMandatory: true,
          items: [],
          committedAt: new Date(),
          extra: {
            number: registration.number,
            validUntil: registration.validUntil,
            refilingOpensOn: techSmeRefilingOpensOn(
              registration.evaluationYear,
            ),
          },
        };
      }
      case 'draft_reminder': {
        const call = job.callId
          ? await this.dataSource.manager.findOneBy(CallEntity, {
              id: job.callId,
            })
          : null;
        if (!call || application.state !== definition.initial) return null;
        const closesOn = chinaDate(call.closesAt);
        return {
          ...common,
          kind: job.kind,
          causeKey: `${job.kind}:${call.id}:${application.id}`,
          transition: null,
          state: application.state,
          parties: ['enterprise'],
          applicantMandatory: false,
          items: [],
          committedAt: new Date(),
          extra: {
            callTitle: call.title,
            closesOn,
            workingDaysLeft:
              job.workingDaysLeft ??
              workingDaysBetween(chinaDate(this.clock.now()), closesOn),
          },
        };
      }
    }
  }

  private templateData(
    occasion: Occasion,
    recipient: Recipient,
  ): TemplateData[Exclude<NotificationKind, 'digest'>] {
    const language = recipient.language;
    const { application, definition } = occasion;
    const state = definition.states[occasion.state];
    const schema = APPLICATION_FORMS[application.type];
    const facts: CaseFacts = {
      recipientName: recipient.name,
      reference: application.reference,
      typeLabel: definition.label[language],
      companyName: occasion.companyName,
      statusLabel: state
        ? recipient.audience === 'applicant'
          ? state.applicantLabel[language]
          : state.staffLabel[language]
        : occasion.state,
      actionLabel: occasion.transition
        ? (recipient.audience === 'applicant'
            ? applicantWording(occasion.transition)
            : occasion.transition.label)[language]
        : '',
      comment: occasion.event?.comment ?? null,
      items: occasion.items.map((item) => itemLine(schema, item, language)),
      deadline:
        recipient.audience === 'staff' &&
        state?.timeLimitDays &&
        application.dueAt &&
        application.state === occasion.state
          ? { days: state.timeLimitDays, dueOn: chinaDate(application.dueAt) }
          : null,
      url: `${this.config.publicUrl}/applications/${application.id}`,
    };
    return { ...facts, ...occasion.extra } as TemplateData['draft_reminder'];
  }
}

/** The parties a definition's notify target names for one event. */
function partiesOfTarget(
  definition: WorkflowDefinition,
  event: ApplicationEventEntity,
  target: NotifyTarget,
): (Party | 'objector')[] {
  switch (target) {
    case 'applicant':
      return ['enterprise'];
    case 'holders':
      return [definition.states[event.toState]?.holder ?? 'system'];
    case 'previous_holders':
      return [
        definition.states[event.fromState ?? definition.initial]?.holder ??
          'system',
      ];
    case 'objector':
      return ['objector'];
  }
}

/** "Material name: the reviewer's note", in the recipient's language. */
function itemLine(
  schema: (typeof APPLICATION_FORMS)[keyof typeof APPLICATION_FORMS],
  item: SupplementItem,
  language: Language,
): string {
  const field = schema.sections
    .flatMap((s) => s.fields)
    .find((f) => f.key === item.target);
  const material = schema.materials.find((m) => m.key === item.target);
  const label =
    field?.label[language] ??
    material?.label[language] ??
    (language === 'zh-CN' ? '其他' : 'Other');
  return `${label}: ${item.note}`;
}

/** Inserts the rows a unique key does not already hold; returns how many went in. */
export function insertIgnoringDuplicates(
  em: EntityManager,
  rows: readonly NotificationEntity[],
): Promise<number> {
  if (!rows.length) return Promise.resolve(0);
  return insertRows(em, NotificationEntity, rows, { ignoreDuplicates: true });
}
