import { createHash, randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AuditService, type Actor } from '@portal/api-access';
import {
  AppError,
  chinaDate,
  ConflictError,
  ForbiddenError,
  NotFoundError,
  PortalClock,
  ValidationFailedError,
} from '@portal/api-core';
import {
  ApplicationEntity,
  ApplicationEventEntity,
  ApplicationEventsRepository,
  ApplicationsRepository,
  AttachmentsRepository,
  CallEntity,
  IdempotencyKeyEntity,
  IdempotencyKeysRepository,
  insertRows,
  isDuplicateKey,
  type NameColumns,
  OrganisationEntity,
} from '@portal/api-db';
import type {
  ActionRequest,
  ActionResult,
  ApplicationDetail,
  MyApplicationSummary,
  MyApplicationsQuery,
  Page,
  SaveFormRequest,
} from '@portal/contracts';
import {
  actionPayloadFields,
  applicantNextDeadline,
  applicantWording,
  applicationPhase,
  deadlineUrgency,
  statesInPhase,
  APPLICATION_FORMS,
  availableActions,
  currentWorkflow,
  formatReference,
  regionContains,
  stateOf,
  validateForm,
  workflowVersion,
} from '@portal/domain';
import { workingDaysLeft } from '@portal/domain/calendar';
import { DataSource } from 'typeorm';
import {
  type AccessFacts,
  accessFactsFor,
  buildEvent,
  GENESIS_HASH,
  mayRead,
  overseerOf,
  OutboxRelay,
  partiesOn,
  readsAsStaff,
  ReferenceNumbersService,
  TransitionService,
  WorkingCalendar,
} from '@portal/api-engine';
import { detailView, statusView, summaryView } from './application-views';

const PAGE = 20;

