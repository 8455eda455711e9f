import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  AppConfig,
  AppError,
  ConflictError,
  hashPassword,
  hmac,
  safeEqual,
  UnauthorizedError,
  ValidationFailedError,
  verifyPassword,
} from '@portal/api-core';
import {
  AuditService,
  type Actor,
  type RequestContext,
} from '@portal/api-access';
import {
  ExpertEntity,
  InvitationEntity,
  MembershipEntity,
  OrganisationEntity,
  UserEntity,
} from '@portal/api-db';
import { JobProducer } from '@portal/api-jobs';
import type { InvitationCreated, InvitationView } from '@portal/contracts';
import {
  checkPasswordPolicy,
  INVITATION_VALIDITY_MS,
  type Role,
} from '@portal/domain';
import { DataSource, IsNull } from 'typeorm';
import { AuthService, type LoginOutcome } from '../auth/auth.service';
import type { AcceptInvitationDto, InviteMemberDto } from '../dto/identity.dto';
import { COMMON_PASSWORDS } from '../dto/validators';
import { CompaniesService } from '../companies/companies.service';

const INVALID_INVITATION =
  'This invitation link is invalid, was already used or has expired. Ask your company administrator for a new one.';

/** E-mail invitations into a company. The link's token is `<id>.<HMAC(id)>`: nothing secret is stored. */
@Injectable()
export class InvitationsService {
  constructor(
    private readonly config: AppConfig,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly companies: CompaniesService,
    private readonly jobs: JobProducer,
    private readonly auth: AuthService,
    private readonly audit: AuditService,
  ) {}

  tokenFor(invitationId: string): string {
    return `${invitationId}.${hmac(this.config.sessionSecret, `invitation:${invitationId}`)}`;
  }

  /** The token rides in the fragment, which browsers never send: not in any access log. */
  linkFor(invitationId: string): string {
    return `${this.config.publicUrl}/invitation#token=${this.tokenFor(invitationId)}`;
  }

  async invite(actor: Actor, dto: InviteMemberDto): Promise<InvitationCreated> {
    const organisationId = this.companies.ownCompanyId(actor);
    const alreadyMember = await this.dataSource
      .getRepository(MembershipEntity)
      .createQueryBuilder('m')
      .innerJoin(UserEntity, 'u', 'u.id = m.user_id')
      .where('m.organisation_id = :organisationId AND u.email = :email', {
        organisationId,
        email: dto.email,
      })
      .getExists();
    if (alreadyMember) {
      throw new ConflictError(
        'EMAIL_TAKEN',
        'This person is already a member of your company.',
        [{ field: 'email', code: 'email.member', message: 'Already a member' }],
      );
    }
    const invitation = await this.issue(actor, {
      organisationId,
      email: dto.email,
      role: dto.role,
      profile: null,
      action: 'company.member_invited',
      detail: { email: dto.email, role: dto.role },
    });
    return {
      id: invitation.id,
      email: invitation.email,
      role: invitation.role,
      expiresAt: invitation.expiresAt.toISOString(),
    };
  }

  /**
   * Writes an invitation with its audit entry and queues its mail, all or nothing: the mail
   * job is enqueued before the commit, so if Redis refuses nothing is written (503), and if the
   * commit then fails the job finds no invitation and skips.
   */
  async issue(
    actor: Actor,
    invitation: {
      readonly organisationId: string;
      readonly email: string;
      readonly role: Role;
      readonly profile: InvitationEntity['profile'];
      readonly action: 'company.member_invited' | 'staff.invited';
      readonly detail: Record<string, unknown>;
    },
  ): Promise<InvitationEntity> {
    return this.dataSource.transaction(async (em) => {
      const row = em.create(InvitationEntity, {
        id: randomUUID(),
        organisationId: invitation.organisationId,
        email: invitation.email,
        role: invitation.role,
        invitedBy: actor.userId,
        language: 'zh-CN',
        expiresAt: new Date(Date.now() + INVITATION_VALIDITY_MS),
        acceptedAt: null,
        profile: invitation.profile,
      });
      await em.save(row);
      await this.audit.record(
        {
          action: invitation.action,
          result: 'success',
          userId: actor.userId,
          userEmail: actor.email,
          ip: actor.ip,
          objectType: 'invitation',
          objectId: row.id,
          detail: invitation.detail,
        },
        em,
      );
      await this.jobs
        .enqueue('invitation-mail', { invitationId: row.id }, row.id)
        .catch(() => {
          throw new AppError(
            503,
            'SERVICE_UNAVAILABLE',
            'The invitation could not be queued for e-mail right now. Try again in a minute.',
          );
        });
      return row;
    });
  }

