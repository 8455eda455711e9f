import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import {
  AppConfig,
  AppError,
  hashPassword,
  UnauthorizedError,
  ValidationFailedError,
  verifyPassword,
} from '@portal/api-core';
import {
  AuditService,
  SessionService,
  type Actor,
  type RequestContext,
} from '@portal/api-access';
import { UserEntity, type SessionStage } from '@portal/api-db';
import type {
  LoginResponse,
  Me,
  MembershipView,
  SecondFactorEnrolment,
} from '@portal/contracts';
import {
  isStaff,
  permissionsOf,
  SECOND_FACTOR_MAX_FAILURES,
} from '@portal/domain';
import type { Repository } from 'typeorm';
import type { LoginDto } from '../dto/identity.dto';
import { LoginThrottleService } from './login-throttle.service';
import { SecondFactorService } from './second-factor.service';

/** The answer for a wrong password, an unknown address and a disabled account alike. */
const INVALID = 'The e-mail address or password is wrong.';

export interface LoginOutcome {
  readonly response: LoginResponse;
  readonly sessionToken: string;
}

@Injectable()
export class AuthService {
  /** Verified against for unknown addresses so that both answers take the same time. */
  private dummyHash: Promise<string> | null = null;

  constructor(
    private readonly config: AppConfig,
    private readonly sessions: SessionService,
    private readonly throttle: LoginThrottleService,
    private readonly secondFactor: SecondFactorService,
    private readonly audit: AuditService,
    @InjectRepository(UserEntity)
    private readonly users: Repository<UserEntity>,
  ) {}

  async login(dto: LoginDto, context: RequestContext): Promise<LoginOutcome> {
    const lockedUntil = await this.throttle.lockedUntil(dto.email, context.ip);
    if (lockedUntil) {
      await this.audit.record({
        action: 'auth.login',
        result: 'failure',
        userEmail: dto.email,
        ip: context.ip,
        detail: { reason: 'locked' },
      });
      throw lockedError(lockedUntil);
    }
    const user = await this.users.findOneBy({ email: dto.email });
    const passwordOk = user
      ? await verifyPassword(user.passwordHash, dto.password)
      : await verifyPassword(await this.dummy(), dto.password);
    if (user && passwordOk && user.disabledAt) {
      // Said only to someone who knows the password: it reveals nothing to a guesser.
      await this.audit.record({
        action: 'auth.login',
        result: 'failure',
        userId: user.id,
        userEmail: dto.email,
        ip: context.ip,
        detail: { reason: 'disabled' },
      });
      throw new AppError(
        403,
        'ACCOUNT_DISABLED',
        'This account has been deactivated. Ask your bureau administrator to reactivate it.',
      );
    }
    if (!user || !passwordOk) {
      const nowLocked = await this.throttle.recordFailure(
        dto.email,
        context.ip,
      );
      await this.audit.record({
        action: 'auth.login',
        result: 'failure',
        userId: user?.id ?? null,
        userEmail: dto.email,
        ip: context.ip,
        detail: {
          reason: user ? 'password' : 'unknown_user',
          locked: nowLocked !== null,
        },
      });
      if (nowLocked) throw lockedError(nowLocked);
      throw new UnauthorizedError('INVALID_CREDENTIALS', INVALID);
    }
    await this.throttle.clearClient(dto.email, context.ip);
    return this.startSession(user, context, 'auth.login');
  }

  /** Opens the right kind of session for a user whose password (or invitation) checked out. */
  async startSession(
    user: UserEntity,
    context: RequestContext,
    action: string,
  ): Promise<LoginOutcome> {
    const memberships = await this.sessions.membershipsOf(user.id);
    const stage: SessionStage = user.totpEnabledAt
      ? 'second_factor'
      : this.config.requireStaffSecondFactor && isStaff(memberships)
        ? 'enrolment'
        : 'authenticated';
    const sessionToken = await this.sessions.open(user.id, stage, context);
    await this.audit.record({
      action,
      result: 'success',
      userId: user.id,
      userEmail: user.email,
      ip: context.ip,
      detail: { stage },
    });
    const me = meView(user, memberships);
    const response: LoginResponse =
      stage === 'second_factor'
        ? { status: 'second_factor_required' }
        : stage === 'enrolment'
          ? { status: 'second_factor_enrolment_required', me }
          : { status: 'authenticated', me };
    return { response, sessionToken };
  }

  /**
   * The second step of a log-in. Wrong codes count per account (5 in a row end every
   * half-logged-in session: the password must be entered again) and, like wrong passwords,
   * toward the hold on this client and the address's ceiling.
   */
  async completeSecondFactor(
    actor: Actor,
    code: string,
  ): Promise<LoginResponse> {
    const user = await this.users.findOneByOrFail({ id: actor.userId });
    const lockedUntil = await this.throttle.lockedUntil(user.email, actor.ip);
    if (lockedUntil) {
      await this.audit.record({
        action: 'auth.second_factor',
        result: 'failure',
        userId: user.id,
        userEmail: user.email,
        ip: actor.ip,
        detail: { reason: 'locked' },
      });
      throw lockedError(lockedUntil);
    }
    try {
      await this.secondFactor.acceptCode(user, code);
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      const failures = await this.secondFactor.recordWrongCode(user.id);
      const nowLocked = await this.throttle.recordFailure(user.email, actor.ip);
      const ended = failures >= SECOND_FACTOR_MAX_FAILURES;
      if (ended) {
        await this.sessions.revokePendingSecondFactor(user.id);
        await this.secondFactor.resetWrongCodes(user.id);
      }
      await this.audit.record({
        action: 'auth.second_factor',
        result: 'failure',
        userId: user.id,
        userEmail: user.email,
        ip: actor.ip,
        detail: {
          reason: error.code === 'SECOND_FACTOR_USED' ? 'reused' : 'wrong',
          failures,
          sessionsEnded: ended,
          locked: nowLocked !== null,
        },
      });
      if (nowLocked) throw lockedError(nowLocked);
      if (ended) {
        throw new UnauthorizedError(
          'SECOND_FACTOR_ATTEMPTS_EXCEEDED',
          'Too many wrong codes: log in again with your password.',
        );
      }
      throw error;
    }
    await this.sessions.setStage(actor.sessionId, 'authenticated');
    await this.audit.record({
      action: 'auth.second_factor',
      result: 'success',
      userId: user.id,
      userEmail: user.email,
      ip: actor.ip,
    });
    return { status: 'authenticated', me: meView(user, actor.memberships) };
  }

