import type {
  DataSource,
  EntityManager,
  EntityMetadata,
  EntityTarget,
  ObjectLiteral,
} from 'typeorm';
import type { ColumnMetadata } from 'typeorm/metadata/ColumnMetadata';

type Row = Record<string, unknown>;

/**
 * Insert and update typed rows by statements written out once per entity and set of columns:
 * TypeORM's query builders build and escape the statement again on every call, which cost more
 * CPU than the database spent on a transition. Values go through the driver's own per-column
 * conversion (transformers, JSON, dates), as they do in the query builders. A property left
 * undefined is not written (the column's default applies); creation and update timestamps are
 * set here when the row does not carry them. Returns the number of rows the database changed.
 */
export async function insertRows<T extends ObjectLiteral>(
  em: EntityManager,
  target: EntityTarget<T>,
  rows: T | readonly T[],
  options: { ignoreDuplicates?: boolean } = {},
): Promise<number> {
  const metadata = em.connection.getMetadata(target);
  const own = writable(metadata);
  const now = new Date();
  const byShape = new Map<string, { columns: ColumnMetadata[]; rows: Row[] }>();
  for (const row of Array.isArray(rows) ? rows : [rows as T]) {
    const values: Row = { ...row };
    for (const column of own)
      if (values[column.propertyName] === undefined)
        if (column.isCreateDate || column.isUpdateDate)
          values[column.propertyName] = now;
        else if (column.isVersion) values[column.propertyName] = 1;
    const columns = own.filter((c) => values[c.propertyName] !== undefined);
    const shape = columns.map((c) => c.propertyName).join();
    const group = byShape.get(shape) ?? { columns, rows: [] };
    group.rows.push(values);
    byShape.set(shape, group);
  }
  let changed = 0;
  for (const { columns, rows: group } of byShape.values()) {
    const tuple = `(${columns.map(() => '?').join(', ')})`;
    const sql = `${insertHead(em.connection, metadata, columns, options.ignoreDuplicates ?? false)} VALUES ${Array(group.length).fill(tuple).join(', ')}`;
    const parameters = group.flatMap((row) =>
      columns.map((c) => persistent(em.connection, c, row[c.propertyName])),
    );
    changed += await execute(em, sql, parameters);
  }
  return changed;
}

/** Conditions of an UPDATE: a value is `=`, null is `IS NULL`, a list is `IN (...)`. */
export type RowCondition<T> = {
  [K in keyof T]?: T[K] | null | readonly NonNullable<T[K]>[];
};

/** One UPDATE of the given properties of the rows that meet every condition; rows changed. */
export async function updateRow<T extends ObjectLiteral>(
  em: EntityManager,
  target: EntityTarget<T>,
  where: RowCondition<T>,
  changes: Partial<T>,
): Promise<number> {
  const metadata = em.connection.getMetadata(target);
  const own = writable(metadata);
  const values: Row = { ...changes };
  if (
    metadata.updateDateColumn &&
    values[metadata.updateDateColumn.propertyName] === undefined
  )
    values[metadata.updateDateColumn.propertyName] = new Date();
  const set = own.filter((c) => values[c.propertyName] !== undefined);
  const conditions = own.flatMap((column) => {
    const value = (where as Row)[column.propertyName];
    return value === undefined ? [] : [{ column, value }];
  });
  if (conditions.length !== Object.keys(where).length)
    throw new Error(
      `updateRow: a condition names no column of ${metadata.tableName}`,
    );
  if (conditions.some(({ value }) => Array.isArray(value) && !value.length))
    return 0;
  const driver = em.connection.driver;
  const version = metadata.versionColumn;
  const bumped = version && values[version.propertyName] === undefined;
  // null: IS NULL; a list of n: IN with n places; anything else: =.
  const places = (value: unknown) =>
    value === null ? 0 : Array.isArray(value) ? value.length : -1;
  const sql = cached(
    metadata,
    `update:${set.map((c) => c.propertyName).join()}:${conditions.map(({ column, value }) => `${column.propertyName}=${places(value)}`).join()}`,
    () =>
      `UPDATE ${driver.escape(metadata.tableName)} SET ${[
        ...set.map((c) => `${driver.escape(c.databaseName)} = ?`),
        ...(bumped
          ? [
              `${driver.escape(version.databaseName)} = ${driver.escape(version.databaseName)} + 1`,
            ]
          : []),
      ].join(', ')} WHERE ${conditions
        .map(({ column, value }) => {
          const name = driver.escape(column.databaseName);
          const n = places(value);
          return n === 0
            ? `${name} IS NULL`
            : n > 0
              ? `${name} IN (${Array(n).fill('?').join(', ')})`
              : `${name} = ?`;
        })
        .join(' AND ')}`,
  );
  return execute(em, sql, [
    ...set.map((c) => persistent(em.connection, c, values[c.propertyName])),
    ...conditions.flatMap(({ column, value }) =>
      value === null
        ? []
        : (Array.isArray(value) ? value : [value]).map((v) =>
            persistent(em.connection, column, v),
          ),
    ),
  ]);
}

