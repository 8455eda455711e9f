import {
  Injectable,
  Logger,
  type OnApplicationShutdown,
  type OnModuleInit,
} from '@nestjs/common';
import { AppConfig, PortalClock } from '@portal/api-core';
import type Redis from 'ioredis';
import { BullConnections } from './bull-connections';
import { createRedis } from './redis-connection';

/** A missed pub/sub message (a reconnect) is made up for within this long. */
const REFRESH_EVERY_MS = 5_000;
/** A start does not wait longer than this for Redis to say where the clock stands. */
const FIRST_READ_WAIT_MS = 1_000;

/** Raises the stored offset to ARGV[1] unless it is already further, announces it; returns the offset in force. */
const MOVE_FORWARD = `
local current = tonumber(redis.call('GET', KEYS[1]) or '0')
local wanted = tonumber(ARGV[1])
if wanted > current then
  redis.call('SET', KEYS[1], ARGV[1])
  redis.call('PUBLISH', KEYS[2], ARGV[1])
  return ARGV[1]
end
return tostring(current)
`;

/**
 * Keeps this process's PortalClock in step with the development clock every process of the
 * deployment shares: one Redis key under REDIS_PREFIX holds the offset in ms. The offset is read
 * at start, pushed to every process on a pub/sub channel when moved, and re-read every 5 s
 * (a message lost to a reconnect); requests read only the in-process copy, never Redis.
 * With DEV_CLOCK off (always in production) nothing is read, subscribed or written.
 */
@Injectable()
export class PortalClockSync implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger('PortalClock');
  private readonly key: string;
  private readonly channel: string;
  private subscriber: Redis | null = null;
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly config: AppConfig,
    private readonly clock: PortalClock,
    private readonly connections: BullConnections,
  ) {
    this.key = `${config.redisPrefix}:portal-clock:offset`;
    this.channel = `${config.redisPrefix}:portal-clock:moved`;
  }

  async onModuleInit(): Promise<void> {
    if (!this.config.devClock) return;
    const subscriber = createRedis(this.config.redisUrl, 'subscriber');
    subscriber.on('error', () => undefined);
    subscriber.on('message', (channel: string, message: string) => {
      if (channel === this.channel) this.clock.adopt(Number(message));
    });
    this.subscriber = subscriber;
    subscriber.subscribe(this.channel).catch((error: Error) => {
      this.logger.warn(`Not subscribed to clock moves: ${error.message}`);
    });
    this.timer = setInterval(() => void this.refresh(), REFRESH_EVERY_MS);
    this.timer.unref();
    let waited: NodeJS.Timeout | undefined;
    await Promise.race([
      this.refresh(),
      new Promise<void>((resolve) => {
        waited = setTimeout(resolve, FIRST_READ_WAIT_MS);
      }),
    ]);
    clearTimeout(waited);
  }

  onApplicationShutdown(): void {
    if (this.timer) clearInterval(this.timer);
    this.subscriber?.disconnect();
    this.subscriber = null;
  }

  /** Reads the shared offset now (before a move, so it starts from where another process left it). */
  async refresh(): Promise<void> {
    if (!this.config.devClock) return;
    try {
      const stored = await this.redis().get(this.key);
      if (stored !== null) this.clock.adopt(Number(stored));
    } catch {
      // Redis away: the clock keeps the offset it had; the next refresh tries again.
    }
  }

  /**
   * Moves every process's clock to `offsetMs` ahead of real time — forward only: an offset
   * below the stored one changes nothing. Returns the offset in force afterwards.
   */
  async moveTo(offsetMs: number): Promise<number> {
    if (!this.config.devClock)
      throw new Error('The development clock is off (DEV_CLOCK)');
    const inForce = Number(
      await this.redis().eval(
        MOVE_FORWARD,
        2,
        this.key,
        this.channel,
        String(Math.floor(offsetMs)),
      ),
    );
    this.clock.adopt(inForce);
    return this.clock.offsetMs;
  }

  private redis(): Redis {
    return this.connections.create('client');
  }
}