  /**
   * A new secret to scan. With a factor already active this needs its current code or the
   * password, and the active factor stays enforced until the new one is confirmed.
   */
  async startEnrolment(
    actor: Actor,
    proof: { currentCode?: string; password?: string },
  ): Promise<SecondFactorEnrolment> {
    const user = await this.users.findOneByOrFail({ id: actor.userId });
    if (user.totpEnabledAt) {
      if (actor.stage !== 'authenticated') {
        throw new AppError(
          403,
          'SECOND_FACTOR_REQUIRED',
          'Enter your current code before setting up a new one.',
        );
      }
      await this.assertReauthenticated(actor, user, proof);
    }
    const enrolment = await this.secondFactor.startEnrolment(user);
    await this.audit.record({
      action: 'auth.second_factor_enrolment_started',
      result: 'success',
      userId: user.id,
      userEmail: user.email,
      ip: actor.ip,
      objectType: 'user',
      objectId: user.id,
      detail: { replacing: user.totpEnabledAt !== null },
    });
    return enrolment;
  }

  async confirmEnrolment(actor: Actor, code: string): Promise<void> {
    const user = await this.users.findOneByOrFail({ id: actor.userId });
    await this.secondFactor.confirmEnrolment(user, code);
    if (actor.stage === 'enrolment')
      await this.sessions.setStage(actor.sessionId, 'authenticated');
    await this.sessions.revokeOthers(user.id, actor.sessionId);
    await this.audit.record({
      action: 'auth.second_factor_enrolled',
      result: 'success',
      userId: user.id,
      userEmail: user.email,
      ip: actor.ip,
      objectType: 'user',
      objectId: user.id,
    });
  }

  /**
   * A logged-in user proves again who they are, with the current second-factor code or the
   * password; a wrong proof counts like a wrong password. 400 with the field to correct.
   */
  private async assertReauthenticated(
    actor: Actor,
    user: UserEntity,
    proof: { currentCode?: string; password?: string },
  ): Promise<void> {
    const field = proof.currentCode ? 'currentCode' : 'password';
    if (!proof.currentCode && !proof.password) {
      throw new ValidationFailedError([
        {
          field: 'currentCode',
          code: 'reauth.required',
          message:
            'Enter the code your authenticator app shows now, or your password',
        },
      ]);
    }
    const lockedUntil = await this.throttle.lockedUntil(user.email, actor.ip);
    if (lockedUntil) throw lockedError(lockedUntil);
    let ok: boolean;
    if (proof.currentCode) {
      ok = await this.secondFactor
        .acceptCode(user, proof.currentCode)
        .then(() => true)
        .catch((error: unknown) => {
          if (error instanceof AppError) return false;
          throw error;
        });
    } else {
      ok = await verifyPassword(user.passwordHash, proof.password as string);
    }
    if (ok) return;
    const nowLocked = await this.throttle.recordFailure(user.email, actor.ip);
    await this.audit.record({
      action: 'auth.reauthentication',
      result: 'failure',
      userId: user.id,
      userEmail: user.email,
      ip: actor.ip,
      detail: { with: field, locked: nowLocked !== null },
    });
    if (nowLocked) throw lockedError(nowLocked);
    throw new ValidationFailedError([
      field === 'currentCode'
        ? {
            field,
            code: 'code.wrong',
            message: 'The code is wrong, expired or already used',
          }
        : {
            field,
            code: 'password.wrong',
            message: 'The password is not correct',
          },
    ]);
  }

  async logout(actor: Actor): Promise<void> {
    await this.sessions.revoke(actor.sessionId);
    await this.audit.record({
      action: 'auth.logout',
      result: 'success',
      userId: actor.userId,
      userEmail: actor.email,
      ip: actor.ip,
    });
  }

  /** The memberships come with the actor (read with the session); the user row adds the rest. */
  async me(actor: Actor): Promise<Me> {
    const user = await this.users.findOneByOrFail({ id: actor.userId });
    return meView(user, actor.memberships);
  }

  private dummy(): Promise<string> {
    this.dummyHash ??= hashPassword('not-a-real-password-' + Math.random());
    return this.dummyHash;
  }
}

export function lockedError(until: Date): AppError {
  return new AppError(
    423,
    'ACCOUNT_LOCKED',
    `Too many failed attempts. Log-in is locked until ${until.toISOString()}; try again then or contact your administrator.`,
  );
}

function meView(user: UserEntity, memberships: readonly MembershipView[]): Me {
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    language: user.language,
    secondFactorEnabled: user.totpEnabledAt !== null,
    memberships: [...memberships],
    permissions: permissionsOf(memberships),
  };
}
