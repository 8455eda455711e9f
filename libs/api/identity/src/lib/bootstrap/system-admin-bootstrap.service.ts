import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  ConflictError,
  hashPassword,
  ValidationFailedError,
} from '@portal/api-core';
import { AuditService } from '@portal/api-access';
import {
  MembershipEntity,
  OrganisationEntity,
  RegionEntity,
  UserEntity,
} from '@portal/api-db';
import {
  checkPasswordPolicy,
  isRegionCode,
  regionLevel,
  regionPath,
} from '@portal/domain';
import { DataSource } from 'typeorm';
import { COMMON_PASSWORDS } from '../dto/validators';

export interface SystemAdminBootstrap {
  readonly email: string;
  readonly name: string;
  readonly password: string;
  /** The region of the bureau that runs the portal, e.g. 370000 for a province. */
  readonly regionCode: string;
  readonly regionName: string;
  readonly bureauName: string;
}

/**
 * Creates the first system administrator of a production installation (where demo data is
 * never seeded), with the bureau and region it belongs to when they do not exist yet.
 */
@Injectable()
export class SystemAdminBootstrapService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async create(
    input: SystemAdminBootstrap,
  ): Promise<{ userId: string; bureauId: string }> {
    const email = input.email.trim().toLowerCase();
    const problems = [
      ...(/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)
        ? []
        : [
            {
              field: 'email',
              code: 'email.invalid',
              message: 'Enter a valid e-mail address',
            },
          ]),
      ...(input.name.trim()
        ? []
        : [
            {
              field: 'name',
              code: 'required',
              message: 'Enter the administrator name',
            },
          ]),
      ...(isRegionCode(input.regionCode)
        ? []
        : [
            {
              field: 'region',
              code: 'region.invalid',
              message: 'Enter a six-digit GB/T 2260 region code',
            },
          ]),
      ...(input.regionName.trim() && input.bureauName.trim()
        ? []
        : [
            {
              field: 'bureau',
              code: 'required',
              message: 'Enter the region and bureau names',
            },
          ]),
      ...checkPasswordPolicy(input.password, {
        commonPasswords: COMMON_PASSWORDS,
        email,
      }).map((problem) => ({
        field: 'password',
        code: `password.${problem}`,
        message:
          'The password does not meet the policy (12+ characters, 3 of 4 classes, not common)',
      })),
    ];
    if (problems.length) throw new ValidationFailedError(problems);
    const passwordHash = await hashPassword(input.password);

    return this.dataSource.transaction(async (em) => {
      if (await em.existsBy(UserEntity, { email })) {
        throw new ConflictError(
          'EMAIL_TAKEN',
          `An account for ${email} already exists.`,
        );
      }
      const level = regionLevel(input.regionCode);
      if (!(await em.existsBy(RegionEntity, { code: input.regionCode }))) {
        const path = regionPath(input.regionCode);
        const parentCode =
          level === 'county'
            ? path.cityCode
            : level === 'city'
              ? path.provinceCode
              : null;
        await em.insert(RegionEntity, {
          code: input.regionCode,
          name: input.regionName.trim(),
          level,
          parentCode,
        });
      }
      let bureau = await em.findOneBy(OrganisationEntity, {
        kind: 'bureau',
        regionCode: input.regionCode,
      });
      if (!bureau) {
        bureau = em.create(OrganisationEntity, {
          id: randomUUID(),
          kind: 'bureau',
          name: input.bureauName.trim(),
          creditCode: null,
          regionCode: input.regionCode,
          ...regionPath(input.regionCode),
          level,
          verificationStatus: 'verified',
          verifiedAt: new Date(),
        });
        await em.save(bureau);
      }
      const userId = randomUUID();
      await em.insert(UserEntity, {
        id: userId,
        email,
        name: input.name.trim(),
        passwordHash,
        language: 'zh-CN',
      });
      await em.insert(MembershipEntity, {
        id: randomUUID(),
        userId,
        organisationId: bureau.id,
        role: 'system_admin',
      });
      await this.audit.record(
        {
          action: 'admin.bootstrap_system_admin',
          result: 'success',
          userId,
          userEmail: email,
          objectType: 'organisation',
          objectId: bureau.id,
        },
        em,
      );
      return { userId, bureauId: bureau.id };
    });
  }
}
