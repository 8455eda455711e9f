import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import {
  AppError,
  ConflictError,
  ForbiddenError,
  NotFoundError,
  PortalClock,
  ValidationFailedError,
} from '@portal/api-core';
import {
  ApplicationEntity,
  ApplicationEventEntity,
  ApplicationsRepository,
  AttachmentsRepository,
  insertRows,
  OutboxEntity,
  updateRow,
} from '@portal/api-db';
import {
  applicantEditing,
  canTransition,
  partiesOf,
  partyOf,
  stateOf,
  workflowVersion,
  type ApplicationDecision,
  type MembershipGrant,
  type Party,
  type ReturnSnapshot,
} from '@portal/domain';
import type { EntityManager } from 'typeorm';
import {
  accessFactsFor,
  mayRead,
  membershipAs,
  partiesOn,
  type AccessFacts,
} from '../access/application-access';
import { WorkingCalendar } from '../clock/working-calendar.service';
import { eventHash } from '../chain/event-hash';
import { EffectsService } from '../effects/effects.service';
import { GuardsService } from './guards.service';
import { stageClock } from './stage-clock';
import type {
  ApplicationChanges,
  Initiator,
  TransitionRequest,
} from './transition.types';

export interface FireOptions {
  /**
   * For actions open to anyone signed in (a real-name objection during a public notice): the
   * actor acts as whatever party their memberships make them, without being a party to the case.
   */
  readonly public?: boolean;
}

export interface TransitionResult {
  readonly application: ApplicationEntity;
  /** What access needed to know of the actor on this case (no second lookup for the answer). */
  readonly facts: AccessFacts;
  readonly event: ApplicationEventEntity;
  readonly outbox: readonly OutboxEntity[];
}

/**
 * Fires one transition inside the caller's transaction: checks access, version, the definition
 * and its guards, then writes the new state, one hash-chained event and the outbox rows for
 * what must follow. Nothing here runs twice: the version claim lets exactly one of any number
 * of concurrent requests through.
 */
@Injectable()
export class TransitionService {
  constructor(
    private readonly guards: GuardsService,
    private readonly effects: EffectsService,
    private readonly calendar: WorkingCalendar,
    private readonly clock: PortalClock,
  ) {}

