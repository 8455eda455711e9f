import { randomUUID } from 'node:crypto';
import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  AppError,
  chinaDate,
  ConflictError,
  hashPassword,
  PortalClock,
  ValidationFailedError,
} from '@portal/api-core';
import { AuditService, type RequestContext } from '@portal/api-access';
import {
  MembershipEntity,
  OrganisationEntity,
  RegionEntity,
  UserEntity,
} from '@portal/api-db';
import { regionPath } from '@portal/domain';
import { DataSource, type EntityManager } from 'typeorm';
import type { RegisterDto } from '../dto/identity.dto';
import { isDuplicateKey } from '@portal/api-db';
import { JobProducer } from '@portal/api-jobs';
import type { RegisterResponse } from '@portal/contracts';

/** Enterprise self-registration: the company (pending verification) and its first admin. */
@Injectable()
export class RegistrationService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly jobs: JobProducer,
    private readonly audit: AuditService,
    private readonly clock: PortalClock,
  ) {}

  private readonly logger = new Logger(RegistrationService.name);

  /**
   * The answer is the same for a new address and for one that already has an account (201
   * `registered`, no session: the user logs in next), so registering does not tell who has an
   * account. A new address gets its company, account and a welcome mail; an existing one gets
   * nothing written and a mail to its owner saying someone tried.
   */
  async register(
    dto: RegisterDto,
    context: RequestContext,
  ): Promise<RegisterResponse> {
    // A founding date is a day that has happened (the portal's today, Beijing time).
    const today = chinaDate(this.clock.now());
    if (dto.foundedOn && dto.foundedOn > today)
      throw new ValidationFailedError([
        {
          field: 'foundedOn',
          code: 'in_future',
          message: `The founding date cannot be later than today (${today}, Beijing time)`,
        },
      ]);
    const passwordHash = await hashPassword(dto.password);
    let outcome: { user: UserEntity; created: boolean };
    try {
      outcome = await this.dataSource.transaction((em) =>
        this.create(em, dto, passwordHash, context),
      );
    } catch (error) {
      // Two registrations racing past the checks below meet the unique indexes.
      if (!isDuplicateKey(error)) throw error;
      const conflict = await this.creditCodeConflict(dto);
      if (conflict) throw conflict;
      const owner = await this.dataSource
        .getRepository(UserEntity)
        .findOneBy({ email: dto.email });
      if (!owner) throw error;
      outcome = { user: owner, created: false };
      await this.recordAttempt(owner, dto, context);
    }
    const at = new Date();
    await this.jobs
      .enqueue(
        'account-mail',
        {
          kind: outcome.created ? 'registered' : 'registration_attempt',
          userId: outcome.user.id,
          at: at.toISOString(),
        },
        `registration:${outcome.user.id}:${at.getTime()}`,
      )
      .catch((error: unknown) => {
        // The account exists (or existed); the mail is a courtesy, not worth a failed answer.
        this.logger.warn(`Registration mail not queued: ${String(error)}`);
      });
    return { status: 'registered' };
  }

  private async create(
    em: EntityManager,
    dto: RegisterDto,
    passwordHash: string,
    context: RequestContext,
  ): Promise<{ user: UserEntity; created: boolean }> {
    const region = await em.findOneBy(RegionEntity, { code: dto.regionCode });
    if (!region || region.level !== 'county') {
      throw new AppError(
        400,
        'REGION_UNKNOWN',
        'Choose your county from the list; this region is not served by the portal.',
        [
          {
            field: 'regionCode',
            code: 'region.unknown',
            message: 'Choose a county from the list',
          },
        ],
      );
    }
    const conflict = await this.creditCodeConflict(dto, em);
    if (conflict) throw conflict;
    const owner = await em.findOneBy(UserEntity, { email: dto.email });
    if (owner) {
      await this.recordAttempt(owner, dto, context, em);
      return { user: owner, created: false };
    }

    const organisation = em.create(OrganisationEntity, {
      id: randomUUID(),
      kind: 'enterprise',
      name: dto.companyName,
      creditCode: dto.creditCode,
      regionCode: dto.regionCode,
      ...regionPath(dto.regionCode),
      level: null,
      verificationStatus: 'pending',
      contactName: dto.contactName,
      contactPhone: dto.phone,
      contactEmail: dto.email,
      foundedOn: dto.foundedOn ?? null,
    });
    await em.save(organisation);
    const user = em.create(UserEntity, {
      id: randomUUID(),
      email: dto.email,
      name: dto.contactName,
      phone: dto.phone,
      passwordHash,
      language: dto.language ?? 'zh-CN',
      totpSecret: null,
      totpEnabledAt: null,
      disabledAt: null,
    });
    await em.save(user);
    await em.insert(MembershipEntity, {
      id: randomUUID(),
      userId: user.id,
      organisationId: organisation.id,
      role: 'enterprise_admin',
    });
    await this.audit.record(
      {
        action: 'company.registered',
        result: 'success',
        userId: user.id,
        userEmail: user.email,
        ip: context.ip,
        objectType: 'organisation',
        objectId: organisation.id,
        detail: {
          creditCode: organisation.creditCode,
          regionCode: organisation.regionCode,
        },
      },
      em,
    );
    return { user, created: true };
  }

  /** Someone registered with the address of an existing account: nothing is written but this. */
  private async recordAttempt(
    owner: UserEntity,
    dto: RegisterDto,
    context: RequestContext,
    em?: EntityManager,
  ): Promise<void> {
    await this.audit.record(
      {
        action: 'company.registration_existing_email',
        result: 'denied',
        userId: owner.id,
        userEmail: owner.email,
        ip: context.ip,
        detail: { creditCode: dto.creditCode, regionCode: dto.regionCode },
      },
      em,
    );
  }

  /** The 409 for a taken credit code: registrations are public record, so saying so leaks nothing. */
  private async creditCodeConflict(
    dto: RegisterDto,
    em: EntityManager = this.dataSource.manager,
  ): Promise<AppError | null> {
    if (await em.existsBy(OrganisationEntity, { creditCode: dto.creditCode })) {
      return new ConflictError(
        'CREDIT_CODE_TAKEN',
        'A company with this unified social credit code is already registered. Ask its administrator to invite you.',
        [
          {
            field: 'creditCode',
            code: 'uscc.taken',
            message: 'Already registered',
          },
        ],
      );
    }
    return null;
  }
}
