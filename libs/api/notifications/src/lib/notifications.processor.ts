import { InjectQueue, Process, Processor } from '@nestjs/bull';
import { type OnModuleInit } from '@nestjs/common';
import { AppConfig } from '@portal/api-core';
import {
  HANDLER_CONCURRENCY,
  QUEUES,
  type JobPayloads,
} from '@portal/api-jobs';
import type { Job, Queue } from 'bull';
import {
  MailDeliveryService,
  type SendOutcome,
} from './delivery/mail-delivery.service';
import { DigestService } from './digest/digest.service';
import { CompanyNoticesService } from './notify/company-notices.service';
import { NotifyService } from './notify/notify.service';

/** Thin: the two hops of every notification, and the daily digest. */
@Processor(QUEUES.notifications)
export class NotificationsProcessor implements OnModuleInit {
  constructor(
    private readonly notifications: NotifyService,
    private readonly delivery: MailDeliveryService,
    private readonly digest: DigestService,
    private readonly companyNotices: CompanyNoticesService,
    private readonly config: AppConfig,
    @InjectQueue(QUEUES.notifications) private readonly queue: Queue,
  ) {}

  /** Sends run MAIL_CONCURRENCY at a time: a number the decorator cannot take from config. */
  onModuleInit(): void {
    void this.queue.process(
      'send-mail',
      this.config.mailConcurrency,
      (job: Job<JobPayloads['send-mail']>): Promise<SendOutcome> =>
        this.delivery.send(
          job.data.notificationId,
          job.attemptsMade + 1 >= (job.opts.attempts ?? 1),
        ),
    );
  }

  @Process({ name: 'notify', concurrency: HANDLER_CONCURRENCY })
  notify(job: Job<JobPayloads['notify']>): Promise<{ recipients: number }> {
    return this.notifications.notify(job.data);
  }

  @Process('company-verification-notice')
  companyVerification(
    job: Job<JobPayloads['company-verification-notice']>,
  ): Promise<{ recipients: number }> {
    return this.companyNotices.verificationDecided(
      job.data.organisationId,
      job,
    );
  }

  @Process('daily-digest')
  dailyDigest(): Promise<number> {
    return this.digest.run();
  }
}
