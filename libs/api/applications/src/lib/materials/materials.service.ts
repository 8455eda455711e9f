import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AuditService, type Actor, type AuditEntry } from '@portal/api-access';
import {
  AppConfig,
  AppError,
  ConflictError,
  acceptedKind,
  ForbiddenError,
  NotFoundError,
  readStoredFile,
  removeStoredFile,
  storeFile,
  ValidationFailedError,
} from '@portal/api-core';
import { AttachmentEntity, insertRows } from '@portal/api-db';
import type { AttachmentView } from '@portal/contracts';
import {
  APPLICATION_FORMS,
  materialPhasesOpen,
  stateOf,
  workflowVersion,
} from '@portal/domain';
import { DataSource } from 'typeorm';
import { attachmentView } from '../applications/application-views';
import { ApplicationsService } from '../applications/applications.service';
import { openCommitment, partiesOn } from '@portal/api-engine';

export interface IncomingFile {
  readonly materialKey: string;
  readonly fileName: string;
  readonly content: Buffer;
}

export interface StoredFile {
  readonly fileName: string;
  readonly kind: AttachmentEntity['kind'];
  readonly content: Buffer;
}

/**
 * Materials of an application: checked by content and size, stored under random names with
 * their SHA-256, within the company's quota, served only to those who may read the case.
 */
@Injectable()
export class MaterialsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly applications: ApplicationsService,
    private readonly config: AppConfig,
    private readonly audit: AuditService,
  ) {}

  async upload(
    actor: Actor,
    applicationId: string,
    file: IncomingFile,
  ): Promise<AttachmentView> {
    const application = await this.editable(
      actor,
      applicationId,
      file.materialKey,
    );
    const material = APPLICATION_FORMS[application.type].materials.find(
      (m) => m.key === file.materialKey,
    );
    if (!material)
      throw new ValidationFailedError([
        {
          field: 'materialKey',
          code: 'material.unknown',
          message: `"${file.materialKey}" is not a material of this application type`,
        },
      ]);
    const phase = material.phase ?? 'application';
    if (
      !materialPhasesOpen(
        workflowVersion(application.type, application.workflowVersion),
        application.state,
      ).includes(phase)
    )
      throw new ConflictError(
        'MATERIAL_NOT_YET',
        `"${material.label.en}" belongs to a later stage (${phase}): upload it when the application gets there.`,
      );
    const kind = await acceptedKind(material, file.content);
    const used = await this.dataSource
      .getRepository(AttachmentEntity)
      .sum('sizeBytes', { organisationId: application.organisationId });
    if ((used ?? 0) + file.content.length > this.config.uploadQuotaBytes)
      throw new AppError(
        413,
        'UPLOAD_QUOTA_EXCEEDED',
        `Your company's uploads would exceed its ${Math.round(this.config.uploadQuotaBytes / 1024 / 1024)} MB quota; remove files you no longer need.`,
      );
    const stored = await storeFile(
      this.config.uploadDir,
      file.fileName,
      kind,
      file.content,
    );
    const row: AttachmentEntity = {
      id: randomUUID(),
      applicationId,
      organisationId: application.organisationId,
      materialKey: material.key,
      ...stored,
      uploadedBy: actor.userId,
      uploadedAt: new Date(),
    };
    try {
      await this.dataSource.transaction(async (em) => {
        await insertRows(em, AttachmentEntity, row);
        await this.audit.record(
          this.fileEntry(actor, 'application.file_uploaded', row),
          em,
        );
      });
    } catch (error) {
      await removeStoredFile(this.config.uploadDir, stored.storageName);
      throw error;
    }
    return attachmentView(row);
  }

  async remove(
    actor: Actor,
    applicationId: string,
    attachmentId: string,
  ): Promise<void> {
    await this.editable(actor, applicationId);
    const row = await this.dataSource
      .getRepository(AttachmentEntity)
      .findOneBy({ id: attachmentId, applicationId });
    if (!row) throw new NotFoundError('The file');
    await this.dataSource.transaction(async (em) => {
      await em.getRepository(AttachmentEntity).delete({ id: row.id });
      await this.audit.record(
        this.fileEntry(actor, 'application.file_removed', row),
        em,
      );
    });
    await removeStoredFile(this.config.uploadDir, row.storageName);
  }

  async download(
    actor: Actor,
    applicationId: string,
    attachmentId: string,
  ): Promise<StoredFile> {
    await this.applications.readable(actor, applicationId);
    const row = await this.dataSource
      .getRepository(AttachmentEntity)
      .findOneBy({ id: attachmentId, applicationId });
    if (!row) throw new NotFoundError('The file');
    await this.audit.record({
      action: 'application.file_downloaded',
      result: 'success',
      userId: actor.userId,
      userEmail: actor.email,
      ip: actor.ip,
      objectType: 'attachment',
      objectId: row.id,
      detail: { applicationId },
    });
    return {
      fileName: row.fileName,
      kind: row.kind,
      content: await readStoredFile(this.config.uploadDir, row.storageName),
    };
  }

  /** An upload's or removal's audit entry: which file of which case, by its content hash. */
  private fileEntry(
    actor: Actor,
    action: string,
    row: AttachmentEntity,
  ): AuditEntry {
    return {
      action,
      result: 'success',
      userId: actor.userId,
      userEmail: actor.email,
      ip: actor.ip,
      objectType: 'attachment',
      objectId: row.id,
      detail: {
        applicationId: row.applicationId,
        materialKey: row.materialKey,
        fileName: row.fileName,
        sizeBytes: row.sizeBytes,
        sha256: row.sha256,
      },
    };
  }

  /** Materials change only while the company holds the case (draft, return, redemption). */
  private async editable(
    actor: Actor,
    applicationId: string,
    materialKey?: string,
  ) {
    const { application, facts } = await this.applications.readable(
      actor,
      applicationId,
    );
    if (!partiesOn(actor, application, facts).includes('enterprise'))
      throw new ForbiddenError(
        'Only the applying company uploads its materials.',
      );
    const state = stateOf(
      workflowVersion(application.type, application.workflowVersion),
      application.state,
    );
    const promised =
      openCommitment(application)?.items.some(
        (i) => i.target === materialKey,
      ) ?? false;
    if ((state.holder !== 'enterprise' || state.terminal) && !promised)
      throw new AppError(
        403,
        'TRANSITION_NOT_ALLOWED',
        'Materials can be changed only while the application is with your company, or to provide items it promised.',
      );
    return application;
  }
}
