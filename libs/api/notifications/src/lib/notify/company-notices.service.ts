import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AppConfig } from '@portal/api-core';
import {
  MembershipsRepository,
  NotificationEntity,
  OrganisationEntity,
} from '@portal/api-db';
import { awaitingCommit } from '@portal/api-jobs';
import { NOTIFICATION_CATEGORY } from '@portal/domain';
import type { Job } from 'bull';
import { DataSource } from 'typeorm';
import { MailDeliveryService } from '../delivery/mail-delivery.service';
import { render } from '../templates';
import { insertIgnoringDuplicates } from './notify.service';

const KIND = 'company_verification';

/**
 * Notices about the company itself rather than one of its cases: the county's decision on its
 * registration reaches every member, in the portal and by e-mail (it decides whether they can
 * file at all, so no preference turns it off). One cause key per decision: a rerun writes nothing.
 */
@Injectable()
export class CompanyNoticesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly config: AppConfig,
    private readonly delivery: MailDeliveryService,
  ) {}

  /**
   * `job`: the notice is enqueued inside the decision's transaction, so a company still pending
   * may be a commit on its way (retried) or a decision rolled back (skipped after the grace).
   */
  async verificationDecided(
    organisationId: string,
    job: Pick<Job, 'timestamp'>,
  ): Promise<{ recipients: number }> {
    const em = this.dataSource.manager;
    const company = await em.findOneBy(OrganisationEntity, {
      id: organisationId,
    });
    if (!company) return { recipients: 0 };
    if (company.verificationStatus === 'pending' || !company.verifiedAt) {
      awaitingCommit(job, 'The verification decision');
      return { recipients: 0 };
    }
    const causeKey = `${KIND}:${company.id}:${company.verifiedAt.getTime()}`;
    const url = `${this.config.publicUrl}/company`;
    const users = await MembershipsRepository.companyUsers(em, company.id);
    const rows: NotificationEntity[] = users.flatMap((user) => {
      const message = render(KIND, user.language, {
        recipientName: user.name,
        companyName: company.name,
        creditCode: company.creditCode ?? '',
        verified: company.verificationStatus === 'verified',
        comment: company.verificationComment,
        url,
      });
      const base = {
        causeKey,
        kind: KIND,
        category: NOTIFICATION_CATEGORY[KIND],
        userId: user.id,
        language: user.language,
        applicationId: null,
        eventId: null,
        mandatory: true,
        subject: message.subject.slice(0, 300),
        link: '/company',
        attempts: 0,
        lastError: null,
        claimedUntil: null,
        digestId: null,
        committedAt: company.verifiedAt as Date,
        queuedAt: null,
        acceptedAt: null,
        readAt: null,
        createdAt: new Date(),
      } as const;
      return [
        {
          ...base,
          id: randomUUID(),
          channel: 'portal',
          address: null,
          bodyText: message.notice,
          bodyHtml: null,
          status: 'sent',
        },
        {
          ...base,
          id: randomUUID(),
          channel: 'email',
          address: user.email,
          bodyText: message.text,
          bodyHtml: message.html,
          status: 'queued',
        },
      ];
    });
    const inserted = await insertIgnoringDuplicates(em, rows);
    await this.delivery.enqueueCause(
      causeKey,
      inserted === rows.length
        ? rows.filter((r) => r.channel === 'email').map((r) => r.id)
        : undefined,
    );
    return { recipients: users.length };
  }
}
