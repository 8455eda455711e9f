import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AuditService, type Actor } from '@portal/api-access';
import {
  acceptedKind,
  AppConfig,
  ConflictError,
  NotFoundError,
  readStoredFile,
  removeStoredFile,
  storeFile,
} from '@portal/api-core';
import { CompanyLicenceEntity, forUpdate } from '@portal/api-db';
import type { CompanyLicenceView, CompanyView } from '@portal/contracts';
import { type FileKind, LICENCE } from '@portal/domain';
import { DataSource } from 'typeorm';
import { CompaniesService } from './companies.service';

/** The licence's file, as the download sends it. */
export interface LicenceFile {
  readonly fileName: string;
  readonly kind: FileKind;
  readonly content: Buffer;
}

/**
 * The business licence (营业执照) a company uploads for its verification, which the county's
 * reviewer reads beside the typed data. It is replaced while the company is not yet verified;
 * once verified, a change of licence goes through the county. A reviewer's read is audited.
 */
@Injectable()
export class CompanyLicenceService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly companies: CompaniesService,
    private readonly config: AppConfig,
    private readonly audit: AuditService,
  ) {}

  async mine(actor: Actor): Promise<CompanyLicenceView | null> {
    const company = await this.companies.mine(actor);
    const row = await this.row(company.id);
    return row ? licenceView(row) : null;
  }

  async mineFile(actor: Actor): Promise<LicenceFile> {
    const company = await this.companies.mine(actor);
    return this.file(await this.existing(company.id));
  }

  async upload(
    actor: Actor,
    fileName: string,
    content: Buffer,
  ): Promise<CompanyLicenceView> {
    const company = await this.companies.mine(actor);
    if (company.verificationStatus === 'verified')
      throw new ConflictError(
        'COMPANY_NOT_PENDING',
        'Your company is verified: a new business licence (a change of name or scope) goes to the county bureau, which updates the record.',
      );
    const kind = await acceptedKind(LICENCE, content);
    const stored = await storeFile(
      this.config.uploadDir,
      fileName,
      kind,
      content,
    );
    const row: CompanyLicenceEntity = {
      organisationId: company.id,
      ...stored,
      uploadedBy: actor.userId,
      uploadedAt: new Date(),
    };
    let replaced: CompanyLicenceEntity | null = null;
    try {
      await this.dataSource.transaction(async (em) => {
        const licences = em.getRepository(CompanyLicenceEntity);
        replaced = await forUpdate(
          em,
          licences
            .createQueryBuilder('l')
            .where('l.organisation_id = :id', { id: company.id }),
        ).getOne();
        await licences.save(row);
        await this.audit.record(
          {
            action: 'company.licence_uploaded',
            result: 'success',
            userId: actor.userId,
            userEmail: actor.email,
            ip: actor.ip,
            objectType: 'organisation',
            objectId: company.id,
            detail: {
              fileName: row.fileName,
              sizeBytes: row.sizeBytes,
              sha256: row.sha256,
              replaced: replaced !== null,
            },
          },
          em,
        );
      });
    } catch (error) {
      await removeStoredFile(this.config.uploadDir, stored.storageName);
      throw error;
    }
    const previous = replaced as CompanyLicenceEntity | null;
    if (previous)
      await removeStoredFile(this.config.uploadDir, previous.storageName);
    return licenceView(row);
  }

  /** For a reviewer of the company's region (the same 404 as the company for anyone else). */
  async ofCompany(
    actor: Actor,
    companyId: string,
  ): Promise<CompanyLicenceView | null> {
    await this.companies.get(actor, companyId);
    const row = await this.row(companyId);
    return row ? licenceView(row) : null;
  }

  async companyFile(actor: Actor, companyId: string): Promise<LicenceFile> {
    const company: CompanyView = await this.companies.get(actor, companyId);
    const row = await this.existing(companyId);
    await this.audit.record({
      action: 'company.licence_viewed',
      result: 'success',
      userId: actor.userId,
      userEmail: actor.email,
      ip: actor.ip,
      objectType: 'organisation',
      objectId: company.id,
      detail: { sha256: row.sha256 },
    });
    return this.file(row);
  }

  private row(organisationId: string): Promise<CompanyLicenceEntity | null> {
    return this.dataSource
      .getRepository(CompanyLicenceEntity)
      .findOneBy({ organisationId });
  }

  private async existing(
    organisationId: string,
  ): Promise<CompanyLicenceEntity> {
    const row = await this.row(organisationId);
    if (!row) throw new NotFoundError('The business licence');
    return row;
  }

  private async file(row: CompanyLicenceEntity): Promise<LicenceFile> {
    return {
      fileName: row.fileName,
      kind: row.kind,
      content: await readStoredFile(this.config.uploadDir, row.storageName),
    };
  }
}

function licenceView(row: CompanyLicenceEntity): CompanyLicenceView {
  return {
    fileName: row.fileName,
    kind: row.kind as CompanyLicenceView['kind'],
    sizeBytes: row.sizeBytes,
    uploadedAt: row.uploadedAt.toISOString(),
  };
}
