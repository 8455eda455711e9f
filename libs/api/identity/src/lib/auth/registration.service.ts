import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AppError, ConflictError, hashPassword } from '@portal/api-core';
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
import { AuthService, type LoginOutcome } from './auth.service';

/** Enterprise self-registration: the company (pending verification) and its first admin. */
@Injectable()
export class RegistrationService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly auth: AuthService,
    private readonly audit: AuditService,
  ) {}

  async register(
    dto: RegisterDto,
    context: RequestContext,
  ): Promise<LoginOutcome> {
    const passwordHash = await hashPassword(dto.password);
    let user: UserEntity;
    try {
      user = await this.dataSource.transaction((em) =>
        this.create(em, dto, passwordHash, context),
      );
    } catch (error) {
      // Two registrations racing past the checks below meet the unique indexes.
      if (isDuplicateKey(error)) throw (await this.findConflict(dto)) ?? error;
      throw error;
    }
    return this.auth.startSession(user, context, 'auth.login');
  }

  private async create(
    em: EntityManager,
    dto: RegisterDto,
    passwordHash: string,
    context: RequestContext,
  ): Promise<UserEntity> {
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
    const conflict = await this.findConflict(dto, em);
    if (conflict) throw conflict;

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
    return user;
  }

  /** The 409 for a taken credit code or e-mail, if either is taken. */
  private async findConflict(
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
    if (await em.existsBy(UserEntity, { email: dto.email })) {
      return new ConflictError(
        'EMAIL_TAKEN',
        'An account with this e-mail address already exists. Log in, or use another address.',
        [{ field: 'email', code: 'email.taken', message: 'Already in use' }],
      );
    }
    return null;
  }
}
