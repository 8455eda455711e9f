import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import {
  AppConfig,
  AppError,
  hashPassword,
  UnauthorizedError,
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
import { isStaff, permissionsOf } from '@portal/domain';
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
    if (!user || !passwordOk || user.disabledAt) {
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

  async completeSecondFactor(
    actor: Actor,
    code: string,
  ): Promise<LoginResponse> {
    const user = await this.users.findOneByOrFail({ id: actor.userId });
    try {
      this.secondFactor.assertCode(user, code);
    } catch (error) {
      await this.audit.record({
        action: 'auth.second_factor',
        result: 'failure',
        userId: user.id,
        userEmail: user.email,
        ip: actor.ip,
      });
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

  async startEnrolment(actor: Actor): Promise<SecondFactorEnrolment> {
    const user = await this.users.findOneByOrFail({ id: actor.userId });
    if (user.totpEnabledAt && actor.stage !== 'authenticated') {
      throw new AppError(
        403,
        'SECOND_FACTOR_REQUIRED',
        'Enter your current code before setting up a new one.',
      );
    }
    return this.secondFactor.startEnrolment(user);
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

function lockedError(until: Date): AppError {
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
