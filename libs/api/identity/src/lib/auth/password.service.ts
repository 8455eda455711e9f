import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  AppConfig,
  AppError,
  hashPassword,
  randomToken,
  sha256Hex,
  ValidationFailedError,
  verifyPassword,
} from '@portal/api-core';
import {
  AuditService,
  SessionService,
  type Actor,
  type RequestContext,
} from '@portal/api-access';
import {
  forUpdate,
  PasswordResetTokenEntity,
  UserEntity,
} from '@portal/api-db';
import { JobProducer } from '@portal/api-jobs';
import {
  PASSWORD_RESET_MAILS_PER_HOUR,
  PASSWORD_RESET_VALIDITY_MS,
} from '@portal/domain';
import { DataSource, IsNull, MoreThan } from 'typeorm';
import type {
  ChangePasswordDto,
  CompletePasswordResetDto,
  RequestPasswordResetDto,
} from '../dto/identity.dto';
import { passwordProblems } from '../dto/validators';
import { lockedError } from './auth.service';
import { LoginThrottleService } from './login-throttle.service';

const INVALID_LINK =
  'This link is invalid, was already used or has expired. Ask for a new one on the log-in page ("Forgot password?").';

/** What a reset link's mail needs: the raw token exists only here and in the mail. */
export interface IssuedReset {
  readonly user: UserEntity;
  readonly token: string;
  readonly expiresAt: Date;
}

/** Changing a password, and resetting a forgotten one by e-mail. */
@Injectable()
export class PasswordService {
  constructor(
    private readonly config: AppConfig,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly sessions: SessionService,
    private readonly throttle: LoginThrottleService,
    private readonly jobs: JobProducer,
    private readonly audit: AuditService,
  ) {}

  /**
   * With the current password; the new one meets the policy. The user's other sessions end,
   * this one stays; the change is audited and the user is told by e-mail.
   */
  async change(actor: Actor, dto: ChangePasswordDto): Promise<void> {
    const users = this.dataSource.getRepository(UserEntity);
    const user = await users.findOneByOrFail({ id: actor.userId });
    const lockedUntil = await this.throttle.lockedUntil(user.email, actor.ip);
    if (lockedUntil) throw lockedError(lockedUntil);
    if (!(await verifyPassword(user.passwordHash, dto.currentPassword))) {
      const nowLocked = await this.throttle.recordFailure(user.email, actor.ip);
      await this.audit.record({
        action: 'auth.password_changed',
        result: 'failure',
        userId: user.id,
        userEmail: user.email,
        ip: actor.ip,
        detail: { reason: 'current_password', locked: nowLocked !== null },
      });
      if (nowLocked) throw lockedError(nowLocked);
      throw new ValidationFailedError([
        {
          field: 'currentPassword',
          code: 'password.wrong',
          message: 'The current password is not correct',
        },
      ]);
    }
    if (dto.newPassword === dto.currentPassword) {
      throw new ValidationFailedError([
        {
          field: 'newPassword',
          code: 'password.same',
          message: 'Choose a password different from the current one',
        },
      ]);
    }
    const problems = passwordProblems(
      dto.newPassword,
      user.email,
      'newPassword',
    );
    if (problems.length) throw new ValidationFailedError(problems);
    const passwordHash = await hashPassword(dto.newPassword);
    await this.dataSource.transaction(async (em) => {
      await em.update(UserEntity, { id: user.id }, { passwordHash });
      await this.audit.record(
        {
          action: 'auth.password_changed',
          result: 'success',
          userId: user.id,
          userEmail: user.email,
          ip: actor.ip,
          objectType: 'user',
          objectId: user.id,
        },
        em,
      );
    });
    await this.sessions.revokeOthers(user.id, actor.sessionId);
    await this.tell(user.id, new Date());
  }

  /**
   * The same for every address, known or not: audit the request and hand it to the queue,
   * whose handler looks the address up. Nothing here depends on whether an account exists.
   */
  async requestReset(
    dto: RequestPasswordResetDto,
    context: RequestContext,
  ): Promise<void> {
    const requestId = randomUUID();
    await this.audit.record({
      action: 'auth.password_reset_requested',
      result: 'success',
      userEmail: dto.email,
      ip: context.ip,
      detail: { requestId },
    });
    await this.jobs
      .enqueue(
        'password-reset-mail',
        { email: dto.email, requestId },
        requestId,
      )
      .catch(() => {
        throw new AppError(
          503,
          'SERVICE_UNAVAILABLE',
          'The request could not be queued right now. Try again in a minute.',
        );
      });
  }