  async fire(
    em: EntityManager,
    initiator: Initiator,
    applicationId: string,
    request: TransitionRequest,
    clientIp: string | null,
    options: FireOptions = {},
  ): Promise<TransitionResult> {
    const loaded = await ApplicationsRepository.withCall(
      em,
      applicationId,
      this.guards.locksCall(request.action),
    );
    if (!loaded) throw new NotFoundError('The application');
    const { application, call, calendarRevision } = loaded;
    const facts = await accessFacts(em, initiator, application);
    if (
      initiator.kind === 'user' &&
      !options.public &&
      !mayRead(initiator.actor, application, facts)
    )
      throw new NotFoundError('The application');
    if (application.version !== request.version)
      throw staleVersion(application.version);

    const definition = workflowVersion(
      application.type,
      application.workflowVersion,
    );
    const parties: Party[] =
      initiator.kind === 'system'
        ? ['system']
        : options.public
          ? partiesOf(initiator.actor.memberships)
          : partiesOn(initiator.actor, application, facts);
    const check = canTransition(
      definition,
      application.state,
      request.action,
      parties,
    );
    if (!check.allowed)
      throw refusal(check.reason, request.action, application.state);
    const transition = check.transition;
    if (options.public && !transition.public)
      throw new ForbiddenError(
        `"${request.action}" is for the parties to this application.`,
      );
    if (transition.commentRequired && !request.comment?.trim())
      throw new ValidationFailedError([
        {
          field: 'comment',
          code: 'comment.required',
          message: 'A comment is required for this action',
        },
      ]);
    const target = stateOf(definition, transition.to);
    const party = transition.by.find((p) => parties.includes(p)) as Party;
    const membership =
      initiator.kind !== 'user'
        ? null
        : options.public
          ? (initiator.actor.memberships.find(
              (m) => partyOf(m.role, m.level) === party,
            ) ?? null)
          : membershipAs(initiator.actor, application, party, facts);

    // The version claim. A transition whose guards or effects lock other rows (a ledger, a
    // call's quota, the certificate series, the objections) claims the case first, so the case
    // is always the first lock taken: concurrent requests on one case queue on it, then find
    // the version moved on (409), instead of deadlocking on those rows. Any other transition
    // claims by its case UPDATE below, one statement fewer.
    const claimFirst =
      !this.guards.lockFree(transition) ||
      this.effects.locks(definition, transition);
    if (
      claimFirst &&
      !(await ApplicationsRepository.claimVersion(
        em,
        application.id,
        request.version,
      ))
    )
      throw staleVersion(null);

    // The portal's time: the event, the stage clock, the timers and the dates a transition
    // writes (a certificate's) follow a development clock when one is moved.
    const now = this.clock.now();
    const changes = await this.guards.check({
      em,
      application,
      call,
      definition,
      transition,
      request,
      party,
      membership,
      now,
    });
    const decision = await this.effects.apply(definition, transition, {
      em,
      application,
      decision: { ...application.decision, ...changes.decision },
      now,
    });
    const clock = stageClock(
      definition,
      application,
      transition.to,
      now,
      await this.calendar.overridesAt(em, calendarRevision),
    );
    const returning = (request.items?.length ?? 0) > 0;
    // A return that hands the form back to the enterprise records the case as it found it, so
    // the reviewers can see what changed once it comes back.
    const reopensForm =
      application.state !== definition.initial &&
      applicantEditing(definition, transition.to).form &&
      !applicantEditing(definition, application.state).form;
    const snapshot: ReturnSnapshot | null = reopensForm
      ? {
          form: application.form,
          materials: (
            await AttachmentsRepository.ofCase(em, application.id)
          ).map((a) => ({
            id: a.id,
            materialKey: a.materialKey,
            fileName: a.fileName,
          })),
        }
      : null;

    const event = buildEvent(application, {
      action: transition.action,
      to: transition.to,
      initiator,
      membership,
      party,
      request,
      changes,
      clientIp,
      now,
      snapshot,
    });
    const next: Partial<ApplicationEntity> = {
      state: transition.to,
      holder: target.terminal ? null : target.holder,
      stateEnteredAt: now,
      dueAt: clock.dueAt,
      pausedState: clock.pausedState,
      pausedDaysLeft: clock.pausedDaysLeft,
      eventCount: event.seq,
      chainHead: event.hash,
      decision,
      supplementItems: returning
        ? [...(request.items ?? [])]
        : target.holder === 'enterprise' && !target.terminal
          ? application.supplementItems
          : null,
      ...(changes.bankId ? { bankId: changes.bankId } : {}),
      ...(changes.providerId ? { providerId: changes.providerId } : {}),
      ...(application.state === definition.initial && !target.terminal
        ? { submittedAt: now }
        : {}),
    };
    // Unless claimed above: of concurrent requests that read the same version, the first to
    // get here moves it on; the rest wait on the row's lock, find it moved and roll back (409).
    const written = await updateRow(
      em,
      ApplicationEntity,
      {
        id: application.id,
        version: claimFirst ? request.version + 1 : request.version,
      },
      { ...next, version: request.version + 1 },
    );
    if (written !== 1) throw staleVersion(null);
    await insertRows(em, ApplicationEventEntity, event);
    const outbox = this.effects.outboxRows(definition, transition, event, {
      application,
      decision,
      clock,
      now,
    });
    if (outbox.length) await insertRows(em, OutboxEntity, outbox);
    const updated = Object.assign(application, next, {
      version: request.version + 1,
    });
    return { application: updated, facts, event, outbox };
  }

