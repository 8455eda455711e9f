import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { AppConfig } from '@portal/api-core';
import Redis from 'ioredis';

async function answers(url: string): Promise<boolean> {
  const client = new Redis(url, {
    lazyConnect: true,
    maxRetriesPerRequest: 0,
    retryStrategy: () => null,
    connectTimeout: 1500,
  });
  client.on('error', () => undefined);
  try {
    await client.connect();
    return (await client.ping()) === 'PONG';
  } catch {
    return false;
  } finally {
    client.disconnect();
  }
}

/**
 * For the embedded default: when nothing answers at a local REDIS_URL, start `redis-server`
 * with its data under DATA_DIR, and stop it with the API. Returns null when Redis was already up.
 */
export async function ensureLocalRedis(
  config: AppConfig,
): Promise<ChildProcess | null> {
  if (await answers(config.redisUrl)) return null;
  const url = new URL(config.redisUrl);
  const local = ['127.0.0.1', 'localhost', '::1', '[::1]'].includes(
    url.hostname,
  );
  const hasBinary = spawnSync('redis-server', ['--version']).status === 0;
  if (!local || !hasBinary) {
    throw new Error(
      `Nothing answers at REDIS_URL=${config.redisUrl}. ` +
        (local
          ? 'Install Redis (Debian/Ubuntu: sudo apt-get install redis-server; macOS: brew install redis) and start again, or set REDIS_URL to a running Redis.'
          : 'Start that Redis server or point REDIS_URL at one that runs.'),
    );
  }
  const dir = join(config.dataDir, 'redis');
  mkdirSync(dir, { recursive: true });
  const child = spawn(
    'redis-server',
    [
      '--port',
      url.port || '6379',
      '--bind',
      '127.0.0.1',
      '--dir',
      dir,
      '--appendonly',
      'yes',
      '--save',
      '',
      '--maxmemory-policy',
      'noeviction',
    ],
    { stdio: 'ignore' },
  );
  for (let i = 0; i < 50; i++) {
    if (await answers(config.redisUrl)) return child;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  child.kill();
  throw new Error(
    `redis-server did not come up on port ${url.port || '6379'}; see ${dir}`,
  );
}
