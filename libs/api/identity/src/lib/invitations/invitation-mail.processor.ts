import { Process, Processor } from '@nestjs/bull';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  InvitationEntity,
  OrganisationEntity,
  UserEntity,
} from '@portal/api-db';
import { awaitingCommit, QUEUES, type JobPayloads } from '@portal/api-jobs';
import { MailerService } from '@portal/api-mail';
import type { Job } from 'bull';
import { DataSource } from 'typeorm';
import { renderInvitationMail } from './invitation-mail';
import { InvitationsService } from './invitations.service';

/** Thin: reload the invitation, skip when it no longer applies, send. */
@Processor(QUEUES.notifications)
export class InvitationMailProcessor {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly invitations: InvitationsService,
    private readonly mailer: MailerService,
  ) {}

  @Process('invitation-mail')
  async send(
    job: Job<JobPayloads['invitation-mail']>,
  ): Promise<'sent' | 'skipped'> {
    const invitation = await this.dataSource
      .getRepository(InvitationEntity)
      .findOneBy({ id: job.data.invitationId });
    // Enqueued inside the invitation's transaction: missing may mean not committed yet.
    if (!invitation) return awaitingCommit(job, 'The invitation');
    if (invitation.acceptedAt || invitation.expiresAt.getTime() < Date.now())
      return 'skipped';
    const [organisation, inviter] = await Promise.all([
      this.dataSource
        .getRepository(OrganisationEntity)
        .findOneByOrFail({ id: invitation.organisationId }),
      this.dataSource
        .getRepository(UserEntity)
        .findOneBy({ id: invitation.invitedBy }),
    ]);
    await this.mailer.send(
      renderInvitationMail({
        to: invitation.email,
        companyName: organisation.name,
        inviterName: inviter?.name ?? organisation.name,
        link: this.invitations.linkFor(invitation.id),
        expiresAt: invitation.expiresAt,
      }),
    );
    return 'sent';
  }
}
