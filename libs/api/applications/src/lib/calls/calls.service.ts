import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AuditService, type Actor } from '@portal/api-access';
import {
  chinaDate,
  ConflictError,
  ForbiddenError,
  NotFoundError,
  PortalClock,
  ValidationFailedError,
} from '@portal/api-core';
import {
  ApplicationEntity,
  CallEntity,
  CallsRepository,
  insertRows,
  RegionEntity,
} from '@portal/api-db';
import { WorkingCalendar } from '@portal/api-engine';
import type {
  CallListQuery,
  CallOwnApplication,
  CallStatus,
  CallView,
  CreateCallRequest,
  FieldError,
  ManagedCallView,
  UpdateCallRequest,
} from '@portal/contracts';
import {
  grantsFor,
  regionContains,
  WORKFLOW_VERSIONS,
  workflowVersion,
} from '@portal/domain';
import { workingDaysBetween } from '@portal/domain/calendar';
import { DataSource, In } from 'typeorm';

/** Calls for applications (申报批次): opened by bureau admins for their region. */
@Injectable()
export class CallsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly clock: PortalClock,
    private readonly calendar: WorkingCalendar,
  ) {}

  async create(actor: Actor, request: CreateCallRequest): Promise<CallView> {
    const admin = grantsFor(actor.memberships, 'calls.manage').find(
      (g) =>
        g.regionCode !== null &&
        (!request.regionCode ||
          regionContains(g.regionCode, request.regionCode)),
    );
    if (!admin?.regionCode)
      throw new ForbiddenError('You may open calls only for your own region.');
    const regionCode = request.regionCode ?? admin.regionCode;
    const opensAt = new Date(request.opensAt);
    const closesAt = new Date(request.closesAt);
    const problems = [
      ...(closesAt <= opensAt
        ? [
            {
              field: 'closesAt',
              code: 'call.window',
              message: 'The call must close after it opens',
            },
          ]
        : []),
      ...(await this.quotaProblems(regionCode, request.quotas ?? [])),
    ];
    problems.push(...(await this.regionProblems(regionCode)));
    if (problems.length) throw new ValidationFailedError(problems);
    const call: CallEntity = {
      id: randomUUID(),
      type: request.type,
      title: request.title.trim(),
      regionCode,
      opensAt,
      closesAt,
      quotas: [...(request.quotas ?? [])],
      bureauId: admin.organisationId,
      createdBy: actor.userId,
      createdAt: new Date(),
    };
    await this.dataSource.transaction(async (em) => {
      await insertRows(em, CallEntity, call);
      await this.audit.record(
        {
          action: 'call.created',
          result: 'success',
          userId: actor.userId,
          userEmail: actor.email,
          ip: actor.ip,
          objectType: 'call',
          objectId: call.id,
          detail: { type: call.type, regionCode },
        },
        em,
      );
    });
    return callView(call, this.clock.now());
  }

  /**
   * Changes a call. Before it opens everything but its programme may change; once open only
   * its title, its closing (not before now) and its quotas (none below what is already used),
   * since enterprises are filing under its region and opening; a closed call is final.
   */
  async update(
    actor: Actor,
    id: string,
    request: UpdateCallRequest,
  ): Promise<ManagedCallView> {
    const now = this.clock.now();
    const call = await this.managedCall(actor, id);
    const status = callStatus(call, now);
    if (status === 'closed')
      throw new ConflictError(
        'CALL_STATE_CONFLICT',
        'The call has closed and can no longer be changed.',
      );
    const problems: FieldError[] = [];
    if (status === 'open') {
      if (
        request.regionCode !== undefined &&
        request.regionCode !== call.regionCode
      )
        problems.push({
          field: 'regionCode',
          code: 'call.open_fixed',
          message: 'The region of an open call cannot change',
        });
      if (
        request.opensAt !== undefined &&
        new Date(request.opensAt).getTime() !== call.opensAt.getTime()
      )
        problems.push({
          field: 'opensAt',
          code: 'call.open_fixed',
          message: 'An open call has already opened',
        });
    }
    const regionCode = request.regionCode ?? call.regionCode;
    if (
      regionCode !== call.regionCode &&
      !this.managingGrant(actor, regionCode)
    )
      problems.push({
        field: 'regionCode',
        code: 'region.outside',
        message: 'Choose a region inside your own',
      });
    const opensAt = request.opensAt ? new Date(request.opensAt) : call.opensAt;
    const closesAt = request.closesAt
      ? new Date(request.closesAt)
      : call.closesAt;
    if (closesAt <= opensAt)
      problems.push({
        field: 'closesAt',
        code: 'call.window',
        message: 'The call must close after it opens',
      });
    else if (request.closesAt !== undefined && closesAt <= now)
      problems.push({
        field: 'closesAt',
        code: 'call.closes_past',
        message: 'Choose a closing time still to come (or close the call now)',
      });
    if (
      status === 'upcoming' &&
      request.opensAt !== undefined &&
      opensAt.getTime() !== call.opensAt.getTime() &&
      opensAt <= now
    )
      problems.push({
        field: 'opensAt',
        code: 'call.opens_past',
        message: 'Choose an opening still to come (or open the call now)',
      });
    const quotas = request.quotas ?? call.quotas;
    problems.push(...(await this.quotaProblems(regionCode, quotas)));
    if (request.quotas && status === 'open') {
      const use = await this.quotaUse(call, request.quotas);
      request.quotas.forEach((q, i) => {
        const used = use[i]?.used ?? 0;
        if (q.limit < used)
          problems.push({
            field: `quotas.${i}.limit`,
            code: 'quota.below_used',
            message: `${used} already sent on under this quota`,
          });
      });
    }
    if (regionCode !== call.regionCode)
      problems.push(...(await this.regionProblems(regionCode)));
    if (problems.length) throw new ValidationFailedError(problems);
    const changes = {
      title: request.title?.trim() ?? call.title,
      regionCode,
      opensAt,
      closesAt,
      quotas: [...quotas],
    };
    const changed = changedFields(call, changes);
    // Nothing changed: nothing written, nothing audited.
    if (!changed.length) return this.managed(actor, call.id);
    await this.dataSource.transaction(async (em) => {
      await em.update(CallEntity, { id: call.id }, changes);
      await this.audit.record(
        {
          action: 'call.updated',
          result: 'success',
          userId: actor.userId,
          userEmail: actor.email,
          ip: actor.ip,
          objectType: 'call',
          objectId: call.id,
          detail: { changed },
        },
        em,
      );
    });
    return this.managed(actor, call.id);
  }

  /** Opens an upcoming call now (its opening moves to now). */
  async openNow(actor: Actor, id: string): Promise<ManagedCallView> {
    return this.moveWindow(actor, id, 'upcoming', 'call.opened', (now) => ({
      opensAt: now,
    }));
  }

  /** Closes an open call now (its closing moves to now; the calls clock then records it). */
  async closeNow(actor: Actor, id: string): Promise<ManagedCallView> {
    return this.moveWindow(actor, id, 'open', 'call.closed_early', (now) => ({
      closesAt: now,
    }));
  }

  /** The calls of the admin's region and below, with their use; others' calls marked not manageable. */
  async listManaged(actor: Actor): Promise<ManagedCallView[]> {
    if (!grantsFor(actor.memberships, 'calls.manage').length)
      throw new ForbiddenError('Only bureau admins manage calls.');
    const calls = await this.list(actor);
    return this.withUse(actor, calls);
  }

  /** One call as its bureau sees it. */
  async managed(actor: Actor, id: string): Promise<ManagedCallView> {
    const [view] = await this.withUse(actor, [await this.get(actor, id)]);
    return view;
  }

  private async moveWindow(
    actor: Actor,
    id: string,
    from: CallStatus,
    action: string,
    change: (now: Date) => Partial<CallEntity>,
  ): Promise<ManagedCallView> {
    const call = await this.managedCall(actor, id);
    const now = this.clock.now();
    const status = callStatus(call, now);
    if (status !== from)
      throw new ConflictError(
        'CALL_STATE_CONFLICT',
        from === 'upcoming'
          ? `The call is already ${status === 'open' ? 'open' : 'closed'}.`
          : status === 'upcoming'
            ? 'The call has not opened yet: change its window instead.'
            : 'The call is already closed.',
      );
    await this.dataSource.transaction(async (em) => {
      // Conditional on the window read, so a second click or a racing admin changes nothing.
      const moved = await em.update(
        CallEntity,
        { id: call.id, opensAt: call.opensAt, closesAt: call.closesAt },
        change(now),
      );
      if (moved.affected !== 1)
        throw new ConflictError(
          'CALL_STATE_CONFLICT',
          'The call was changed meanwhile; reload it.',
        );
      await this.audit.record(
        {
          action,
          result: 'success',
          userId: actor.userId,
          userEmail: actor.email,
          ip: actor.ip,
          objectType: 'call',
          objectId: call.id,
          detail: {
            opensAt: call.opensAt.toISOString(),
            closesAt: call.closesAt.toISOString(),
            at: now.toISOString(),
          },
        },
        em,
      );
    });
    return this.managed(actor, call.id);
  }

  /** The call, if the actor is a bureau admin of its region or above (403 otherwise). */
  private async managedCall(actor: Actor, id: string): Promise<CallEntity> {
    const call = await this.dataSource
      .getRepository(CallEntity)
      .findOneBy({ id });
    if (!call) throw new NotFoundError('The call');
    if (!this.managingGrant(actor, call.regionCode))
      throw new ForbiddenError(
        'You may manage only the calls of your own region and the regions below it.',
      );
    return call;
  }

  private managingGrant(actor: Actor, regionCode: string) {
    return grantsFor(actor.memberships, 'calls.manage').find(
      (g) => g.regionCode !== null && regionContains(g.regionCode, regionCode),
    );
  }

  private async withUse(
    actor: Actor,
    views: readonly CallView[],
  ): Promise<ManagedCallView[]> {
    const em = this.dataSource.manager;
    const counts = await CallsRepository.applicationCounts(
      em,
      views.map((v) => v.id),
    );
    return Promise.all(
      views.map(async (view) => ({
        ...view,
        manageable: !!this.managingGrant(actor, view.regionCode),
        applications: counts.get(view.id) ?? 0,
        quotaUse: await this.quotaUse(view, view.quotas),
      })),
    );
  }

  /** How much of each quota is used, by the transitions the programme's quota guard counts. */
  private async quotaUse(
    call: Pick<CallView, 'id' | 'type'>,
    quotas: CallView['quotas'],
  ) {
    const actions = [
      ...new Set(
        WORKFLOW_VERSIONS[call.type]
          .flatMap((d) => d.transitions)
          .filter((t) => t.guards.includes('call_quota'))
          .map((t) => t.action),
      ),
    ];
    return Promise.all(
      quotas.map(async (q) => ({
        regionCode: q.regionCode,
        limit: q.limit,
        used: await CallsRepository.quotaUsed(this.dataSource.manager, {
          callId: call.id,
          regionCode: q.regionCode,
          actions,
        }),
      })),
    );
  }

  /**
   * Calls that reach the reader: an enterprise sees those covering its county, staff those in
   * their region. Each open call says how many working days it has left; an enterprise reader
   * also gets its own company's latest application in each call (one query for the page).
   */
  async list(actor: Actor, query: CallListQuery = {}): Promise<CallView[]> {
    const now = this.clock.now();
    const qb = this.dataSource
      .getRepository(CallEntity)
      .createQueryBuilder('c')
      .where('1 = 1');
    if (query.type) qb.andWhere('c.type = :type', { type: query.type });
    if (query.status === 'upcoming') qb.andWhere('c.opens_at > :now', { now });
    if (query.status === 'open')
      qb.andWhere('c.opens_at <= :now AND c.closes_at > :now', { now });
    if (query.status === 'closed') qb.andWhere('c.closes_at <= :now', { now });
    const calls = (
      await qb.orderBy('c.closes_at', 'DESC').limit(500).getMany()
    ).filter((c) => this.reaches(actor, c));
    return this.views(actor, calls, now);
  }

  async get(actor: Actor, id: string): Promise<CallView> {
    const call = await this.dataSource
      .getRepository(CallEntity)
      .findOneBy({ id });
    if (!call || !this.reaches(actor, call))
      throw new NotFoundError('The call');
    const [view] = await this.views(actor, [call], this.clock.now());
    return view;
  }

  /** The views of calls the reader may see, with the days left and the reader's own cases. */
  private async views(
    actor: Actor,
    calls: CallEntity[],
    now: Date,
  ): Promise<CallView[]> {
    const overrides = calls.some((c) => callStatus(c, now) === 'open')
      ? await this.calendar.overrides()
      : undefined;
    const own = await this.ownApplications(actor, calls);
    return calls.map((call) => {
      const view = callView(call, now);
      return {
        ...view,
        workingDaysLeft:
          view.status === 'open'
            ? workingDaysBetween(
                chinaDate(now),
                chinaDate(call.closesAt),
                overrides,
              )
            : null,
        ...(own ? { ownApplication: own.get(call.id) ?? null } : {}),
      };
    });
  }

  /** An enterprise reader's latest application per call; null for staff. */
  private async ownApplications(
    actor: Actor,
    calls: CallEntity[],
  ): Promise<Map<string, CallOwnApplication> | null> {
    const company = actor.memberships.find(
      (m) => m.organisationKind === 'enterprise',
    );
    if (!company) return null;
    const own = new Map<string, CallOwnApplication>();
    if (!calls.length) return own;
    const rows = await this.dataSource.getRepository(ApplicationEntity).find({
      where: {
        organisationId: company.organisationId,
        callId: In(calls.map((c) => c.id)),
      },
      select: {
        id: true,
        reference: true,
        callId: true,
        type: true,
        workflowVersion: true,
        state: true,
        createdAt: true,
      },
      order: { createdAt: 'DESC' },
    });
    for (const row of rows) {
      if (own.has(row.callId)) continue;
      own.set(row.callId, {
        id: row.id,
        reference: row.reference,
        draft:
          row.state === workflowVersion(row.type, row.workflowVersion).initial,
      });
    }
    return own;
  }

  private reaches(actor: Actor, call: CallEntity): boolean {
    return actor.memberships.some((m) => {
      if (!m.regionCode) return false;
      return m.organisationKind === 'enterprise'
        ? regionContains(call.regionCode, m.regionCode)
        : regionContains(m.regionCode, call.regionCode) ||
            regionContains(call.regionCode, m.regionCode);
    });
  }

  /** A call's region must be one the portal knows. */
  private async regionProblems(regionCode: string): Promise<FieldError[]> {
    return (await this.dataSource
      .getRepository(RegionEntity)
      .existsBy({ code: regionCode }))
      ? []
      : [
          {
            field: 'regionCode',
            code: 'region.unknown',
            message: 'Not a region the portal knows',
          },
        ];
  }

  private async quotaProblems(
    regionCode: string,
    quotas: readonly { readonly regionCode: string }[],
  ) {
    const seen = new Set<string>();
    return quotas.flatMap((q, i) => {
      if (
        !regionContains(regionCode, q.regionCode) ||
        q.regionCode === regionCode
      )
        return [
          {
            field: `quotas.${i}.regionCode`,
            code: 'quota.region',
            message: "A quota is for a region inside the call's region",
          },
        ];
      if (seen.has(q.regionCode))
        return [
          {
            field: `quotas.${i}.regionCode`,
            code: 'quota.duplicate',
            message: 'One quota per region',
          },
        ];
      seen.add(q.regionCode);
      return [];
    });
  }
}

