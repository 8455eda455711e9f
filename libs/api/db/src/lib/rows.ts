import type {
  DataSource,
  EntityManager,
  EntityTarget,
  ObjectLiteral,
} from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';

/**
 * Insert and update whole typed rows. TypeORM's partial-entity type cannot see through JSON
 * columns typed `Record<string, unknown>`; these keep the row's own type checked instead.
 */
export function insertRows<T extends ObjectLiteral>(
  em: EntityManager,
  target: EntityTarget<T>,
  rows: T | T[],
) {
  // Copies: after a multi-row insert TypeORM writes back what it read from SQLite, which can
  // land on the wrong object and swap fields between rows the caller still holds.
  const copies = Array.isArray(rows)
    ? rows.map((r) => ({ ...r }))
    : { ...rows };
  return em.insert(target, copies as QueryDeepPartialEntity<T>);
}

export function updateRow<T extends ObjectLiteral>(
  em: EntityManager,
  target: EntityTarget<T>,
  where: Partial<T>,
  changes: Partial<T>,
) {
  return em.update(target, where, changes as QueryDeepPartialEntity<T>);
}

/**
 * A DATETIME read raw (outside entity hydration): MariaDB's driver gives 'YYYY-MM-DD HH:MM:SS.ffffff'
 * in UTC (dateStrings), SQLite the string TypeORM stored, either may already be a Date.
 */
export function rawDate(value: string | Date): Date {
  if (value instanceof Date) return value;
  return new Date(
    /Z$|[+-]\d\d:?\d\d$/.test(value) ? value : `${value.replace(' ', 'T')}Z`,
  );
}

export function rawDateOrNull(value: string | Date | null): Date | null {
  return value === null ? null : rawDate(value);
}

/**
 * An entity from a row read raw (`SELECT t.*` or some of its columns), each present column
 * converted as TypeORM's own hydration does: hot reads run a statement written once instead of
 * building it with the query builder on every request.
 */
export function hydrateRow<T extends ObjectLiteral>(
  dataSource: DataSource,
  target: EntityTarget<T>,
  raw: Record<string, unknown>,
): T {
  const metadata = dataSource.getMetadata(target);
  const entity: Record<string, unknown> = metadata.create();
  for (const column of metadata.columns)
    if (column.databaseName in raw)
      entity[column.propertyName] = dataSource.driver.prepareHydratedValue(
        raw[column.databaseName],
        column,
      );
  return entity as T;
}