  /**
   * Records something that happened to the case without moving it (the enterprise provided the
   * items it committed to): one more link of the chain, under the same version claim.
   */
  async annotate(
    em: EntityManager,
    initiator: Initiator & { kind: 'user' },
    application: ApplicationEntity,
    version: number,
    action: string,
    decision: ApplicationDecision,
    payload: Record<string, unknown>,
  ): Promise<ApplicationEventEntity> {
    if (
      !(await ApplicationsRepository.claimVersion(em, application.id, version))
    )
      throw staleVersion(null);
    const membership =
      initiator.actor.memberships.find(
        (m) => m.organisationId === application.organisationId,
      ) ?? null;
    const event = buildEvent(application, {
      action,
      to: application.state,
      initiator,
      membership,
      party: 'enterprise',
      request: { action, version, payload },
      changes: {},
      clientIp: initiator.actor.ip,
      now: this.clock.now(),
    });
    await updateRow(
      em,
      ApplicationEntity,
      { id: application.id },
      { eventCount: event.seq, chainHead: event.hash, decision },
    );
    await insertRows(em, ApplicationEventEntity, event);
    return event;
  }
}

function accessFacts(
  em: EntityManager,
  initiator: Initiator,
  application: ApplicationEntity,
): Promise<AccessFacts> {
  return initiator.kind === 'system'
    ? Promise.resolve({ assignedExpert: false })
    : accessFactsFor(em, initiator.actor, application);
}

function staleVersion(current: number | null): ConflictError {
  return new ConflictError(
    'VERSION_CONFLICT',
    current === null
      ? 'Someone else changed this application a moment ago. Reload it and try again.'
      : `This application has changed since you opened it (now version ${current}). Reload it and try again.`,
  );
}

function refusal(
  reason: 'unknown_action' | 'wrong_state' | 'not_permitted',
  action: string,
  state: string,
): AppError {
  switch (reason) {
    case 'unknown_action':
      return new ValidationFailedError([
        {
          field: 'action',
          code: 'action.unknown',
          message: `"${action}" is not an action of this application type`,
        },
      ]);
    case 'wrong_state':
      return new AppError(
        403,
        'TRANSITION_NOT_ALLOWED',
        `"${action}" is not possible while the application is at "${state}".`,
      );
    case 'not_permitted':
      return new ForbiddenError(
        `You may not "${action}" this application at its current stage.`,
      );
  }
}

interface EventInput {
  readonly action: string;
  readonly to: string;
  readonly initiator: Initiator;
  readonly membership: MembershipGrant | null;
  readonly party: Party;
  readonly request: TransitionRequest;
  readonly changes: ApplicationChanges;
  readonly clientIp: string | null;
  readonly now: Date;
  /** The form and files a return handed back (see `returnSnapshotOf`). */
  readonly snapshot?: ReturnSnapshot | null;
}

/** The next link of the application's chain. */
export function buildEvent(
  application: ApplicationEntity,
  input: EventInput,
): ApplicationEventEntity {
  const user = input.initiator.kind === 'user' ? input.initiator.actor : null;
  const payload: Record<string, unknown> = {};
  if (input.request.items?.length) payload['items'] = input.request.items;
  if (input.request.payload && Object.keys(input.request.payload).length)
    payload['request'] = input.request.payload;
  if (input.changes.recorded) payload['recorded'] = input.changes.recorded;
  if (input.snapshot) payload[SNAPSHOT] = input.snapshot;
  const event: ApplicationEventEntity = {
    id: randomUUID(),
    applicationId: application.id,
    seq: application.eventCount + 1,
    action: input.action,
    fromState: application.eventCount === 0 ? null : application.state,
    toState: input.to,
    actorUserId: user?.userId ?? null,
    actorName: user?.name ?? null,
    actorRole: input.membership?.role ?? null,
    party: input.party,
    comment: input.request.comment?.trim() || null,
    payload,
    clientIp: input.clientIp,
    createdAt: input.now,
    prevHash: application.chainHead,
    hash: '',
  };
  event.hash = eventHash(event);
  return event;
}

const SNAPSHOT = 'returnedCase';

/** The form and files a return recorded in its event, or null for any other event. */
export function returnSnapshotOf(
  event: Pick<ApplicationEventEntity, 'payload'>,
): ReturnSnapshot | null {
  const snapshot = event.payload[SNAPSHOT] as ReturnSnapshot | undefined;
  return snapshot?.form && Array.isArray(snapshot.materials) ? snapshot : null;
}
