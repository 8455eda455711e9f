import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { isDuplicateKey, LoginThrottleEntity } from '@portal/api-db';
import {
  ADDRESS_LOCKOUT_THRESHOLD,
  clientHoldMs,
  LOCKOUT_DURATION_MS,
  LOCKOUT_MEMORY_MS,
  LOCKOUT_WINDOW_MS,
} from '@portal/domain';
import type { Repository } from 'typeorm';

/** The row that counts an address's failures from every client: the ceiling. */
const ANY_CLIENT = '*';

interface Rule {
  /** Failures after a gap this long start again at 1. */
  readonly memoryMs: number;
  /** How long the `failures`-th failure locks the row; 0 leaves it open. */
  readonly holdMs: (failures: number) => number;
}

const PER_CLIENT: Rule = { memoryMs: LOCKOUT_MEMORY_MS, holdMs: clientHoldMs };
const PER_ADDRESS: Rule = {
  memoryMs: LOCKOUT_WINDOW_MS,
  holdMs: (failures) =>
    failures >= ADDRESS_LOCKOUT_THRESHOLD ? LOCKOUT_DURATION_MS : 0,
};

/**
 * Counts failed logins (and wrong second-factor codes) per e-mail address — existing or not —
 * and client: the pair (address, client) is held progressively after 5 failures, so someone
 * guessing from one place is held while the owner logs in from another; a much higher ceiling
 * per address locks it for everyone when the guessing is spread over many clients.
 */
@Injectable()
export class LoginThrottleService {
  constructor(
    @InjectRepository(LoginThrottleEntity)
    private readonly repo: Repository<LoginThrottleEntity>,
  ) {}

  /** When the address is locked for this client (or for all), until when; otherwise null. */
  async lockedUntil(
    email: string,
    ip: string | null,
    now = new Date(),
  ): Promise<Date | null> {
    const rows = await this.repo.findBy([
      { email, client: clientKey(ip) },
      { email, client: ANY_CLIENT },
    ]);
    return latest(
      rows.map((r) =>
        r.lockedUntil && r.lockedUntil > now ? r.lockedUntil : null,
      ),
    );
  }

  /** Records a failure for the pair and the address; returns the lock's end if one now holds. */
  async recordFailure(
    email: string,
    ip: string | null,
    now = new Date(),
  ): Promise<Date | null> {
    const [pair, address] = await Promise.all([
      this.count(email, clientKey(ip), PER_CLIENT, now),
      this.count(email, ANY_CLIENT, PER_ADDRESS, now),
    ]);
    return latest([pair, address]);
  }

  /** A success from this client forgets the pair's failures (the ceiling decays on its own). */
  async clearClient(email: string, ip: string | null): Promise<void> {
    await this.repo.delete({ email, client: clientKey(ip) });
  }

  /** Forgets every failure of the address (after a password reset). */
  async clearAddress(email: string): Promise<void> {
    await this.repo.delete({ email });
  }

  /**
   * Optimistic on the failure count (portable to SQLite, which has no row locks): a concurrent
   * failure makes the update miss, and it is retried on the fresh row.
   */
  private async count(
    email: string,
    client: string,
    rule: Rule,
    now: Date,
  ): Promise<Date | null> {
    for (let attempt = 0; attempt < 10; attempt++) {
      const row = await this.repo.findOneBy({ email, client });
      const restart =
        !row || now.getTime() - row.lastFailureAt.getTime() > rule.memoryMs;
      const failures = restart ? 1 : row.failures + 1;
      const hold = rule.holdMs(failures);
      const lockedUntil = hold ? new Date(now.getTime() + hold) : null;
      if (!row) {
        try {
          await this.repo.insert({
            email,
            client,
            failures,
            lastFailureAt: now,
            lockedUntil,
          });
          return lockedUntil;
        } catch (error) {
          if (isDuplicateKey(error)) continue;
          throw error;
        }
      }
      const result = await this.repo.update(
        { email, client, failures: row.failures },
        { failures, lastFailureAt: now, lockedUntil },
      );
      if (result.affected) return lockedUntil;
    }
    throw new Error(
      `Could not record a failed log-in for ${email}: too much contention`,
    );
  }
}

function clientKey(ip: string | null): string {
  return ip ?? 'unknown';
}

function latest(dates: readonly (Date | null)[]): Date | null {
  let result: Date | null = null;
  for (const d of dates) if (d && (!result || d > result)) result = d;
  return result;
}
