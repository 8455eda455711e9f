import { chmodSync, closeSync, mkdirSync, openSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import type { DatabaseConfig } from '@portal/api-core';
import { DataSource, type DataSourceOptions } from 'typeorm';
import { ENTITIES } from './entities';
import { MYSQL_MIGRATIONS } from './migrations/mysql';
import { SQLITE_MIGRATIONS } from './migrations/sqlite';
import { serializeSqliteTransactions } from './sqlite-serial';

/**
 * TypeORM options for either dialect. Migrations run at start; `synchronize` is never on: the
 * schema is what the hand-reviewed migrations say, and a test proves they match the entities.
 */
export function dataSourceOptions(database: DatabaseConfig): DataSourceOptions {
  if (database.type === 'mysql') {
    return {
      type: database.flavour,
      url: database.url,
      entities: ENTITIES,
      migrations: MYSQL_MIGRATIONS,
      migrationsRun: true,
      migrationsTransactionMode: 'each',
      synchronize: false,
      charset: 'utf8mb4_unicode_ci',
      timezone: 'Z',
      // Strings keep DATETIME(6)'s microseconds for keyset cursors; TypeORM still hydrates Dates.
      dateStrings: true,
      extra: {
        connectionLimit: 20,
        supportBigNumbers: true,
        bigNumberStrings: true,
        // mysql2 captures a stack trace for every query to show its caller on errors; that cost
        // ~5% of a read's CPU. TypeORM's QueryFailedError and async stack traces still name it.
        trace: false,
      },
    };
  }
  if (database.file !== ':memory:') keepPrivate(database.file);
  return {
    type: 'better-sqlite3',
    database: database.file,
    entities: ENTITIES,
    migrations: SQLITE_MIGRATIONS,
    migrationsRun: true,
    migrationsTransactionMode: 'each',
    synchronize: false,
    // WAL lets the API read while a worker writes; foreign keys are off by default in SQLite.
    prepareDatabase: (db: { pragma(sql: string): unknown }) => {
      db.pragma('journal_mode = WAL');
      db.pragma('busy_timeout = 5000');
      db.pragma('foreign_keys = ON');
    },
  };
}

export function createDataSource(database: DatabaseConfig): DataSource {
  const dataSource = new DataSource(dataSourceOptions(database));
  serializeSqliteTransactions(dataSource);
  return dataSource;
}

/** The SQL TypeORM would still run to make the database match the entities: empty when in step. */
export async function pendingSchemaChanges(
  dataSource: DataSource,
): Promise<string[]> {
  const log = await dataSource.driver.createSchemaBuilder().log();
  return log.upQueries.map((q) => q.query);
}

/**
 * The database file readable by the portal's user only (0600, its directory 0700), created so
 * before SQLite opens it: SQLite gives its -wal and -shm files the database file's mode.
 */
function keepPrivate(file: string): void {
  const dir = dirname(file);
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  // What someone else owns (a mounted volume) keeps its mode: only its owner may change it.
  const own = (path: string) => statSync(path).uid === process.getuid?.();
  if (own(dir)) chmodSync(dir, 0o700);
  closeSync(openSync(file, 'a', 0o600));
  if (own(file)) chmodSync(file, 0o600);
}