function changedFields(
  call: CallEntity,
  next: Pick<
    CallEntity,
    'title' | 'regionCode' | 'opensAt' | 'closesAt' | 'quotas'
  >,
): string[] {
  const changed: string[] = [];
  if (next.title !== call.title) changed.push('title');
  if (next.regionCode !== call.regionCode) changed.push('regionCode');
  if (next.opensAt.getTime() !== call.opensAt.getTime())
    changed.push('opensAt');
  if (next.closesAt.getTime() !== call.closesAt.getTime())
    changed.push('closesAt');
  if (JSON.stringify(next.quotas) !== JSON.stringify(call.quotas))
    changed.push('quotas');
  return changed;
}

/** Whether the call is open at `now`, the portal's time. */
export function callStatus(call: CallEntity, now: Date): CallStatus {
  if (now < call.opensAt) return 'upcoming';
  return now < call.closesAt ? 'open' : 'closed';
}

export function callView(call: CallEntity, now: Date): CallView {
  return {
    id: call.id,
    type: call.type,
    title: call.title,
    regionCode: call.regionCode,
    opensAt: call.opensAt.toISOString(),
    closesAt: call.closesAt.toISOString(),
    status: callStatus(call, now),
    quotas: call.quotas,
    createdAt: call.createdAt.toISOString(),
  };
}