/** What an enterprise files and everyone reads: drafts, the detail with its timeline, actions. */
@Injectable()
export class ApplicationsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly transitions: TransitionService,
    private readonly references: ReferenceNumbersService,
    private readonly relay: OutboxRelay,
    private readonly audit: AuditService,
    private readonly calendar: WorkingCalendar,
    private readonly clock: PortalClock,
  ) {}

  /** Starts a draft in a call, prefilled from the company's last application of the type. */
  async create(actor: Actor, callId: string): Promise<ApplicationDetail> {
    const company = await this.ownCompany(actor);
    const call = await this.dataSource
      .getRepository(CallEntity)
      .findOneBy({ id: callId });
    if (!call || !regionContains(call.regionCode, company.countyCode as string))
      throw new NotFoundError('The call');
    const now = this.clock.now();
    if (now >= call.closesAt)
      throw new ConflictError(
        'CALL_CLOSED',
        `"${call.title}" closed on ${call.closesAt.toISOString()}; choose an open call.`,
      );
    if (now < call.opensAt)
      throw new ConflictError(
        'CALL_NOT_OPEN',
        `"${call.title}" opens on ${chinaDate(call.opensAt)} (Beijing time); drafts can be started from then.`,
      );
    const definition = currentWorkflow(call.type);
    const previous = await this.dataSource
      .getRepository(ApplicationEntity)
      .findOne({
        where: { organisationId: company.id, type: call.type },
        order: { createdAt: 'DESC' },
      });
    const id = await this.dataSource.transaction(async (em) => {
      const year = Number(chinaDate(now).slice(0, 4));
      const county = company.countyCode as string;
      const sequence = await this.references.next(em, call.type, year, county);
      const application: ApplicationEntity = {
        id: randomUUID(),
        reference: formatReference(call.type, year, county, sequence),
        type: call.type,
        workflowVersion: definition.version,
        organisationId: company.id,
        callId: call.id,
        provinceCode: company.provinceCode,
        cityCode: company.cityCode as string,
        countyCode: county,
        state: definition.initial,
        holder: stateOf(definition, definition.initial).holder,
        stateEnteredAt: now,
        dueAt: null,
        pausedState: null,
        pausedDaysLeft: null,
        version: 1,
        eventCount: 0,
        chainHead: GENESIS_HASH,
        form: previous ? { ...previous.form } : {},
        autoCheck: null,
        supplementItems: null,
        decision: {},
        bankId: null,
        providerId: null,
        submittedAt: null,
        createdBy: actor.userId,
        createdAt: now,
        updatedAt: now,
      };
      const membership =
        actor.memberships.find((m) => m.organisationId === company.id) ?? null;
      const event = buildEvent(application, {
        action: 'create',
        to: definition.initial,
        initiator: { kind: 'user', actor },
        membership,
        party: 'enterprise',
        request: { action: 'create', version: 0 },
        changes: {},
        clientIp: actor.ip,
        now,
      });
      application.eventCount = 1;
      application.chainHead = event.hash;
      await insertRows(em, ApplicationEntity, application);
      await insertRows(em, ApplicationEventEntity, event);
      return application.id;
    });
    return this.detail(actor, id);
  }

  /** The company's own applications, newest first. */
  /**
   * The company's own cases, newest first, with the filters of its list; each with its phase and
   * the next deadline the company has to meet, counted in working days on the bureau's calendar.
   */
  async listMine(
    actor: Actor,
    query: MyApplicationsQuery = {},
  ): Promise<Page<MyApplicationSummary>> {
    const company = await this.ownCompany(actor);
    const conditions = ['a.organisation_id = :org'];
    const params: Record<string, unknown> = { org: company.id };
    if (query.type) {
      conditions.push('a.type = :type');
      params['type'] = query.type;
    }
    if (query.phase) {
      const byType = statesInPhase(query.phase).filter(
        (entry) => !query.type || entry.type === query.type,
      );
      conditions.push(
        byType.length
          ? `(${byType.map((_, i) => `(a.type = :phaseType${i} AND a.state IN (:...phaseStates${i}))`).join(' OR ')})`
          : '1 = 0',
      );
      byType.forEach((entry, i) => {
        params[`phaseType${i}`] = entry.type;
        params[`phaseStates${i}`] = entry.states;
      });
    }
    if (query.year) {
      // The year in Beijing time: from 1 January 00:00 +08:00 to the next.
      conditions.push('a.created_at >= :yearFrom AND a.created_at < :yearTo');
      params['yearFrom'] = new Date(`${query.year}-01-01T00:00:00+08:00`);
      params['yearTo'] = new Date(`${query.year + 1}-01-01T00:00:00+08:00`);
    }
    if (query.q) {
      // `!` escapes LIKE's wildcards the same way in MariaDB and SQLite.
      conditions.push(
        "(a.reference LIKE :text ESCAPE '!' OR named_call.title LIKE :text ESCAPE '!')",
      );
      params['text'] = `%${query.q.replace(/[!%_]/g, (c) => `!${c}`)}%`;
    }
    const now = this.clock.now();
    const [{ rows, nextCursor }, overrides] = await Promise.all([
      ApplicationsRepository.summaryPage(this.dataSource, {
        where: conditions.join(' AND '),
        params,
        sortColumn: 'a.created_at',
        tieColumn: 'a.id',
        cursor: query.cursor,
        limit: query.limit ?? PAGE,
      }),
      this.calendar.recentOverrides(),
    ]);
    const today = chinaDate(now);
    return {
      items: rows.map((r) => {
        const definition = workflowVersion(r.type, r.workflowVersion);
        const deadline = applicantNextDeadline(
          definition,
          r.state,
          r.dueAt?.toISOString() ?? null,
          r.call_closes_at?.toISOString() ?? null,
        );
        const left = deadline
          ? workingDaysLeft(today, chinaDate(new Date(deadline.at)), overrides)
          : 0;
        return {
          ...summaryView(r, company.name, r.call_title ?? '', false, now),
          phase: applicationPhase(definition, r.state),
          nextDeadline: deadline
            ? {
                ...deadline,
                workingDaysLeft: left,
                urgency: deadlineUrgency(left),
              }
            : null,
        };
      }),
      nextCursor,
    };
  }

  async detail(actor: Actor, id: string): Promise<ApplicationDetail> {
    const { application, facts, names } = await this.readable(actor, id);
    const asStaff = readsAsStaff(actor, application, facts);
    const [events, attachments] = await Promise.all([
      ApplicationEventsRepository.ofCase(this.dataSource.manager, id),
      AttachmentsRepository.ofCase(this.dataSource.manager, id),
    ]);
    const definition = workflowVersion(
      application.type,
      application.workflowVersion,
    );
    const available = availableActions(
      definition,
      application.state,
      partiesOn(actor, application, facts),
    ).map((t) => ({
      action: t.action,
      label: asStaff ? t.label : applicantWording(t),
      to: t.to,
      commentRequired: t.commentRequired,
      itemsRequired: t.guards.includes('supplement_items_listed'),
      payloadFields: actionPayloadFields(t),
    }));
    return detailView(
      summaryView(
        application,
        names.company_name ?? '',
        names.call_title ?? '',
        asStaff,
        this.clock.now(),
      ),
      application,
      events,
      attachments,
      available,
      asStaff,
      await this.dueInWorkingDays(application),
    );
  }

  /**
   * The working days the enterprise has left on a milestone it owes (negative once overdue), on
   * the bureau's calendar; read only then, so other details cost no calendar statement.
   */
  private async dueInWorkingDays(
    application: ApplicationEntity,
  ): Promise<number | null> {
    const definition = workflowVersion(
      application.type,
      application.workflowVersion,
    );
    if (!application.dueAt || !stateOf(definition, application.state).milestone)
      return null;
    return workingDaysLeft(
      chinaDate(this.clock.now()),
      chinaDate(application.dueAt),
      await this.calendar.overrides(),
    );
  }

  /** Autosave of the form while the enterprise holds the case (a draft or a return). */
  async saveForm(
    actor: Actor,
    id: string,
    request: SaveFormRequest,
  ): Promise<ActionResult> {
    const { application, facts } = await this.readable(actor, id);
    if (!partiesOn(actor, application, facts).includes('enterprise'))
      throw await this.denied(
        actor,
        id,
        'Only the applying company edits its form.',
      );
    const definition = workflowVersion(
      application.type,
      application.workflowVersion,
    );
    const state = stateOf(definition, application.state);
    if (state.holder !== 'enterprise' || state.terminal)
      throw new AppError(
        403,
        'TRANSITION_NOT_ALLOWED',
        'The form can be changed only while the application is with your company (a draft or a return for supplement).',
      );
    const problems = validateForm(
      APPLICATION_FORMS[application.type],
      request.form,
      'draft',
      chinaDate(this.clock.now()),
    );
    if (problems.length)
      throw new ValidationFailedError(
        problems.map((p) => ({
          field: `form.${p.field}`,
          code: `form.${p.code}`,
          message: `${p.field}: ${p.code.replace(/_/g, ' ')}`,
        })),
      );
    // The save and its audit entry land together (GB/T 22239 8.1.4.3): which fields changed,
    // never their values.
    await this.dataSource.transaction(async (em) => {
      const result = await em
        .createQueryBuilder()
        .update(ApplicationEntity)
        .set({
          form: () => ':form',
          version: () => 'version + 1',
          updatedAt: new Date(),
        })
        .setParameter('form', JSON.stringify(request.form))
        .where('id = :id AND version = :version', {
          id,
          version: request.version,
        })
        .execute();
      if (result.affected !== 1)
        throw new ConflictError(
          'VERSION_CONFLICT',
          'This application has changed since you opened it. Reload it and try again.',
        );
      await this.audit.record(
        {
          action: 'application.form_saved',
          result: 'success',
          userId: actor.userId,
          userEmail: actor.email,
          ip: actor.ip,
          objectType: 'application',
          objectId: id,
          detail: {
            version: request.version + 1,
            changed: changedFields(application.form, request.form),
          },
        },
        em,
      );
    });
    const saved = { ...application, version: request.version + 1 };
    return {
      applicationId: id,
      action: 'save',
      version: saved.version,
      status: statusView(saved, false),
    };
  }

  /**
   * Fires an action. With an Idempotency-Key the first answer is stored in the same transaction
   * as the effect, and a repeat of the same request gets that answer without a second effect.
   * The key is looked up only when the action fails: a repeat always does (the version it
   * carries has moved on), and a key reused for an action that would succeed collides with the
   * stored key on insert, which rolls that action back.
   */
  async act(
    actor: Actor,
    id: string,
    request: ActionRequest,
    idempotencyKey: string | undefined,
  ): Promise<ActionResult> {
    const requestHash = createHash('sha256')
      .update(JSON.stringify([id, request]))
      .digest('hex');
    try {
      const { answer, outbox } = await this.dataSource.transaction(
        async (em) => {
          const result = await this.transitions.fire(
            em,
            { kind: 'user', actor },
            id,
            request,
            actor.ip,
          );
          const answer: ActionResult = {
            applicationId: id,
            action: request.action,
            version: result.application.version,
            status: statusView(
              result.application,
              readsAsStaff(actor, result.application, result.facts),
            ),
          };
          if (idempotencyKey)
            await insertRows(em, IdempotencyKeyEntity, {
              userId: actor.userId,
              key: idempotencyKey,
              requestHash,
              response: answer,
            } as IdempotencyKeyEntity);
          return { answer, outbox: result.outbox };
        },
      );
      void this.relay.dispatch(outbox);
      return answer;
    } catch (error) {
      // The key was used before (or by a concurrent request that committed first): its answer.
      if (
        idempotencyKey &&
        (isDuplicateKey(error) || error instanceof AppError)
      ) {
        const stored = await this.storedAnswer(
          actor,
          idempotencyKey,
          requestHash,
        );
        if (stored) return stored;
      }
      if (
        error instanceof AppError &&
        (error.status === 403 || error.status === 404)
      )
        await this.auditDenial(actor, id, request.action, error);
      throw error;
    }
  }

  /** Loads an application the actor may read; anything else is the same 404 as a missing one. */
  async readable(
    actor: Actor,
    id: string,
  ): Promise<{
    application: ApplicationEntity;
    facts: AccessFacts;
    names: NameColumns;
  }> {
    const found = await ApplicationsRepository.withNames(
      this.dataSource.manager,
      id,
    );
    const application = found?.application;
    const facts = application
      ? await accessFactsFor(this.dataSource.manager, actor, application)
      : null;
    if (!application || !facts || !mayRead(actor, application, facts)) {
      if (application)
        await this.auditDenial(
          actor,
          id,
          'read',
          new NotFoundError('The application'),
        );
      throw new NotFoundError('The application');
    }
    // An auditor's reads are themselves on the record (GB/T 22239 8.1.4.3): what they looked at.
    if (overseerOf(actor, application, 'auditor'))
      await this.audit.record({
        action: 'application.read_by_auditor',
        result: 'success',
        userId: actor.userId,
        userEmail: actor.email,
        ip: actor.ip,
        objectType: 'application',
        objectId: id,
        detail: { reference: application.reference },
      });
    return { application, facts, names: found.names };
  }

  private async storedAnswer(
    actor: Actor,
    key: string,
    requestHash: string,
  ): Promise<ActionResult | null> {
    const stored = await IdempotencyKeysRepository.stored(
      this.dataSource.manager,
      actor.userId,
      key,
    );
    if (!stored) return null;
    if (stored.requestHash !== requestHash)
      throw new AppError(
        422,
        'IDEMPOTENCY_KEY_REUSED',
        'This Idempotency-Key was already used for a different request; use a new key.',
      );
    return stored.response as ActionResult;
  }

  private async denied(
    actor: Actor,
    id: string,
    message: string,
  ): Promise<ForbiddenError> {
    const error = new ForbiddenError(message);
    await this.auditDenial(actor, id, 'edit', error);
    return error;
  }

  private async auditDenial(
    actor: Actor,
    id: string,
    action: string,
    error: AppError,
  ): Promise<void> {
    await this.audit.record({
      action: 'application.access_denied',
      result: 'denied',
      userId: actor.userId,
      userEmail: actor.email,
      ip: actor.ip,
      objectType: 'application',
      objectId: id,
      detail: { action, status: error.status, code: error.code },
    });
  }

  private async ownCompany(actor: Actor): Promise<OrganisationEntity> {
    const membership = actor.memberships.find(
      (m) => m.organisationKind === 'enterprise',
    );
    const company = membership
      ? await this.dataSource
          .getRepository(OrganisationEntity)
          .findOneBy({ id: membership.organisationId })
      : null;
    if (!company) throw new NotFoundError('Your company');
    if (company.verificationStatus !== 'verified')
      throw new ForbiddenError(
        'Your company has not been verified by the county bureau yet; applications open once it is.',
      );
    return company;
  }
}

/** The top-level form fields whose value differs between two saves. */
function changedFields(
  before: Record<string, unknown> | null | undefined,
  after: Record<string, unknown>,
): string[] {
  const keys = new Set([...Object.keys(before ?? {}), ...Object.keys(after)]);
  return [...keys]
    .filter(
      (key) => JSON.stringify(before?.[key]) !== JSON.stringify(after[key]),
    )
    .sort();
}
