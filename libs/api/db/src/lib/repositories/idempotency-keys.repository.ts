import type { EntityManager } from 'typeorm';
import { IdempotencyKeyEntity } from '../entities/idempotency-key.entity';
import { hydrateRow } from '../rows';

/** The stored answers of actions sent with an Idempotency-Key, read on the action's hot path. */
export const IdempotencyKeysRepository = {
  /** The request hash and answer stored for the user's key; null if none. */
  async stored(
    em: EntityManager,
    userId: string,
    key: string,
  ): Promise<IdempotencyKeyEntity | null> {
    const [row]: Record<string, unknown>[] = await em.query(
      'SELECT request_hash, response FROM idempotency_keys WHERE user_id = ? AND `key` = ?',
      [userId, key],
    );
    return row ? hydrateRow(em.connection, IdempotencyKeyEntity, row) : null;
  },
};
