import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { AppConfig, loadConfig } from '@portal/api-core';
import { DemoSeeder } from '@portal/api-db';
import {
  createTestDatabase,
  TEST_REDIS_URL,
  TestClient,
  uniqueRedisPrefix,
  type Dialect,
  type TestDatabase,
} from '@portal/api-testing';
import Redis from 'ioredis';
import type { Logger as PinoLogger } from 'pino';
import { DataSource } from 'typeorm';
import { createApp } from '../app/create-app';

export const TEST_PERSONAL_DATA_KEYS = 'test:6b86b273ff34fce19d6b804eff5a3f57';

export interface TestApp {
  readonly app: NestFastifyApplication;
  readonly config: AppConfig;
  readonly db: TestDatabase;
  readonly dataSource: DataSource;
  client(): TestClient;
  close(): Promise<void>;
}

/**
 * The real API on a fresh database of the given dialect, real Redis under its own key prefix,
 * demo data seeded (regions, bureaus, staff, companies). No web app unless `webRoot` names a
 * built one; the access log goes to `accessLogger` when given (logging is otherwise silent).
 */
export async function startTestApp(
  dialect: Dialect,
  env: Record<string, string> = {},
  options: { webRoot?: string; accessLogger?: PinoLogger } = {},
): Promise<TestApp> {
  process.env['TZ'] = 'UTC';
  const db = await createTestDatabase(dialect);
  const config = loadConfig({
    NODE_ENV: 'test',
    DATABASE_URL: db.url,
    DATA_DIR: db.dataDir,
    REDIS_URL: TEST_REDIS_URL,
    REDIS_PREFIX: uniqueRedisPrefix(),
    AUTH_RATE_LIMIT_PER_MINUTE: '100000',
    LOG_LEVEL: 'silent',
    SEED_DEMO_DATA: 'false',
    // One key for every test app: the cipher is one per process (see personalDataColumn), and a
    // file may start several apps side by side.
    PERSONAL_DATA_KEYS: TEST_PERSONAL_DATA_KEYS,
    ...env,
  });
  const app = await createApp(config, {
    webRoot: options.webRoot ?? null,
    accessLogger: options.accessLogger,
  });
  await app.get(DemoSeeder).seedIfEmpty();
  return {
    app,
    config,
    db,
    dataSource: app.get(DataSource),
    client: () => new TestClient(app),
    close: async () => {
      await app.close();
      await deleteRedisKeys(config.redisUrl, config.redisPrefix);
      await db.drop();
    },
  };
}

/** Removes the suite's keys; a suite that ran against an unreachable Redis has none. */
async function deleteRedisKeys(url: string, prefix: string): Promise<void> {
  const redis = new Redis(url, {
    lazyConnect: true,
    maxRetriesPerRequest: 1,
    retryStrategy: () => null,
  });
  redis.on('error', () => undefined);
  try {
    await redis.connect();
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(
        cursor,
        'MATCH',
        `${prefix}:*`,
        'COUNT',
        500,
      );
      if (keys.length) await redis.del(...keys);
      cursor = next;
    } while (cursor !== '0');
  } catch {
    // unreachable Redis: nothing was stored under the prefix
  } finally {
    redis.disconnect();
  }
}
