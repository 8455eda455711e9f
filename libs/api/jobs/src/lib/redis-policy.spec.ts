import { TestRedisServer } from '@portal/api-testing';
import Redis from 'ioredis';
import { assertQueueSafeRedis } from './redis-policy';

describe('the Redis eviction policy check', () => {
  let server: TestRedisServer;
  let redis: Redis;

  beforeAll(async () => {
    server = await TestRedisServer.start(['--maxmemory-policy', 'allkeys-lru']);
    redis = new Redis(server.url);
  });
  afterAll(async () => {
    redis?.disconnect();
    await server?.dispose();
  });

  it('refuses a Redis that may evict queue keys, naming the policy and the fix', async () => {
    await expect(assertQueueSafeRedis(redis, server.url)).rejects.toThrow(
      /maxmemory-policy "allkeys-lru".*noeviction/,
    );
  });

  it('accepts noeviction', async () => {
    await redis.config('SET', 'maxmemory-policy', 'noeviction');
    await expect(
      assertQueueSafeRedis(redis, server.url),
    ).resolves.toBeUndefined();
  });
});
