import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Actor } from '@portal/api-access';
import { AppError, NotFoundError, PortalClock } from '@portal/api-core';
import {
  ApplicationEntity,
  companyNames,
  ObjectionEntity,
} from '@portal/api-db';
import type {
  MyObjectionView,
  ObjectionRequest,
  PublicNoticeView,
  StartNoticeRequest,
  StartNoticeResult,
} from '@portal/contracts';
import {
  APPLICATION_TYPES,
  currentWorkflow,
  noticeStart,
  noticeStarters,
  partiesOf,
  publicNoticeStates,
  workflowVersion,
} from '@portal/domain';
import { DataSource, In } from 'typeorm';
import { ApplicationsService } from '@portal/api-applications';
import { OutboxRelay, TransitionService } from '@portal/api-engine';

/** The states that are a public notice, in any programme. */
const NOTICE_STATES: readonly string[] = APPLICATION_TYPES.flatMap((type) =>
  publicNoticeStates(currentWorkflow(type)),
);

/** The parties that may start a public notice in some programme (the definitions are fixed at build). */
const NOTICE_STARTERS: ReadonlySet<string> = new Set(
  APPLICATION_TYPES.flatMap((type) => noticeStarters(currentWorkflow(type))),
);

/** The public transitions (objections) of an application's workflow. */
function publicTransitions(application: ApplicationEntity) {
  return workflowVersion(
    application.type,
    application.workflowVersion,
  ).transitions.filter((t) => t.public);
}

/**
 * The public notice (公示): the province starts it for a list of applications; anyone, signed in
 * or not, sees the list; a signed-in user may lodge a real-name objection, which sends the case to objection review.
 */
@Injectable()
export class PublicNoticesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly applications: ApplicationsService,
    private readonly transitions: TransitionService,
    private readonly relay: OutboxRelay,
    private readonly clock: PortalClock,
  ) {}

  /**
   * The cases in public notice, for anyone (no session needed): only the holder's name, the
   * programme, the reference and the notice's period. The id is there to object with.
   */
  async list(): Promise<PublicNoticeView[]> {
    const rows = await this.dataSource.getRepository(ApplicationEntity).find({
      where: { state: In([...NOTICE_STATES]) },
      select: {
        id: true,
        reference: true,
        type: true,
        organisationId: true,
        stateEnteredAt: true,
        dueAt: true,
      },
      order: { stateEnteredAt: 'DESC' },
      take: 500,
    });
    const names = await companyNames(
      this.dataSource,
      rows.map((a) => a.organisationId),
    );
    return rows.map((a) => ({
      applicationId: a.id,
      reference: a.reference,
      type: a.type,
      companyName: names.get(a.organisationId) ?? '',
      noticeStartsAt: a.stateEnteredAt.toISOString(),
      noticeEndsAt: a.dueAt?.toISOString() ?? null,
    }));
  }

  /** The user's own objections, newest first, with each one's outcome. */
  async objectionsOf(actor: Actor): Promise<MyObjectionView[]> {
    const objections = await this.dataSource
      .getRepository(ObjectionEntity)
      .find({
        where: { userId: actor.userId },
        order: { lodgedAt: 'DESC' },
        take: 200,
      });
    if (!objections.length) return [];
    const cases = await this.dataSource.getRepository(ApplicationEntity).find({
      where: { id: In([...new Set(objections.map((o) => o.applicationId))]) },
      select: { id: true, reference: true, type: true, organisationId: true },
    });
    const byId = new Map(cases.map((a) => [a.id, a]));
    const names = await companyNames(
      this.dataSource,
      cases.map((a) => a.organisationId),
    );
    return objections.flatMap((o) => {
      const application = byId.get(o.applicationId);
      if (!application) return [];
      return [
        {
          id: o.id,
          applicationId: o.applicationId,
          reference: application.reference,
          type: application.type,
          companyName: names.get(application.organisationId) ?? '',
          lodgedAt: o.lodgedAt.toISOString(),
          status: o.status,
        },
      ];
    });
  }

  /**
   * Starts each listed application's notice through the same action a single case uses. Who
   * may start a notice is settled for the whole request before any item: 403 for a party that
   * starts none, 404 when a listed case is not the actor's to see. What is left per item is
   * the case's own state and version.
   */
  async start(
    actor: Actor,
    request: StartNoticeRequest,
  ): Promise<StartNoticeResult> {
    if (
      !partiesOf(actor.memberships).some((party) => NOTICE_STARTERS.has(party))
    )
      throw new AppError(
        403,
        'FORBIDDEN',
        'Only the reviewers who run public notices (the provincial bureau) can start one.',
      );
    const listed = [];
    for (const { id, version } of request.applications) {
      const { application } = await this.applications.readable(actor, id);
      listed.push({ application, version });
    }
    const results = [];
    for (const { application, version } of listed) {
      const id = application.id;
      const action = noticeStart(
        workflowVersion(application.type, application.workflowVersion),
        application.state,
      )?.action;
      try {
        if (!action)
          throw new AppError(
            409,
            'TRANSITION_NOT_ALLOWED',
            'This application cannot go into public notice now.',
          );
        await this.applications.act(actor, id, { action, version }, undefined);
        results.push({ id, started: true, error: null });
      } catch (error) {
        results.push({ id, started: false, error: (error as Error).message });
      }
    }
    return { results };
  }

  /** A real-name objection; the first one moves the case to objection review. */
  async object(
    actor: Actor,
    applicationId: string,
    request: ObjectionRequest,
  ): Promise<void> {
    const outbox = await this.dataSource.transaction(async (em) => {
      const application = await em.findOneBy(ApplicationEntity, {
        id: applicationId,
      });
      const transitions = application ? publicTransitions(application) : [];
      const lodge = transitions.find(
        (t) => application && t.from.includes(application.state),
      );
      const underReview = transitions.some((t) => t.to === application?.state);
      if (!application || (!lodge && !underReview))
        throw new NotFoundError('The public notice');
      await em.insert(ObjectionEntity, {
        id: randomUUID(),
        applicationId,
        userId: actor.userId,
        realName: request.realName.trim(),
        reasons: request.reasons.trim(),
        status: 'open',
        // Within the notice's period as the portal counts it.
        lodgedAt: this.clock.now(),
      });
      // A further objection while one is under review joins it; the first one moves the case.
      if (!lodge) return [];
      const fired = await this.transitions.fire(
        em,
        { kind: 'user', actor },
        applicationId,
        {
          action: lodge.action,
          version: application.version,
          comment: request.reasons.trim(),
        },
        actor.ip,
        { public: true },
      );
      return fired.outbox;
    });
    void this.relay.dispatch(outbox);
  }
}
