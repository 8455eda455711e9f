import type { EntityManager } from 'typeorm';
import { NotificationEntity } from '../entities/notification.entity';
import { execute, hydrateRow, toColumn } from '../rows';

/** A queued mail, or one whose sender's claim ran out, is claimed for one attempt. */
const CLAIM_SQL =
  "UPDATE notifications SET status = 'sending', claimed_until = ?, attempts = attempts + 1 WHERE id = ? AND channel = 'email' AND (status = 'queued' OR (status = 'sending' AND claimed_until < ?))";

/**
 * The statements of the send jobs, written out: each mail costs one claim, one read and one mark
 * (a notify job reads its case through ApplicationsRepository.noticeCase).
 */
export const NotificationsRepository = {
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
