import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { LoginThrottleEntity } from '@portal/api-db';
import {
  LOCKOUT_DURATION_MS,
  LOCKOUT_THRESHOLD,
  LOCKOUT_WINDOW_MS,
} from '@portal/domain';
import type { Repository } from 'typeorm';

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

  /** Records a failure; returns the lock's end when this failure locked the address. */
  async recordFailure(email: string, now = new Date()): Promise<Date | null> {
    return this.repo.manager.transaction(async (em) => {
      const row = await em.findOne(LoginThrottleEntity, {
        where: { email },
        lock: { mode: 'pessimistic_write' },
      });
      const stale =
        !row || now.getTime() - row.lastFailureAt.getTime() > LOCKOUT_WINDOW_MS;
      const expiredLock = row?.lockedUntil && row.lockedUntil <= now;
      const failures = stale || expiredLock ? 1 : row.failures + 1;
      const lockedUntil =
        failures >= LOCKOUT_THRESHOLD
          ? new Date(now.getTime() + LOCKOUT_DURATION_MS)
          : null;
      await em.upsert(
        LoginThrottleEntity,
        { email, failures, lastFailureAt: now, lockedUntil },
        ['email'],
      );
      return lockedUntil;
    });
  }

  async clear(email: string): Promise<void> {
    await this.repo.delete({ email });
  }
}