/** Runs a statement on the manager's connection (its transaction, if any); rows changed. */
export async function execute(
  em: EntityManager,
  sql: string,
  parameters: unknown[],
): Promise<number> {
  const owned = !em.queryRunner;
  const runner = em.queryRunner ?? em.connection.createQueryRunner();
  try {
    const result = await runner.query(sql, parameters, true);
    return result.affected ?? 0;
  } finally {
    if (owned) await runner.release();
  }
}

/** The entity's own columns (not those TypeORM adds for a relation). */
function writable(metadata: EntityMetadata): ColumnMetadata[] {
  return metadata.columns.filter((c) => !c.isVirtual);
}

const statements = new WeakMap<EntityMetadata, Map<string, string>>();

function cached(
  metadata: EntityMetadata,
  key: string,
  build: () => string,
): string {
  let byKey = statements.get(metadata);
  if (!byKey) statements.set(metadata, (byKey = new Map()));
  let sql = byKey.get(key);
  if (sql === undefined) byKey.set(key, (sql = build()));
  return sql;
}

function insertHead(
  dataSource: DataSource,
  metadata: EntityMetadata,
  columns: ColumnMetadata[],
  ignoreDuplicates: boolean,
): string {
  const driver = dataSource.driver;
  // Rows a unique key already holds stay as they are (MySQL/MariaDB and SQLite spell it apart).
  const insert = !ignoreDuplicates
    ? 'INSERT'
    : dataSource.options.type === 'better-sqlite3'
      ? 'INSERT OR IGNORE'
      : 'INSERT IGNORE';
  return cached(
    metadata,
    `${insert}:${columns.map((c) => c.propertyName).join()}`,
    () =>
      `${insert} INTO ${driver.escape(metadata.tableName)} (${columns
        .map((c) => driver.escape(c.databaseName))
        .join(', ')})`,
  );
}

function persistent(
  dataSource: DataSource,
  column: ColumnMetadata,
  value: unknown,
): unknown {
  return dataSource.driver.preparePersistentValue(value, column);
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
  prefix = '',
): T {
  const metadata = dataSource.getMetadata(target);
  const entity: Record<string, unknown> = metadata.create();
  for (const column of metadata.columns)
    if (prefix + column.databaseName in raw)
      entity[column.propertyName] = dataSource.driver.prepareHydratedValue(
        raw[prefix + column.databaseName],
        column,
      );
  return entity as T;
}

/**
 * Every column of an entity as `alias.column AS prefixcolumn`, to read it beside another
 * entity's row in one join and hydrate it with the same prefix.
 */
export function columnsAs<T extends ObjectLiteral>(
  dataSource: DataSource,
  target: EntityTarget<T>,
  alias: string,
  prefix: string,
): string {
  const metadata = dataSource.getMetadata(target);
  const driver = dataSource.driver;
  return cached(metadata, `select:${alias}:${prefix}`, () =>
    writable(metadata)
      .map(
        (c) =>
          `${alias}.${driver.escape(c.databaseName)} AS ${driver.escape(prefix + c.databaseName)}`,
      )
      .join(', '),
  );
}

/** A value as the driver stores it in an entity's column: a parameter of a statement written out. */
export function toColumn<T extends ObjectLiteral>(
  dataSource: DataSource,
  target: EntityTarget<T>,
  property: keyof T & string,
  value: unknown,
): unknown {
  const column = dataSource
    .getMetadata(target)
    .findColumnWithPropertyName(property);
  if (!column) throw new Error(`toColumn: no column ${property}`);
  return persistent(dataSource, column, value);
}