  /**
   * The queue's half of a request: a new link for an existing, enabled account, unless the
   * address already received PASSWORD_RESET_MAILS_PER_HOUR this hour. A new link uses up the
   * older ones. Null when nothing is to be sent.
   */
  async issueReset(
    email: string,
    requestId: string,
  ): Promise<IssuedReset | null> {
    const user = await this.dataSource
      .getRepository(UserEntity)
      .findOneBy({ email });
    if (!user || user.disabledAt) return null;
    const now = new Date();
    const token = randomToken();
    const expiresAt = new Date(now.getTime() + PASSWORD_RESET_VALIDITY_MS);
    // The user's row is locked while counting, so concurrent jobs cannot both pass the limit.
    const issued = await this.dataSource.transaction(async (em) => {
      await forUpdate(
        em,
        em
          .createQueryBuilder(UserEntity, 'u')
          .select('u.id')
          .where('u.id = :id', { id: user.id }),
      ).getOne();
      const recent = await em.countBy(PasswordResetTokenEntity, {
        userId: user.id,
        createdAt: MoreThan(new Date(now.getTime() - 60 * 60 * 1000)),
      });
      if (recent >= PASSWORD_RESET_MAILS_PER_HOUR) return false;
      await em.update(
        PasswordResetTokenEntity,
        { userId: user.id, usedAt: IsNull() },
        { usedAt: now },
      );
      await em.insert(PasswordResetTokenEntity, {
        id: randomUUID(),
        userId: user.id,
        tokenHash: sha256Hex(token),
        createdAt: now,
        expiresAt,
        usedAt: null,
      });
      return true;
    });
    await this.audit.record({
      action: 'auth.password_reset_mailed',
      result: issued ? 'success' : 'failure',
      userId: user.id,
      userEmail: user.email,
      detail: issued ? { requestId } : { requestId, reason: 'rate_limited' },
    });
    if (!issued) return null;
    return { user, token, expiresAt };
  }

  /** Where a reset link points: the token in the fragment, which browsers never send. */
  resetLink(token: string): string {
    return `${this.config.publicUrl}/reset-password#token=${token}`;
  }

  /**
   * Sets the new password with a valid link, once. Every session of the user ends and the
   * address's failed log-ins are forgotten; audited either way.
   */
  async completeReset(
    dto: CompletePasswordResetDto,
    context: RequestContext,
  ): Promise<void> {
    const tokens = this.dataSource.getRepository(PasswordResetTokenEntity);
    const row = await tokens.findOneBy({ tokenHash: sha256Hex(dto.token) });
    const user = row
      ? await this.dataSource
          .getRepository(UserEntity)
          .findOneBy({ id: row.userId })
      : null;
    const usable = row && !row.usedAt && row.expiresAt.getTime() > Date.now();
    if (!row || !usable || !user || user.disabledAt) {
      await this.audit.record({
        action: 'auth.password_reset',
        result: 'failure',
        userId: user?.id ?? null,
        userEmail: user?.email ?? null,
        ip: context.ip,
        detail: { reason: row ? 'used_or_expired' : 'unknown_token' },
      });
      throw new AppError(400, 'PASSWORD_RESET_INVALID', INVALID_LINK);
    }
    const problems = passwordProblems(dto.password, user.email, 'password');
    if (problems.length) throw new ValidationFailedError(problems);
    const passwordHash = await hashPassword(dto.password);
    const now = new Date();
    await this.dataSource.transaction(async (em) => {
      const claimed = await em.update(
        PasswordResetTokenEntity,
        { id: row.id, usedAt: IsNull() },
        { usedAt: now },
      );
      if (!claimed.affected)
        throw new AppError(400, 'PASSWORD_RESET_INVALID', INVALID_LINK);
      await em.update(
        PasswordResetTokenEntity,
        { userId: user.id, usedAt: IsNull() },
        { usedAt: now },
      );
      await em.update(UserEntity, { id: user.id }, { passwordHash });
      await this.audit.record(
        {
          action: 'auth.password_reset',
          result: 'success',
          userId: user.id,
          userEmail: user.email,
          ip: context.ip,
          objectType: 'user',
          objectId: user.id,
        },
        em,
      );
    });
    await this.sessions.revokeAll(user.id);
    await this.throttle.clearAddress(user.email);
    await this.tell(user.id, now);
  }

  /** The "your password was changed" mail; a queue outage does not undo the change. */
  private async tell(userId: string, at: Date): Promise<void> {
    await this.jobs
      .enqueue(
        'account-mail',
        { kind: 'password_changed', userId, at: at.toISOString() },
        `password_changed:${userId}:${at.getTime()}`,
      )
      .catch(() => undefined);
  }
}
