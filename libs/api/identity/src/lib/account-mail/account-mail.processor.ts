import { Process, Processor } from '@nestjs/bull';
import { InjectDataSource } from '@nestjs/typeorm';
import { AppConfig } from '@portal/api-core';
import { UserEntity } from '@portal/api-db';
import { QUEUES, type JobPayloads } from '@portal/api-jobs';
import { MailerService } from '@portal/api-mail';
import type { Job } from 'bull';
import { DataSource } from 'typeorm';
import { PasswordService } from '../auth/password.service';
import { renderAccountMail, renderPasswordResetMail } from './account-mail';

/** Thin, like the invitation mail's: reload the user, skip when there is nobody to tell, send. */
@Processor(QUEUES.notifications)
export class AccountMailProcessor {
  constructor(
    private readonly config: AppConfig,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly passwords: PasswordService,
    private readonly mailer: MailerService,
  ) {}

  @Process('account-mail')
  async account(
    job: Job<JobPayloads['account-mail']>,
  ): Promise<'sent' | 'skipped'> {
    const user = await this.dataSource
      .getRepository(UserEntity)
      .findOneBy({ id: job.data.userId });
    if (!user || user.disabledAt) return 'skipped';
    await this.mailer.send({
      ...renderAccountMail(job.data.kind, {
        to: user.email,
        language: user.language,
        name: user.name,
        at: new Date(job.data.at),
        loginUrl: `${this.config.publicUrl}/login`,
        resetUrl: `${this.config.publicUrl}/forgot-password`,
      }),
      messageId: `${job.data.kind}.${user.id}.${Date.parse(job.data.at)}@portal`,
    });
    return 'sent';
  }

  @Process('password-reset-mail')
  async passwordReset(
    job: Job<JobPayloads['password-reset-mail']>,
  ): Promise<'sent' | 'skipped'> {
    const issued = await this.passwords.issueReset(
      job.data.email,
      job.data.requestId,
    );
    if (!issued) return 'skipped';
    await this.mailer.send(
      renderPasswordResetMail({
        to: issued.user.email,
        language: issued.user.language,
        name: issued.user.name,
        link: this.passwords.resetLink(issued.token),
        expiresAt: issued.expiresAt,
      }),
    );
    return 'sent';
  }
}
