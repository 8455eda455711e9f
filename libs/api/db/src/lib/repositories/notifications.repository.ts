import type { EntityManager } from 'typeorm';
import { ApplicationEventEntity } from '../entities/application-event.entity';
import { ApplicationEntity } from '../entities/application.entity';
import { NotificationEntity } from '../entities/notification.entity';
import { columnsAs, execute, hydrateRow, toColumn } from '../rows';

/** What a notice is about: the case, its company's name and the event, read together. */
export interface NoticeCase {
  readonly application: ApplicationEntity;
  readonly companyName: string | null;
  /** Null when the job names no event or it is not one of the case's. */
  readonly event: ApplicationEventEntity | null;
}

/** A queued mail, or one whose sender's claim ran out, is claimed for one attempt. */
const CLAIM_SQL =
  "UPDATE notifications SET status = 'sending', claimed_until = ?, attempts = attempts + 1 WHERE id = ? AND channel = 'email' AND (status = 'queued' OR (status = 'sending' AND claimed_until < ?))";

/**
 * The statements of the notify and send jobs, written out: a notify job reads its case, the
 * company's name and the event in one statement; each mail costs one claim, one read and one mark.
 */
export const NotificationsRepository = {
  /** The case with its company's name and the event (if it is the case's), in one statement; null if no case. */
  async noticeCase(
    em: EntityManager,
    applicationId: string,
    eventId: string | null,
  ): Promise<NoticeCase | null> {
    const dataSource = em.connection;
    const [row]: Record<string, unknown>[] = await em.query(
      `SELECT a.*, o.name AS company_name, ${columnsAs(dataSource, ApplicationEventEntity, 'e', 'event__')} FROM applications a LEFT JOIN organisations o ON o.id = a.organisation_id LEFT JOIN application_events e ON e.id = ? AND e.application_id = a.id WHERE a.id = ?`,
      [eventId, applicationId],
    );
    if (!row) return null;
    return {
      application: hydrateRow(dataSource, ApplicationEntity, row),
      companyName: row['company_name'] as string | null,
      event:
        row['event__id'] === null || row['event__id'] === undefined
          ? null
          : hydrateRow(dataSource, ApplicationEventEntity, row, 'event__'),
    };
  },

  /** Claims the mail for one attempt until `claimedUntil` (counting the attempt); false if it is not there to claim. */
  async claimMail(
    em: EntityManager,
    id: string,
    claimedUntil: Date,
    now: Date,
  ): Promise<boolean> {
    const dataSource = em.connection;
    const claimed = await execute(em, CLAIM_SQL, [
      toColumn(dataSource, NotificationEntity, 'claimedUntil', claimedUntil),
      id,
      toColumn(dataSource, NotificationEntity, 'claimedUntil', now),
    ]);
    return claimed === 1;
  },

  /** The notification by id, as stored. */
  async byId(
    em: EntityManager,
    id: string,
  ): Promise<NotificationEntity | null> {
    const [row]: Record<string, unknown>[] = await em.query(
      'SELECT * FROM notifications WHERE id = ?',
      [id],
    );
    return row ? hydrateRow(em.connection, NotificationEntity, row) : null;
  },
};
