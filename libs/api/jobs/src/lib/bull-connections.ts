import { Injectable } from '@nestjs/common';
import { AppConfig } from '@portal/api-core';
import type Redis from 'ioredis';
import { createRedis } from './redis-connection';

const SHARED_CONNECTION_LISTENERS = 50;

/**
 * Bull's Redis connections: one `client` and one `subscriber` shared by every queue (as Bull
 * recommends), a blocking connection per queue. Bull does not close connections it did not
 * create, so `closeAll` does, after the queues have closed.
 */
@Injectable()
export class BullConnections {
  private readonly shared = new Map<'client' | 'subscriber', Redis>();
  private readonly all: Redis[] = [];

  constructor(private readonly config: AppConfig) {}

  create(type: 'client' | 'subscriber' | 'bclient'): Redis {
    if (type !== 'bclient') {
      const existing = this.shared.get(type);
      if (existing) return existing;
    }
    const redis = createRedis(this.config.redisUrl, type);
    if (type !== 'bclient') {
      // Every queue and handler adds its own error/ready/end listeners to a shared connection
      // (11 in the worker), past Node's leak warning at 10; a real leak still passes 50.
      redis.setMaxListeners(SHARED_CONNECTION_LISTENERS);
      this.shared.set(type, redis);
    }
    this.all.push(redis);
    return redis;
  }

  closeAll(): void {
    for (const redis of this.all.splice(0)) redis.disconnect();
    this.shared.clear();
  }
}
