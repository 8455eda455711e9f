import { Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import {
  AppError,
  decodeCursor,
  encodeCursor,
  NotFoundError,
  ValidationFailedError,
} from '@portal/api-core';
import { AuditService, SessionService, type Actor } from '@portal/api-access';
import {
  forUpdate,
  MembershipEntity,
  OrganisationEntity,
  RegionEntity,
  UserEntity,
} from '@portal/api-db';
import type {
  CompanyView,
  MemberView,
  Page,
  VerificationStatus,
} from '@portal/contracts';
import { JobProducer } from '@portal/api-jobs';
import {
  isCompanyRole,
  maskPhone,
  memberChangeProblem,
  type MemberChange,
} from '@portal/domain';
import { DataSource, In, type Repository } from 'typeorm';
import type {
  CompanyListQueryDto,
  UpdateCompanyContactDto,
} from '../dto/identity.dto';
import { applyRegionScope, holdsInRegion, isMemberOf } from './company-scope';

const DEFAULT_PAGE = 20;

@Injectable()
export class CompaniesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @InjectRepository(OrganisationEntity)
    private readonly organisations: Repository<OrganisationEntity>,
    @InjectRepository(RegionEntity)
    private readonly regions: Repository<RegionEntity>,
    private readonly audit: AuditService,
    private readonly jobs: JobProducer,
    private readonly sessions: SessionService,
  ) {}

  /** The company the actor belongs to (their first enterprise membership). */
  async mine(actor: Actor): Promise<CompanyView> {
    const org = await this.organisations.findOneBy({
      id: this.ownCompanyId(actor),
    });
    if (!org) throw new NotFoundError('Your company');
    return (await this.toViews([org], true))[0] as CompanyView;
  }

  /**
   * Changes the company's contact person, phone and e-mail, audited with the names of the fields
   * that changed (not their values: the phone is personal data). What the county verified (name,
   * credit code, region) is not changeable here.
   */
  async updateContact(
    actor: Actor,
    dto: UpdateCompanyContactDto,
  ): Promise<CompanyView> {
    const id = this.ownCompanyId(actor);
    await this.dataSource.transaction(async (em) => {
      const org = await em.findOneBy(OrganisationEntity, { id });
      if (!org) throw new NotFoundError('Your company');
      const changed = (
        ['contactName', 'contactPhone', 'contactEmail'] as const
      ).filter((field) => org[field] !== dto[field]);
      if (!changed.length) return;
      await em.update(
        OrganisationEntity,
        { id },
        {
          contactName: dto.contactName,
          contactPhone: dto.contactPhone,
          contactEmail: dto.contactEmail,
        },
      );
      await this.audit.record(
        {
          action: 'company.contact_updated',
          result: 'success',
          userId: actor.userId,
          userEmail: actor.email,
          ip: actor.ip,
          objectType: 'organisation',
          objectId: id,
          detail: { fields: changed },
        },
        em,
      );
    });
    return this.mine(actor);
  }

  async members(actor: Actor): Promise<MemberView[]> {
    const rows = await this.dataSource
      .getRepository(MembershipEntity)
      .createQueryBuilder('m')
      .innerJoinAndMapOne('m.user', UserEntity, 'u', 'u.id = m.user_id')
      .where('m.organisation_id = :org', { org: this.ownCompanyId(actor) })
      .orderBy('m.created_at', 'ASC')
      .getMany();
    return rows.map((m) => ({
      userId: m.userId,
      name: (m.user as UserEntity).name,
      email: (m.user as UserEntity).email,
      role: m.role,
      joinedAt: m.createdAt.toISOString(),
    }));
  }

  /**
   * Removes a member from the actor's company, or changes their role. The company keeps at
   * least one administrator; the membership rows are locked for the check, so two admins
   * demoting each other at once cannot both succeed. Audited with the member's e-mail; a
   * removed member's sessions end at once.
   */
  async changeMember(
    actor: Actor,
    userId: string,
    change: MemberChange,
  ): Promise<MemberView[]> {
    const org = this.ownCompanyId(actor);
    await this.dataSource.transaction(async (em) => {
      const rows = await forUpdate(
        em,
        em
          .getRepository(MembershipEntity)
          .createQueryBuilder('m')
          .where('m.organisation_id = :org', { org }),
      ).getMany();
      const members = rows.filter((m) => isCompanyRole(m.role));
      const problem = memberChangeProblem(members, userId, change);
      // Someone who is not a member of this company reads as not found: nothing leaks.
      if (problem === 'not_member')
        throw new NotFoundError('The member of your company');
      if (problem === 'last_admin')
        throw new AppError(
          409,
          'LAST_ADMIN',
          change.kind === 'remove'
            ? 'The company must keep at least one administrator: make another member an administrator first.'
            : 'The company must keep at least one administrator: make another member an administrator before changing this role.',
        );
      const target = members.find(
        (m) => m.userId === userId,
      ) as MembershipEntity;
      if (change.kind === 'role' && target.role === change.role) return;
      if (change.kind === 'remove')
        await em.delete(MembershipEntity, { id: target.id });
      else
        await em.update(
          MembershipEntity,
          { id: target.id },
          { role: change.role },
        );
      const user = await em.findOneBy(UserEntity, { id: userId });
      await this.audit.record(
        {
          action:
            change.kind === 'remove'
              ? 'company.member_removed'
              : 'company.member_role_changed',
          result: 'success',
          userId: actor.userId,
          userEmail: actor.email,
          ip: actor.ip,
          objectType: 'user',
          objectId: userId,
          detail: {
            organisationId: org,
            email: user?.email ?? null,
            from: target.role,
            ...(change.kind === 'role' ? { to: change.role } : {}),
          },
        },
        em,
      );
    });
    // The removed member is signed out everywhere; their next request is refused.
    if (change.kind === 'remove') await this.sessions.revokeAll(userId);
    return this.members(actor);
  }

  /** Companies in the actor's regions, newest first, by keyset. */
  async list(
    actor: Actor,
    query: CompanyListQueryDto,
  ): Promise<Page<CompanyView>> {
    const limit = query.limit ?? DEFAULT_PAGE;
    const qb = this.organisations
      .createQueryBuilder('o')
      .where('o.kind = :kind', { kind: 'enterprise' });
    applyRegionScope(qb, actor, 'company.region.read');
    if (query.status)
      qb.andWhere('o.verification_status = :status', { status: query.status });
    if (query.cursor) {
      const [createdAt, id] = decodeCursor(query.cursor);
      qb.andWhere(
        '(o.created_at < :createdAt OR (o.created_at = :createdAt AND o.id < :id))',
        {
          createdAt,
          id,
        },
      );
    }
    const { entities, raw } = await qb
      .orderBy('o.created_at', 'DESC')
      .addOrderBy('o.id', 'DESC')
      .limit(limit + 1)
      .getRawAndEntities<{ o_created_at: string | Date }>();
    const page = entities.slice(0, limit);
    const last = page[page.length - 1];
    // The raw column keeps the stored precision (microseconds); a JS Date would cut it to ms.
    const lastCreatedAt = raw[page.length - 1]?.o_created_at;
    return {
      items: await this.toViews(page, false),
      nextCursor:
        entities.length > limit && last && lastCreatedAt !== undefined
          ? encodeCursor(String(lastCreatedAt), last.id)
          : null,
    };
  }

  /**
   * One company, to its own members and to reviewers of its region; 404 to everyone else. The
   * contact's phone number is the company's to see in full; reviewers see it masked, as in
   * the list (they reach the company through the portal, not by phone).
   */
  async get(actor: Actor, id: string): Promise<CompanyView> {
    const org = await this.organisations.findOneBy({ id, kind: 'enterprise' });
    const member = !!org && isMemberOf(actor, org.id);
    if (
      !org ||
      !(member || holdsInRegion(actor, 'company.region.read', org.regionCode))
    ) {
      throw new NotFoundError('The company');
    }
    return (await this.toViews([org], member))[0] as CompanyView;
  }

  async decide(
    actor: Actor,
    id: string,
    decision: Exclude<VerificationStatus, 'pending'>,
    comment: string | undefined,
  ): Promise<CompanyView> {
    if (decision === 'rejected' && !comment) {
      throw new ValidationFailedError([
        {
          field: 'comment',
          code: 'required',
          message: 'Say why the registration is rejected',
        },
      ]);
    }
    const org = await this.organisations.findOneBy({ id, kind: 'enterprise' });
    if (!org || !holdsInRegion(actor, 'company.region.read', org.regionCode)) {
      throw new NotFoundError('The company');
    }
    if (!holdsInRegion(actor, 'company.verify', org.regionCode)) {
      throw new AppError(
        403,
        'FORBIDDEN',
        'Only a county reviewer or a bureau admin of this region can verify companies.',
      );
    }
    const decidedAt = new Date();
    await this.dataSource.transaction(async (em) => {
      const result = await em
        .createQueryBuilder()
        .update(OrganisationEntity)
        .set({
          verificationStatus: decision,
          verificationComment: comment ?? null,
          verifiedAt: decidedAt,
          verifiedBy: actor.userId,
          version: () => 'version + 1',
        })
        .where('id = :id AND verification_status = :pending', {
          id,
          pending: 'pending',
        })
        .execute();
      if (!result.affected) {
        throw new AppError(
          409,
          'COMPANY_NOT_PENDING',
          'This company was already verified or rejected; reload to see its status.',
        );
      }
      await this.audit.record(
        {
          action:
            decision === 'verified'
              ? 'company.verified'
              : 'company.verification_rejected',
          result: 'success',
          userId: actor.userId,
          userEmail: actor.email,
          ip: actor.ip,
          objectType: 'organisation',
          objectId: id,
          detail: comment ? { comment } : undefined,
        },
        em,
      );
      // Enqueued before commit, as an invitation is: if Redis refuses, nothing is decided; if
      // the commit fails after, the job finds the company still pending and skips.
      await this.jobs
        .enqueue(
          'company-verification-notice',
          { organisationId: id },
          `${id}:${decidedAt.getTime()}`,
        )
        .catch(() => {
          throw new AppError(
            503,
            'SERVICE_UNAVAILABLE',
            'The decision could not be queued for notice to the company right now. Try again in a minute.',
          );
        });
    });
    return this.get(actor, id);
  }

  ownCompanyId(actor: Actor): string {
    const membership = actor.memberships.find(
      (m) => m.organisationKind === 'enterprise',
    );
    if (!membership) throw new NotFoundError('Your company');
    return membership.organisationId;
  }

  private async toViews(
    orgs: OrganisationEntity[],
    fullContact: boolean,
  ): Promise<CompanyView[]> {
    const codes = [...new Set(orgs.map((o) => o.regionCode))];
    const regions = codes.length
      ? await this.regions.findBy({ code: In(codes) })
      : [];
    const names = new Map(regions.map((r) => [r.code, r.name]));
    return orgs.map((o) => ({
      id: o.id,
      name: o.name,
      creditCode: o.creditCode ?? '',
      regionCode: o.regionCode,
      regionName: names.get(o.regionCode) ?? o.regionCode,
      contactName: o.contactName ?? '',
      contactPhone: fullContact
        ? (o.contactPhone ?? '')
        : maskPhone(o.contactPhone ?? ''),
      contactEmail: o.contactEmail ?? '',
      verificationStatus: o.verificationStatus,
      verificationComment: o.verificationComment,
      verifiedAt: o.verifiedAt?.toISOString() ?? null,
      createdAt: o.createdAt.toISOString(),
      foundedOn: o.foundedOn,
    }));
  }
}
