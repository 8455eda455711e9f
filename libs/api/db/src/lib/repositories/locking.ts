import type { EntityManager, ObjectLiteral, SelectQueryBuilder } from 'typeorm';

/**
 * A locking read on MySQL/MariaDB (it reads the latest committed row, not the transaction's
 * snapshot). SQLite has one writer at a time, so a plain read is already current there.
 */
export function forUpdate<T extends ObjectLiteral>(
  em: EntityManager,
  query: SelectQueryBuilder<T>,
): SelectQueryBuilder<T> {
  return em.connection.driver.options.type === 'better-sqlite3'
    ? query
    : query.setLock('pessimistic_write');
}

/** The clause that makes a SELECT written out a locking read (nothing on SQLite, as above). */
export function lockingClause(em: EntityManager): string {
  return em.connection.driver.options.type === 'better-sqlite3'
    ? ''
    : ' FOR UPDATE';
}
