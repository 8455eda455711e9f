import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  decodeCursor,
  encodeCursor,
  NotFoundError,
  rawTimestamp,
} from '@portal/api-core';
import { NotificationEntity } from '@portal/api-db';
import type { NoticePage, NoticeQuery, NoticeView } from '@portal/contracts';
import { DataSource, IsNull } from 'typeorm';

/** The bell: a user's in-portal notices, newest first, and their read marks. */
@Injectable()
export class NoticesService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async page(userId: string, query: NoticeQuery): Promise<NoticePage> {
    const limit = query.limit ?? 20;
    const qb = this.repo()
      .createQueryBuilder('n')
      .where('n.user_id = :userId AND n.channel = :channel', {
        userId,
        channel: 'portal',
      });
    if (query.unreadOnly) qb.andWhere('n.read_at IS NULL');
    if (query.cursor) {
      const [at, id] = decodeCursor(query.cursor);
      qb.andWhere(
        '(n.created_at < :at OR (n.created_at = :at AND n.id < :id))',
        {
          at,
          id,
        },
      );
    }
    const [{ entities, raw }, unread] = await Promise.all([
      qb
        .orderBy('n.created_at', 'DESC')
        .addOrderBy('n.id', 'DESC')
        .limit(limit + 1)
        .getRawAndEntities<Record<string, string | Date>>(),
      this.unread(userId),
    ]);
    const last = raw[limit - 1];
    return {
      items: entities.slice(0, limit).map(noticeView),
      nextCursor:
        entities.length > limit && last
          ? encodeCursor(
              rawTimestamp(last['n_created_at'] as string | Date),
              String(last['n_id']),
            )
          : null,
      unread,
    };
  }

  unread(userId: string): Promise<number> {
    return this.repo().countBy({
      userId,
      channel: 'portal',
      readAt: IsNull(),
    });
  }

  /** Marks one notice read; someone else's notice is as unknown as a missing one. */
  async markRead(userId: string, id: string): Promise<void> {
    const notice = await this.repo().findOneBy({
      id,
      userId,
      channel: 'portal',
    });
    if (!notice) throw new NotFoundError('The notice');
    if (!notice.readAt)
      await this.repo().update(
        { id, readAt: IsNull() },
        { readAt: new Date() },
      );
  }

  async markAllRead(userId: string): Promise<void> {
    await this.repo().update(
      { userId, channel: 'portal', readAt: IsNull() },
      { readAt: new Date() },
    );
  }

  private repo() {
    return this.dataSource.getRepository(NotificationEntity);
  }
}

function noticeView(n: NotificationEntity): NoticeView {
  return {
    id: n.id,
    kind: n.kind,
    title: n.subject,
    body: n.bodyText,
    link: n.link,
    applicationId: n.applicationId,
    createdAt: n.createdAt.toISOString(),
    readAt: n.readAt?.toISOString() ?? null,
  };
}
