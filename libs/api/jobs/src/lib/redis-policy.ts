import type Redis from 'ioredis';

export class UnsafeRedisError extends Error {}

/**
 * Bull keeps every queued, delayed and running job in Redis. A Redis that evicts keys under
 * memory pressure (any maxmemory-policy but `noeviction`) would silently drop jobs — mails,
 * timers, automated checks — so production refuses to start on one. Where `CONFIG` is disabled
 * (managed Redis), `INFO memory` says the same.
 */
export async function assertQueueSafeRedis(
  redis: Redis,
  url: string,
): Promise<void> {
  const policy = await evictionPolicy(redis);
  if (policy !== null && policy !== 'noeviction')
    throw new UnsafeRedisError(
      `Redis at ${new URL(url).host} has maxmemory-policy "${policy}": it may evict queue keys and lose jobs. ` +
        'Set "maxmemory-policy noeviction" in redis.conf (or CONFIG SET maxmemory-policy noeviction) and start again.',
    );
}

async function evictionPolicy(redis: Redis): Promise<string | null> {
  try {
    const answer = (await redis.config('GET', 'maxmemory-policy')) as string[];
    if (answer[1]) return answer[1];
  } catch {
    // CONFIG may be renamed or disabled: ask INFO instead
  }
  const info = await redis.info('memory');
  return /^maxmemory_policy:(\S+)/m.exec(info)?.[1] ?? null;
}
