import { loadConfig } from '@portal/api-core';
import { createTestDatabase, TestRedisServer } from '@portal/api-testing';
import { createApp } from '../app/create-app';

describe('starting in production on a Redis that may evict keys', () => {
  it('refuses, naming the policy and the fix', async () => {
    const redis = await TestRedisServer.start([
      '--maxmemory-policy',
      'volatile-lru',
    ]);
    const db = await createTestDatabase('mariadb');
    try {
      const config = loadConfig({
        NODE_ENV: 'production',
        DATABASE_URL: db.url,
        DATA_DIR: db.dataDir,
        REDIS_URL: redis.url,
        SESSION_SECRET: 'a-production-secret-of-at-least-32-chars',
        PERSONAL_DATA_KEYS: 'k1:9f86d081884c7d659a2feaa0c55ad015',
        PUBLIC_URL: 'https://portal.example.gov.cn',
        LOG_LEVEL: 'silent',
      });
      await expect(createApp(config, { webRoot: null })).rejects.toThrow(
        /maxmemory-policy "volatile-lru".*noeviction/,
      );
    } finally {
      await db.drop();
      await redis.dispose();
    }
  });
});
