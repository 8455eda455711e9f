import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AuditService, SessionService, type Actor } from '@portal/api-access';
import {
  AppError,
  ConflictError,
  ForbiddenError,
  NotFoundError,
  ValidationFailedError,
} from '@portal/api-core';
import {
  ExpertEntity,
  InvitationEntity,
  MembershipEntity,
  OrganisationEntity,
  UserEntity,
} from '@portal/api-db';
import type {
  Page,
  StaffInvitationCreated,
  StaffMemberView,
  StaffOrganisationView,
  StaffRole,
} from '@portal/contracts';
import {
  ADMINISTERED_ROLES,
  administeringGrant,
  grantsFor,
  regionContains,
  regionLevel,
  regionPath,
  staffAdministrationRefusal,
  type MembershipGrant,
  type StaffPlacement,
} from '@portal/domain';
import { Brackets, DataSource, In, type SelectQueryBuilder } from 'typeorm';
import { InvitationsService } from '../invitations/invitations.service';
import type {
  InviteStaffDto,
  ResetSecondFactorDto,
  StaffListQueryDto,
  StaffOrganisationQueryDto,
} from './staff.dto';

const REFUSALS = {
  role: 'Only bureau and system administrators manage staff, and never auditors or system administrators.',
  region: 'You can only manage staff within your own region.',
  level:
    'You can invite and manage administrators of lower levels only (a county administrator invites none).',
} as const;

/** The organisation column that holds a region code of this level (every scope is an equality). */
function scopeColumn(code: string): string {
  switch (regionLevel(code)) {
    case 'province':
      return 'o.province_code';
    case 'city':
      return 'o.city_code';
    case 'county':
      return 'o.county_code';
  }
}

/**
 * Bureau staff, experts, bank officers and service providers, as a bureau administrator sees
 * and changes them: inside their region, other administrators only below their level.
 */
