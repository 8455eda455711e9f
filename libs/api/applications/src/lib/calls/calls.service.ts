import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AuditService, type Actor } from '@portal/api-access';
import {
  chinaDate,
  ForbiddenError,
  NotFoundError,
  PortalClock,
  ValidationFailedError,
} from '@portal/api-core';
import {
  ApplicationEntity,
  CallEntity,
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
} from '@portal/contracts';
import { grantsFor, regionContains, workflowVersion } from '@portal/domain';
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
    if (
      !(await this.dataSource
        .getRepository(RegionEntity)
        .existsBy({ code: regionCode }))
    )
      problems.push({
        field: 'regionCode',
        code: 'region.unknown',
        message: 'Not a region the portal knows',
      });
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
          action: 'call.opened',
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

  private async quotaProblems(
    regionCode: string,
    quotas: CreateCallRequest['quotas'] & object,
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
