import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { AppConfig, AppError, openSecret, sealSecret } from '@portal/api-core';
import { UserEntity } from '@portal/api-db';
import type { SecondFactorEnrolment } from '@portal/contracts';
import { authenticator } from 'otplib';
import { toDataURL } from 'qrcode';
import { type Repository } from 'typeorm';

const PURPOSE = 'totp';
const STEP_SECONDS = 30;
// One step either side: clocks of phones drift.
authenticator.options = { window: 1, step: STEP_SECONDS };

/**
 * TOTP (RFC 6238) enrolment and checks. Secrets are stored sealed with the app secret. A code
 * is accepted once: the time step it belongs to is claimed on the user's row, so the same code
 * (or an older one) is refused afterwards, also when two requests race.
 */
@Injectable()
export class SecondFactorService {
  constructor(
    private readonly config: AppConfig,
    @InjectRepository(UserEntity)
    private readonly users: Repository<UserEntity>,
  ) {}

  /**
   * A fresh secret for the user to scan, kept as pending: the active factor (if any) stays
   * enforced until a code from the new one is confirmed.
   */
  async startEnrolment(user: UserEntity): Promise<SecondFactorEnrolment> {
    const secret = authenticator.generateSecret(20);
    await this.users.update(
      { id: user.id },
      {
        totpPendingSecret: sealSecret(
          this.config.sessionSecret,
          PURPOSE,
          secret,
        ),
      },
    );
    const otpauthUrl = authenticator.keyuri(
      user.email,
      '科技局企业服务门户',
      secret,
    );
    return { secret, otpauthUrl, qrCodeDataUrl: await toDataURL(otpauthUrl) };
  }

  /** Makes the pending secret the active one, with the code that proves the user holds it. */
  async confirmEnrolment(user: UserEntity, code: string): Promise<void> {
    const pending = this.open(user.totpPendingSecret);
    if (!pending) {
      throw new AppError(
        409,
        'SECOND_FACTOR_INVALID',
        'Start the set-up again: no code is waiting for confirmation.',
      );
    }
    const step = stepOf(code, pending);
    if (step === null) throw wrongCode();
    const result = await this.users
      .createQueryBuilder()
      .update()
      .set({
        totpSecret: user.totpPendingSecret,
        totpPendingSecret: null,
        totpEnabledAt: new Date(),
        totpLastStep: step,
        totpFailures: 0,
      })
      .where('id = :id AND totp_pending_secret = :pending', {
        id: user.id,
        pending: user.totpPendingSecret,
      })
      .execute();
    if (!result.affected) {
      throw new AppError(
        409,
        'SECOND_FACTOR_INVALID',
        'Start the set-up again: a newer set-up replaced this one.',
      );
    }
  }

  /**
   * Accepts a code of the user's active secret once: throws SECOND_FACTOR_INVALID for a wrong
   * code and SECOND_FACTOR_USED for one whose time step was already accepted. A right code
   * also forgets the wrong ones counted before.
   */
  async acceptCode(user: UserEntity, code: string): Promise<void> {
    const secret = this.open(user.totpSecret);
    const step = secret ? stepOf(code, secret) : null;
    if (step === null) throw wrongCode();
    const claimed = await this.users
      .createQueryBuilder()
      .update()
      .set({ totpLastStep: step, totpFailures: 0 })
      .where(
        'id = :id AND (totp_last_step IS NULL OR totp_last_step < :step)',
        { id: user.id, step },
      )
      .execute();
    if (!claimed.affected) {
      throw new AppError(
        401,
        'SECOND_FACTOR_USED',
        'This code was already used. Wait for the next code in your authenticator app and enter it.',
      );
    }
  }

  /** Whether the code matches the active secret, without using it up (re-enrolment's proof). */
  matchesActive(user: UserEntity, code: string): boolean {
    const secret = this.open(user.totpSecret);
    return secret !== null && stepOf(code, secret) !== null;
  }

  /** Counts a wrong code; returns the count of wrong codes in a row. */
  async recordWrongCode(userId: string): Promise<number> {
    await this.users.increment({ id: userId }, 'totpFailures', 1);
    const row = await this.users.findOneOrFail({
      where: { id: userId },
      select: { id: true, totpFailures: true },
    });
    return row.totpFailures;
  }

  async resetWrongCodes(userId: string): Promise<void> {
    await this.users.update({ id: userId }, { totpFailures: 0 });
  }

  private open(sealed: string | null): string | null {
    return sealed
      ? openSecret(this.config.sessionSecret, PURPOSE, sealed)
      : null;
  }
}

/** The absolute time step the code belongs to, or null when it matches none in the window. */
function stepOf(code: string, secret: string): number | null {
  const now = Date.now();
  const delta = authenticator.clone({ epoch: now }).checkDelta(code, secret);
  if (delta === null) return null;
  return Math.floor(now / 1000 / STEP_SECONDS) + delta;
}

function wrongCode(): AppError {
  return new AppError(
    401,
    'SECOND_FACTOR_INVALID',
    'The code is wrong or has expired. Enter the current code.',
  );
}
