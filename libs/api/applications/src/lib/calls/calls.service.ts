import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AuditService, type Actor } from '@portal/api-access';
import {
  ForbiddenError,
  NotFoundError,
  PortalClock,
  ValidationFailedError,
} from '@portal/api-core';
import { CallEntity, insertRows, RegionEntity } from '@portal/api-db';
import type {
  CallStatus,
  CallView,
  CreateCallRequest,
} from '@portal/contracts';
import {
  grantsFor,
  regionContains,
  type ApplicationType,
} from '@portal/domain';
import { DataSource } from 'typeorm';

/** Calls for applications (申报批次): opened by bureau admins for their region. */
@Injectable()
export class CallsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly clock: PortalClock,
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

  /** Calls that reach the reader: an enterprise sees those covering its county, staff those in their region. */
  async list(actor: Actor, type?: ApplicationType): Promise<CallView[]> {
    const qb = this.dataSource
      .getRepository(CallEntity)
      .createQueryBuilder('c');
    if (type) qb.where('c.type = :type', { type });
    const calls = await qb.orderBy('c.closes_at', 'DESC').limit(500).getMany();
    return calls
      .filter((c) => this.reaches(actor, c))
      .map((c) => callView(c, this.clock.now()));
  }

  async get(actor: Actor, id: string): Promise<CallView> {
    const call = await this.dataSource
      .getRepository(CallEntity)
      .findOneBy({ id });
    if (!call || !this.reaches(actor, call))
      throw new NotFoundError('The call');
    return callView(call, this.clock.now());
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