@Injectable()
export class StaffService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly sessions: SessionService,
    private readonly invitations: InvitationsService,
    private readonly audit: AuditService,
  ) {}

  /** Staff with a membership in the administrator's region, by e-mail, keyset-paged. */
  async list(
    actor: Actor,
    query: StaffListQueryDto,
  ): Promise<Page<StaffMemberView>> {
    const scopes = this.adminGrants(actor);
    if (
      query.regionCode &&
      !scopes.some((g) =>
        regionContains(g.regionCode ?? '', query.regionCode as string),
      )
    ) {
      throw new ForbiddenError(REFUSALS.region);
    }
    const limit = query.limit ?? 25;
    const qb = this.dataSource
      .getRepository(UserEntity)
      .createQueryBuilder('u')
      .where((outer) => {
        const sub = outer
          .subQuery()
          .select('1')
          .from(MembershipEntity, 'm')
          .innerJoin(OrganisationEntity, 'o', 'o.id = m.organisation_id')
          .where('m.user_id = u.id')
          .andWhere('m.role IN (:...roles)', {
            roles: query.role ? [query.role] : [...ADMINISTERED_ROLES],
          });
        this.inScope(sub, scopes);
        if (query.regionCode)
          sub.andWhere(`${scopeColumn(query.regionCode)} = :filterRegion`, {
            filterRegion: query.regionCode,
          });
        return `EXISTS ${sub.getQuery()}`;
      });
    if (query.active === 'true') qb.andWhere('u.disabled_at IS NULL');
    if (query.active === 'false') qb.andWhere('u.disabled_at IS NOT NULL');
    if (query.q)
      qb.andWhere(
        new Brackets((w) =>
          w
            .where('u.email LIKE :q', {
              q: `%${escapeLike(query.q as string)}%`,
            })
            .orWhere('u.name LIKE :q'),
        ),
      );
    if (query.cursor)
      qb.andWhere('u.email > :cursor', { cursor: query.cursor });
    const users = await qb
      .orderBy('u.email', 'ASC')
      .limit(limit + 1)
      .getMany();
    const page = users.slice(0, limit);
    return {
      items: await this.views(page, scopes),
      nextCursor:
        users.length > limit ? (page[page.length - 1]?.email ?? null) : null,
    };
  }

  /**
   * Banks, providers or companies of the administrator's region by name (at most 20): where a
   * bank officer or provider works, an expert's employer and their declared conflicts.
   */
  async organisations(
    actor: Actor,
    query: StaffOrganisationQueryDto,
  ): Promise<StaffOrganisationView[]> {
    const qb = this.dataSource
      .getRepository(OrganisationEntity)
      .createQueryBuilder('o')
      .where('o.kind = :kind', { kind: query.kind });
    this.inScope(qb, this.adminGrants(actor));
    if (query.q)
      qb.andWhere('o.name LIKE :q', { q: `%${escapeLike(query.q)}%` });
    const rows = await qb.orderBy('o.name', 'ASC').limit(20).getMany();
    return rows.map((o) => ({
      id: o.id,
      name: o.name,
      kind: query.kind,
      regionCode: o.regionCode,
    }));
  }

  /** Invites into the bureau, bank or provider the role calls for; the mail goes from the queue. */
  async invite(
    actor: Actor,
    dto: InviteStaffDto,
  ): Promise<StaffInvitationCreated> {
    const organisation = await this.placementOrganisation(actor, dto);
    this.authorise(actor, {
      role: dto.role,
      regionCode: organisation.regionCode,
    });
    const profile: InvitationEntity['profile'] =
      dto.role === 'expert'
        ? {
            expert: {
              discipline: dto.discipline as 'technical' | 'finance',
              employerId: dto.employerId ?? null,
              conflictIds: [...new Set(dto.conflictIds ?? [])],
            },
          }
        : null;
    if (profile?.expert) {
      const named = [
        ...(profile.expert.employerId ? [profile.expert.employerId] : []),
        ...profile.expert.conflictIds,
      ];
      const found = named.length
        ? await this.dataSource
            .getRepository(OrganisationEntity)
            .countBy({ id: In(named) })
        : 0;
      if (found !== new Set(named).size)
        throw new ValidationFailedError([
          {
            field: 'conflictIds',
            code: 'organisation.unknown',
            message:
              'An employer or conflict names an organisation that does not exist',
          },
        ]);
    }
    const alreadyMember = await this.dataSource
      .getRepository(MembershipEntity)
      .createQueryBuilder('m')
      .innerJoin(UserEntity, 'u', 'u.id = m.user_id')
      .where(
        'm.organisation_id = :org AND m.role = :role AND u.email = :email',
        {
          org: organisation.id,
          role: dto.role,
          email: dto.email,
        },
      )
      .getExists();
    if (alreadyMember)
      throw new ConflictError(
        'EMAIL_TAKEN',
        `This person already holds this role at ${organisation.name}.`,
        [
          {
            field: 'email',
            code: 'email.member',
            message: 'Already holds this role',
          },
        ],
      );
    const invitation = await this.invitations.issue(actor, {
      organisationId: organisation.id,
      email: dto.email,
      role: dto.role,
      profile,
      action: 'staff.invited',
      detail: {
        email: dto.email,
        role: dto.role,
        organisationId: organisation.id,
        regionCode: organisation.regionCode,
        ...(profile ?? {}),
      },
    });
    return {
      id: invitation.id,
      email: invitation.email,
      role: dto.role,
      organisationName: organisation.name,
      expiresAt: invitation.expiresAt.toISOString(),
    };
  }

  /** Ends every session of the user; their next log-in is refused with ACCOUNT_DISABLED. */
  async deactivate(
    actor: Actor,
    userId: string,
    reason: string | null,
  ): Promise<StaffMemberView> {
    return this.change(
      actor,
      userId,
      'staff.deactivated',
      { reason },
      async (user) => {
        if (user.id === actor.userId)
          throw new ForbiddenError('You cannot deactivate your own account.');
        user.disabledAt = user.disabledAt ?? new Date();
      },
    );
  }

  async reactivate(actor: Actor, userId: string): Promise<StaffMemberView> {
    return this.change(actor, userId, 'staff.reactivated', {}, async (user) => {
      user.disabledAt = null;
    });
  }

  /** Forgets the authenticator: the user enrols a new one at their next log-in. */
  async resetSecondFactor(
    actor: Actor,
    userId: string,
    dto: ResetSecondFactorDto,
  ): Promise<StaffMemberView> {
    return this.change(
      actor,
      userId,
      'staff.second_factor_reset',
      { reason: dto.reason },
      async (user) => {
        if (user.id === actor.userId)
          throw new ForbiddenError(
            'Reset your own authenticator from your account page, not here.',
          );
        user.totpSecret = null;
        user.totpEnabledAt = null;
        user.totpPendingSecret = null;
        user.totpLastStep = null;
        user.totpFailures = 0;
      },
    );
  }

  private async change(
    actor: Actor,
    userId: string,
    action:
      | 'staff.deactivated'
      | 'staff.reactivated'
      | 'staff.second_factor_reset',
    detail: Record<string, unknown>,
    apply: (user: UserEntity) => Promise<void>,
  ): Promise<StaffMemberView> {
    const scopes = this.adminGrants(actor);
    const { user, placements } = await this.target(userId, scopes);
    for (const placement of placements) this.authorise(actor, placement);
    await this.dataSource.transaction(async (em) => {
      await apply(user);
      await em.save(user);
      await this.audit.record(
        {
          action,
          result: 'success',
          userId: actor.userId,
          userEmail: actor.email,
          ip: actor.ip,
          objectType: 'user',
          objectId: user.id,
          detail: { email: user.email, ...detail },
        },
        em,
      );
    });
    if (action !== 'staff.reactivated') await this.sessions.revokeAll(user.id);
    const [view] = await this.views([user], scopes);
    return view as StaffMemberView;
  }

  /** A user with a staff membership in one of the scopes, and every membership they hold. */
  private async target(
    userId: string,
    scopes: readonly MembershipGrant[],
  ): Promise<{ user: UserEntity; placements: StaffPlacement[] }> {
    const user = await this.dataSource
      .getRepository(UserEntity)
      .findOneBy({ id: userId });
    const rows = user
      ? await this.dataSource
          .getRepository(MembershipEntity)
          .createQueryBuilder('m')
          .innerJoin(OrganisationEntity, 'o', 'o.id = m.organisation_id')
          .select(['m.role AS role', 'o.region_code AS regionCode'])
          .where('m.user_id = :userId', { userId })
          .getRawMany<{ role: StaffRole; regionCode: string }>()
      : [];
    const visible = rows.some(
      (r) =>
        (ADMINISTERED_ROLES as readonly string[]).includes(r.role) &&
        scopes.some((s) => regionContains(s.regionCode ?? '', r.regionCode)),
    );
    if (!user || !visible) throw new NotFoundError('This staff member');
    return { user, placements: rows };
  }

  private adminGrants(actor: Actor): MembershipGrant[] {
    return grantsFor(actor.memberships, 'users.manage');
  }

  private authorise(actor: Actor, placement: StaffPlacement): void {
    const grants = this.adminGrants(actor);
    if (administeringGrant(grants, placement)) return;
    const refusal =
      grants
        .map((g) => staffAdministrationRefusal(g, placement))
        .find((r) => r !== 'region') ?? 'region';
    throw new ForbiddenError(REFUSALS[refusal ?? 'region']);
  }

  private async placementOrganisation(
    actor: Actor,
    dto: InviteStaffDto,
  ): Promise<OrganisationEntity> {
    const orgs = this.dataSource.getRepository(OrganisationEntity);
    if (dto.role === 'bank_officer' || dto.role === 'service_provider') {
      const kind = dto.role === 'bank_officer' ? 'bank' : 'provider';
      const org = await orgs.findOneBy({ id: dto.organisationId, kind });
      if (!org)
        throw new ValidationFailedError([
          {
            field: 'organisationId',
            code: 'organisation.unknown',
            message: `Choose a ${kind === 'bank' ? 'bank' : 'service provider'} from the list`,
          },
        ]);
      return org;
    }
    // The expert pool is the province's: the province of the administrator's region.
    const regionCode =
      dto.role === 'expert'
        ? regionPath(this.adminGrants(actor)[0]?.regionCode ?? '000000')
            .provinceCode
        : (dto.regionCode as string);
    const bureau = await orgs.findOneBy({ kind: 'bureau', regionCode });
    if (!bureau)
      throw new AppError(
        422,
        'REGION_UNKNOWN',
        'There is no bureau for this region on the portal.',
      );
    return bureau;
  }

  private inScope(
    qb: SelectQueryBuilder<object>,
    scopes: readonly MembershipGrant[],
  ): void {
    qb.andWhere(
      new Brackets((w) => {
        scopes.forEach((scope, i) =>
          w.orWhere(`${scopeColumn(scope.regionCode ?? '')} = :scope${i}`, {
            [`scope${i}`]: scope.regionCode,
          }),
        );
        if (!scopes.length) w.where('1 = 0');
      }),
    );
  }

  private async views(
    users: readonly UserEntity[],
    scopes: readonly MembershipGrant[],
  ): Promise<StaffMemberView[]> {
    if (!users.length) return [];
    const ids = users.map((u) => u.id);
    const memberships = await this.dataSource
      .getRepository(MembershipEntity)
      .createQueryBuilder('m')
      .innerJoinAndSelect('m.organisation', 'o')
      .where('m.user_id IN (:...ids)', { ids })
      .andWhere('m.role IN (:...roles)', { roles: [...ADMINISTERED_ROLES] })
      .orderBy('m.created_at', 'ASC')
      .getMany();
    const experts = await this.dataSource
      .getRepository(ExpertEntity)
      .findBy({ userId: In(ids) });
    const orgIds = [
      ...new Set(
        experts.flatMap((e) => [
          ...(e.employerId ? [e.employerId] : []),
          ...e.conflictIds,
        ]),
      ),
    ];
    const names = new Map(
      (orgIds.length
        ? await this.dataSource
            .getRepository(OrganisationEntity)
            .findBy({ id: In(orgIds) })
        : []
      ).map((o) => [o.id, o.name]),
    );
    return users.map((u) => {
      const expert = experts.find((e) => e.userId === u.id);
      return {
        userId: u.id,
        email: u.email,
        name: u.name,
        active: u.disabledAt === null,
        secondFactorEnabled: u.totpEnabledAt !== null,
        memberships: memberships
          .filter(
            (m) =>
              m.userId === u.id &&
              m.organisation &&
              scopes.some((s) =>
                regionContains(
                  s.regionCode ?? '',
                  m.organisation?.regionCode ?? '',
                ),
              ),
          )
          .map((m) => {
            const o = m.organisation as OrganisationEntity;
            return {
              role: m.role as StaffRole,
              organisationId: o.id,
              organisationName: o.name,
              regionCode: o.regionCode,
              level: o.level,
            };
          }),
        expert: expert
          ? {
              discipline: expert.discipline,
              employerId: expert.employerId,
              employerName: expert.employerId
                ? (names.get(expert.employerId) ?? null)
                : null,
              conflicts: expert.conflictIds.map((id) => ({
                id,
                name: names.get(id) ?? id,
              })),
              active: expert.active,
            }
          : null,
      };
    });
  }
}

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}