  async view(token: string): Promise<InvitationView> {
    const { invitation, organisation } = await this.open(token);
    return {
      email: invitation.email,
      companyName: organisation.name,
      role: invitation.role,
      expiresAt: invitation.expiresAt.toISOString(),
    };
  }

  /** Joins the company: creates the account, or adds the membership to the existing one. */
  async accept(
    dto: AcceptInvitationDto,
    context: RequestContext,
  ): Promise<LoginOutcome> {
    const { invitation, organisation } = await this.open(dto.token);
    const users = this.dataSource.getRepository(UserEntity);
    let user = await users.findOneBy({ email: invitation.email });
    if (user) {
      if (!(await verifyPassword(user.passwordHash, dto.password))) {
        throw new UnauthorizedError(
          'INVALID_CREDENTIALS',
          'An account with this e-mail exists: enter its password to join.',
        );
      }
    } else {
      const [problem] = checkPasswordPolicy(dto.password, {
        commonPasswords: COMMON_PASSWORDS,
        email: invitation.email,
      });
      if (problem) {
        throw new ValidationFailedError([
          {
            field: 'password',
            code: `password.${problem}`,
            message: 'The password does not meet the policy',
          },
        ]);
      }
    }
    const passwordHash = user ? null : await hashPassword(dto.password);
    user = await this.dataSource.transaction(async (em) => {
      const claimed = await em.update(
        InvitationEntity,
        { id: invitation.id, acceptedAt: IsNull() },
        { acceptedAt: new Date() },
      );
      if (!claimed.affected)
        throw new AppError(409, 'INVITATION_INVALID', INVALID_INVITATION);
      let member = await em.findOneBy(UserEntity, { email: invitation.email });
      if (!member) {
        member = em.create(UserEntity, {
          id: randomUUID(),
          email: invitation.email,
          name: dto.name,
          phone: null,
          passwordHash: passwordHash as string,
          language: dto.language ?? 'zh-CN',
          totpSecret: null,
          totpEnabledAt: null,
          disabledAt: null,
        });
        await em.save(member);
      }
      await em.insert(MembershipEntity, {
        id: randomUUID(),
        userId: member.id,
        organisationId: invitation.organisationId,
        role: invitation.role,
      });
      const expert = invitation.profile?.expert;
      if (expert) {
        // One pool entry per person: a second invitation as expert updates the profile.
        await em.delete(ExpertEntity, { userId: member.id });
        await em.insert(ExpertEntity, {
          userId: member.id,
          discipline: expert.discipline,
          employerId: expert.employerId,
          conflictIds: expert.conflictIds,
          provinceCode: organisation.provinceCode,
          active: true,
        });
      }
      await this.audit.record(
        {
          action:
            organisation.kind === 'enterprise'
              ? 'company.member_joined'
              : 'staff.joined',
          result: 'success',
          userId: member.id,
          userEmail: member.email,
          ip: context.ip,
          objectType: 'organisation',
          objectId: invitation.organisationId,
          detail: { role: invitation.role, invitationId: invitation.id },
        },
        em,
      );
      return member;
    });
    return this.auth.startSession(user, context, 'auth.login');
  }

  private async open(token: string): Promise<{
    invitation: InvitationEntity;
    organisation: OrganisationEntity;
  }> {
    const [id, mac] = token.split('.');
    if (
      !id ||
      !mac ||
      !safeEqual(mac, hmac(this.config.sessionSecret, `invitation:${id}`))
    ) {
      throw new AppError(404, 'INVITATION_INVALID', INVALID_INVITATION);
    }
    const invitation = await this.dataSource
      .getRepository(InvitationEntity)
      .findOneBy({ id });
    if (
      !invitation ||
      invitation.acceptedAt ||
      invitation.expiresAt.getTime() < Date.now()
    ) {
      throw new AppError(404, 'INVITATION_INVALID', INVALID_INVITATION);
    }
    const organisation = await this.dataSource
      .getRepository(OrganisationEntity)
      .findOneByOrFail({ id: invitation.organisationId });
    return { invitation, organisation };
  }
}
