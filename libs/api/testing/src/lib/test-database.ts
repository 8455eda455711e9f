import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createConnection } from 'mysql2/promise';

export const DIALECTS = ['mariadb', 'sqlite'] as const;
export type Dialect = (typeof DIALECTS)[number];

/** The MariaDB server the tests use; they fail, never skip, when it does not answer. */
export const TEST_MARIADB_URL =
  process.env['TEST_MARIADB_URL'] ?? 'mariadb://root@127.0.0.1:3306';
export const TEST_REDIS_URL =
  process.env['TEST_REDIS_URL'] ?? 'redis://127.0.0.1:6379';

export interface TestDatabase {
  readonly url: string;
  readonly dataDir: string;
  drop(): Promise<void>;
}

/** A new, empty database for one test suite: its own MariaDB schema or its own SQLite file. */
export async function createTestDatabase(
  dialect: Dialect,
): Promise<TestDatabase> {
  const dataDir = mkdtempSync(join(tmpdir(), 'portal-test-'));
  if (dialect === 'sqlite') {
    return {
      url: `sqlite:${join(dataDir, 'portal.sqlite')}`,
      dataDir,
      drop: async () => rmSync(dataDir, { recursive: true, force: true }),
    };
  }
  const name = `portal_test_${randomBytes(6).toString('hex')}`;
  const server = new URL(TEST_MARIADB_URL.replace(/^mariadb:/, 'mysql:'));
  const admin = await createConnection({
    host: server.hostname,
    port: Number(server.port || 3306),
    user: decodeURIComponent(server.username || 'root'),
    password: decodeURIComponent(server.password),
  });
  await admin.query(
    `CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`,
  );
  await admin.end();
  const url = `${TEST_MARIADB_URL.replace(/\/+$/, '')}/${name}`;
  return {
    url,
    dataDir,
    drop: async () => {
      const conn = await createConnection({
        host: server.hostname,
        port: Number(server.port || 3306),
        user: decodeURIComponent(server.username || 'root'),
        password: decodeURIComponent(server.password),
      });
      await conn.query(`DROP DATABASE IF EXISTS \`${name}\``);
      await conn.end();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** A Redis key prefix of its own, so parallel suites never take each other's jobs. */
export function uniqueRedisPrefix(): string {
  return `test-${randomBytes(5).toString('hex')}`;
}
