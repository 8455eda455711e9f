import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { LoginThrottleEntity } from '@portal/api-db';
import {
  LOCKOUT_DURATION_MS,
  LOCKOUT_THRESHOLD,
  LOCKOUT_WINDOW_MS,
} from '@portal/domain';
import type { Repository } from 'typeorm';
import { isDuplicateKey } from '@portal/api-db';

/** Counts failed logins per e-mail address — existing or not — and locks after the threshold. */
@Injectable()
export class LoginThrottleService {
  constructor(
    @InjectRepository(LoginThrottleEntity)
    private readonly repo: Repository<LoginThrottleEntity>,
  ) {}

  /** When the address is locked, until when; otherwise null. */
  async lockedUntil(email: string, now = new Date()): Promise<Date | null> {
    const row = await this.repo.findOneBy({ email });
    return row?.lockedUntil && row.lockedUntil > now ? row.lockedUntil : null;
  }

  /**
   * Records a failure; returns the lock's end when this failure locked the address. Optimistic
   * on the failure count (portable to SQLite, which has no row locks): a concurrent failure
   * makes the update miss, and it is retried on the fresh row.
   */
  async recordFailure(email: string, now = new Date()): Promise<Date | null> {
    for (let attempt = 0; attempt < 10; attempt++) {
      const row = await this.repo.findOneBy({ email });
      const restart =
        !row ||
        now.getTime() - row.lastFailureAt.getTime() > LOCKOUT_WINDOW_MS ||
        (row.lockedUntil !== null && row.lockedUntil <= now);
      const failures = restart ? 1 : row.failures + 1;
      const lockedUntil =
        failures >= LOCKOUT_THRESHOLD
          ? new Date(now.getTime() + LOCKOUT_DURATION_MS)
          : null;
      if (!row) {
        try {
          await this.repo.insert({
            email,
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
        { email, failures: row.failures },
        { failures, lastFailureAt: now, lockedUntil },
      );
      if (result.affected) return lockedUntil;
    }
    throw new Error(
      `Could not record a failed log-in for ${email}: too much contention`,
    );
  }

  async clear(email: string): Promise<void> {
    await this.repo.delete({ email });
  }
}
