import { randomUUID } from 'node:crypto';
import { Injectable, Logger } from '@nestjs/common';
import { hashPassword } from '@portal/api-core';
import {
  regionPath,
  SEED_REPORT_TARGETS,
  usccCheckCharacter,
} from '@portal/domain';
import { DataSource, type EntityManager } from 'typeorm';
import {
  ExpertEntity,
  MembershipEntity,
  OrganisationEntity,
  RegionEntity,
  UserEntity,
  YearlyTargetEntity,
} from '../entities';
import {
  DEMO_COMPANIES,
  DEMO_EXPERTS,
  DEMO_PARTNERS,
  DEMO_PASSWORD,
  DEMO_REGIONS,
  DEMO_STAFF,
  demoCompanyEmail,
} from './demo-data';

export interface DemoLogin {
  readonly email: string;
  readonly role: string;
  readonly organisation: string;
}

/** A made-up but well-formed credit code: legal-person enterprise (91), the company's county. */
export function demoCreditCode(regionCode: string, serial: number): string {
  const first17 = `91${regionCode}MA${String(serial).padStart(6, '0')}0`;
  return first17 + usccCheckCharacter(first17);
}

@Injectable()
export class DemoSeeder {
  private readonly logger = new Logger(DemoSeeder.name);

  constructor(private readonly dataSource: DataSource) {}

  /** Seeds once, into a database without organisations; returns the logins it created. */
  async seedIfEmpty(): Promise<DemoLogin[] | null> {
    const existing = await this.dataSource
      .getRepository(OrganisationEntity)
      .count();
    if (existing > 0) return null;
    const passwordHash = await hashPassword(DEMO_PASSWORD);
    const logins = await this.dataSource.transaction((em) =>
      this.seed(em, passwordHash),
    );
    this.logger.log(`Seeded demo data: ${logins.length} accounts`);
    return logins;
  }

  private async seed(
    em: EntityManager,
    passwordHash: string,
  ): Promise<DemoLogin[]> {
    const logins: DemoLogin[] = [];
    const bureaus = new Map<string, OrganisationEntity>();
    for (const region of DEMO_REGIONS) {
      await em.insert(RegionEntity, {
        code: region.code,
        name: region.name,
        level: region.level,
        parentCode: region.parentCode,
      });
      const bureau = em.create(OrganisationEntity, {
        id: randomUUID(),
        kind: 'bureau',
        name: region.bureau,
        creditCode: null,
        regionCode: region.code,
        ...regionPath(region.code),
        level: region.level,
        verificationStatus: 'verified',
        verifiedAt: new Date(),
      });
      await em.save(bureau);
      bureaus.set(region.code, bureau);
    }

    let serial = 1;
    for (const company of DEMO_COMPANIES) {
      const email = demoCompanyEmail(company);
      const org = em.create(OrganisationEntity, {
        id: randomUUID(),
        kind: 'enterprise',
        name: company.name,
        creditCode: demoCreditCode(company.regionCode, serial++),
        regionCode: company.regionCode,
        ...regionPath(company.regionCode),
        level: null,
        verificationStatus: company.verified ? 'verified' : 'pending',
        verifiedAt: company.verified ? new Date() : null,
        contactName: company.contactName,
        contactPhone: company.phone,
        contactEmail: email,
      });
      await em.save(org);
      await this.addUser(
        em,
        email,
        company.contactName,
        passwordHash,
        org.id,
        'enterprise_admin',
      );
      logins.push({
        email,
        role: 'enterprise_admin',
        organisation: company.name,
      });
    }

    const staffIds = new Map<string, string>();
    for (const staff of DEMO_STAFF) {
      const bureau = bureaus.get(staff.bureauRegion);
      if (!bureau)
        throw new Error(
          `Demo staff ${staff.email} names unknown region ${staff.bureauRegion}`,
        );
      const staffId = await this.addUser(
        em,
        staff.email,
        staff.name,
        passwordHash,
        bureau.id,
        staff.role,
      );
      staffIds.set(staff.email, staffId);
      logins.push({
        email: staff.email,
        role: staff.role,
        organisation: bureau.name,
      });
    }

    for (const partner of DEMO_PARTNERS) {
      const org = em.create(OrganisationEntity, {
        id: randomUUID(),
        kind: partner.kind,
        name: partner.name,
        creditCode: demoCreditCode(partner.regionCode, serial++),
        regionCode: partner.regionCode,
        ...regionPath(partner.regionCode),
        level: null,
        verificationStatus: 'verified',
        verifiedAt: new Date(),
      });
      await em.save(org);
      const role =
        partner.kind === 'bank' ? 'bank_officer' : 'service_provider';
      await this.addUser(
        em,
        partner.email,
        partner.userName,
        passwordHash,
        org.id,
        role,
      );
      logins.push({ email: partner.email, role, organisation: partner.name });
    }

    const province = bureaus.get('330000');
    if (!province) throw new Error('Demo data needs the provincial bureau');
    for (const expert of DEMO_EXPERTS) {
      const userId = await this.addUser(
        em,
        expert.email,
        expert.name,
        passwordHash,
        province.id,
        'expert',
      );
      await em.insert(ExpertEntity, {
        userId,
        discipline: expert.discipline,
        employerId: null,
        conflictIds: [],
        provinceCode: '330000',
        active: true,
      });
      logins.push({
        email: expert.email,
        role: 'expert',
        organisation: province.name,
      });
    }
    // The seed report's targets for Jiashan in 2026, as its bureau admin would enter them; the
    // county's GDP is not in the report, so it is left for the bureau to enter.
    await em.insert(YearlyTargetEntity, {
      regionCode: '330421',
      year: 2026,
      values: { ...SEED_REPORT_TARGETS },
      gdpWanYuan: null,
      updatedBy: staffIds.get('admin.jiashan@example.com') ?? 'demo',
      updatedAt: new Date(),
    });
    return logins;
  }

  private async addUser(
    em: EntityManager,
    email: string,
    name: string,
    passwordHash: string,
    organisationId: string,
    role: MembershipEntity['role'],
  ): Promise<string> {
    const userId = randomUUID();
    await em.insert(UserEntity, {
      id: userId,
      email,
      name,
      passwordHash,
      language: 'zh-CN',
    });
    await em.insert(MembershipEntity, {
      id: randomUUID(),
      userId,
      organisationId,
      role,
    });
    return userId;
  }
}
