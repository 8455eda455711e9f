import { randomUUID } from 'node:crypto';
import {
  Injectable,
  Logger,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AppConfig, chinaDate } from '@portal/api-core';
import { NotificationEntity, UserEntity } from '@portal/api-db';
import { JobProducer } from '@portal/api-jobs';
import { DataSource, In } from 'typeorm';
import { MailDeliveryService } from '../delivery/mail-delivery.service';
import { insertIgnoringDuplicates } from '../notify/notify.service';
import { render } from '../templates';

/** A digest lists this many updates and counts the rest. */
const DIGEST_LINES = 100;

/**
 * The reviewers' daily digest: every status-change mail held for a user since the last digest
 * becomes one line of one mail. One digest per user and day (the cause key); the held mails are
 * folded in by the same transaction that writes the digest, so a second run finds none.
 */
@Injectable()
export class DigestService implements OnApplicationBootstrap {
  private readonly logger = new Logger(DigestService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly config: AppConfig,
    private readonly producer: JobProducer,
    private readonly delivery: MailDeliveryService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.config.runWorkers) return;
    const [hour, minute] = this.config.digestTime.split(':').map(Number);
    const cron = `${minute} ${hour} * * *`;
    try {
      const queue = this.producer.queue('notifications');
      for (const job of await queue.getRepeatableJobs())
        if (job.name === 'daily-digest' && job.cron !== cron)
          await queue.removeRepeatableByKey(job.key);
      await queue.add(
        'daily-digest',
        {},
        {
          repeat: { cron, tz: 'Asia/Shanghai' },
          jobId: 'daily-digest',
          removeOnComplete: 30,
        },
      );
    } catch (error) {
      this.logger.warn(
        `The daily digest is not scheduled yet (Redis?): ${(error as Error).message}`,
      );
    }
  }

  /** Writes and hands over one digest per user with held mails; returns how many. */
  async run(now = new Date()): Promise<number> {
    const repo = this.dataSource.getRepository(NotificationEntity);
    const held = await repo.find({
      where: { channel: 'email', status: 'held_for_digest' },
      select: { id: true, userId: true, subject: true, createdAt: true },
      order: { createdAt: 'ASC' },
    });
    const byUser = new Map<string, NotificationEntity[]>();
    for (const row of held)
      byUser.set(row.userId, [...(byUser.get(row.userId) ?? []), row]);
    if (!byUser.size) return 0;
    const users = await this.dataSource
      .getRepository(UserEntity)
      .findBy({ id: In([...byUser.keys()]) });
    const date = chinaDate(now);
    const causeKey = `digest:${date}`;
    let written = 0;
    for (const user of users) {
      const rows = byUser.get(user.id) ?? [];
      const message = render('digest', user.language, {
        recipientName: user.name,
        date,
        lines: rows.slice(0, DIGEST_LINES).map((r) => r.subject),
        more: Math.max(0, rows.length - DIGEST_LINES),
        url: `${this.config.publicUrl}/inbox`,
      });
      const id = randomUUID();
      const folded = await this.dataSource.transaction(async (em) => {
        await insertIgnoringDuplicates(em, [
          {
            id,
            causeKey,
            kind: 'digest',
            category: 'digest',
            channel: 'email',
            userId: user.id,
            address: user.email,
            language: user.language,
            applicationId: null,
            eventId: null,
            mandatory: false,
            subject: message.subject.slice(0, 300),
            bodyText: message.text,
            bodyHtml: message.html,
            link: '/inbox',
            status: 'queued',
            attempts: 0,
            lastError: null,
            claimedUntil: null,
            digestId: null,
            committedAt: now,
            createdAt: now,
            queuedAt: null,
            acceptedAt: null,
            readAt: null,
          },
        ]);
        // Already digested today: these wait for tomorrow's.
        if (!(await em.existsBy(NotificationEntity, { id }))) return 0;
        const result = await em.update(
          NotificationEntity,
          { id: In(rows.map((r) => r.id)), status: 'held_for_digest' },
          { status: 'digested', digestId: id },
        );
        return result.affected ?? 0;
      });
      if (folded) written++;
    }
    await this.delivery.enqueueCause(causeKey);
    return written;
  }
}
