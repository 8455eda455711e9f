import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { AppConfig, AppError, openSecret, sealSecret } from '@portal/api-core';
import { UserEntity } from '@portal/api-db';
import type { SecondFactorEnrolment } from '@portal/contracts';
import { authenticator } from 'otplib';
import { toDataURL } from 'qrcode';
import type { Repository } from 'typeorm';

const PURPOSE = 'totp';
// One step either side: clocks of phones drift.
authenticator.options = { window: 1 };

/** TOTP (RFC 6238) enrolment and checks. Secrets are stored sealed with the app secret. */
@Injectable()
export class SecondFactorService {
  constructor(
    private readonly config: AppConfig,
    @InjectRepository(UserEntity)
    private readonly users: Repository<UserEntity>,
  ) {}

  /** A fresh secret for the user to scan; not enforced until confirmed with a code. */
  async startEnrolment(user: UserEntity): Promise<SecondFactorEnrolment> {
    const secret = authenticator.generateSecret(20);
    await this.users.update(
      { id: user.id },
      {
        totpSecret: sealSecret(this.config.sessionSecret, PURPOSE, secret),
        totpEnabledAt: null,
      },
    );
    const otpauthUrl = authenticator.keyuri(
      user.email,
      '科技局企业服务门户',
      secret,
    );
    return { secret, otpauthUrl, qrCodeDataUrl: await toDataURL(otpauthUrl) };
  }

  async confirmEnrolment(user: UserEntity, code: string): Promise<void> {
    if (!user.totpSecret) {
      throw new AppError(
        409,
        'SECOND_FACTOR_INVALID',
        'Start the set-up again: no code is waiting for confirmation.',
      );
    }
    this.assertCode(user, code);
    await this.users.update({ id: user.id }, { totpEnabledAt: new Date() });
  }

  /** Throws SECOND_FACTOR_INVALID unless the code matches the user's secret. */
  assertCode(user: UserEntity, code: string): void {
    const secret = user.totpSecret
      ? openSecret(this.config.sessionSecret, PURPOSE, user.totpSecret)
      : null;
    if (!secret || !authenticator.check(code, secret)) {
      throw new AppError(
        401,
        'SECOND_FACTOR_INVALID',
        'The code is wrong or has expired. Enter the current code.',
      );
    }
  }
}
