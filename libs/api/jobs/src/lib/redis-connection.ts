import Redis, { type RedisOptions } from 'ioredis';

/**
 * ioredis options that survive a Redis restart: reconnect forever with a capped backoff, and
 * no per-command retry limit or ready check on the blocking/subscriber connections (Bull's
 * workers otherwise stop pulling jobs after a reconnect).
 */
export function redisOptions(
  url: string,
  role: 'client' | 'subscriber' | 'bclient',
): RedisOptions {
  const parsed = new URL(url);
  const db = parsed.pathname.length > 1 ? Number(parsed.pathname.slice(1)) : 0;
  return {
    host: parsed.hostname,
    port: Number(parsed.port || 6379),
    username: parsed.username ? decodeURIComponent(parsed.username) : undefined,
    password: parsed.password ? decodeURIComponent(parsed.password) : undefined,
    db: Number.isInteger(db) ? db : 0,
    ...(parsed.protocol === 'rediss:' ? { tls: {} } : {}),
    retryStrategy: (times) => Math.min(100 * 2 ** Math.min(times, 5), 2000),
    reconnectOnError: (err) =>
      /READONLY|ETIMEDOUT|ECONNRESET/.test(err.message),
    connectTimeout: 5000,
    // A request that enqueues fails within about a second while Redis is down, rather than hang.
    ...(role === 'client'
      ? { maxRetriesPerRequest: 3, enableReadyCheck: true }
      : { maxRetriesPerRequest: null, enableReadyCheck: false }),
  };
}

export function createRedis(
  url: string,
  role: 'client' | 'subscriber' | 'bclient',
): Redis {
  return new Redis(redisOptions(url, role));
}
