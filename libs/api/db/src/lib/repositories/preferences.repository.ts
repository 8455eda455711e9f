import type { EntityManager } from 'typeorm';
import { NotificationPreferenceEntity } from '../entities/notification.entity';
import { hydrateRow } from '../rows';

/** The users' e-mail choices, written out: every notify job reads them. */
export const PreferencesRepository = {
  /** The stored preference rows of these users (none for no users). */
  async ofUsers(
    em: EntityManager,
    userIds: readonly string[],
  ): Promise<NotificationPreferenceEntity[]> {
    if (!userIds.length) return [];
    const rows: Record<string, unknown>[] = await em.query(
      `SELECT * FROM notification_preferences WHERE user_id IN (${userIds.map(() => '?').join(', ')})`,
      [...userIds],
    );
    return rows.map((row) =>
      hydrateRow(em.connection, NotificationPreferenceEntity, row),
    );
  },
};
