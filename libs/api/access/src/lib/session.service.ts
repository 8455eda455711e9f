import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { randomToken, sha256Hex, UnauthorizedError } from '@portal/api-core';
import {
  MembershipEntity,
  MembershipsRepository,
  rawDate,
  SessionEntity,
  SessionsRepository,
  type MembershipRow,
  type SessionActorRow,
  type SessionStage,
} from '@portal/api-db';
import type { MembershipView } from '@portal/contracts';
import {
  SESSION_ABSOLUTE_TIMEOUT_MS,
  SESSION_IDLE_TIMEOUT_MS,
} from '@portal/domain';
import { IsNull, type EntityManager, type Repository } from 'typeorm';
import type { Actor, RequestContext } from './actor';

/** Refreshing last_seen_at on every request would write on every read; once a minute is enough. */
const TOUCH_INTERVAL_MS = 60 * 1000;

@Injectable()
export class SessionService {
  constructor(
    @InjectRepository(SessionEntity)
    private readonly sessions: Repository<SessionEntity>,
    @InjectRepository(MembershipEntity)
    private readonly memberships: Repository<MembershipEntity>,
  ) {}

  /** Starts a session and returns the token for the cookie; only its hash is stored. */
  async open(
    userId: string,
    stage: SessionStage,
    context: RequestContext,
    manager?: EntityManager,
  ): Promise<string> {
    const token = randomToken();
    const now = new Date();
    const row: Partial<SessionEntity> = {
      id: sha256Hex(token),
      userId,
      stage,
      lastSeenAt: now,
      expiresAt: new Date(now.getTime() + SESSION_ABSOLUTE_TIMEOUT_MS),
      revokedAt: null,
      ip: context.ip,
      userAgent: context.userAgent,
    };
    await (manager ?? this.sessions.manager).insert(SessionEntity, row);
    return token;
  }

  async setStage(sessionId: string, stage: SessionStage): Promise<void> {
    await this.sessions.update({ id: sessionId }, { stage });
  }

  async revoke(sessionId: string): Promise<void> {
    await this.sessions.update(
      { id: sessionId, revokedAt: IsNull() },
      { revokedAt: new Date() },
    );
  }

  /** Ends every other session of the user (after a password or second-factor change). */
  async revokeOthers(userId: string, keepSessionId: string): Promise<void> {
    await this.sessions
      .createQueryBuilder()
      .update()
      .set({ revokedAt: new Date() })
      .where('user_id = :userId AND id <> :keep AND revoked_at IS NULL', {
        userId,
        keep: keepSessionId,
      })
      .execute();
  }

  /** Ends every session of the user (after a password reset). */
  async revokeAll(userId: string): Promise<void> {
    await this.sessions.update(
      { userId, revokedAt: IsNull() },
      { revokedAt: new Date() },
    );
  }

  /** Ends the user's half-logged-in sessions, those still waiting for a second-factor code. */
  async revokePendingSecondFactor(userId: string): Promise<void> {
    await this.sessions.update(
      { userId, stage: 'second_factor', revokedAt: IsNull() },
      { revokedAt: new Date() },
    );
  }

  /**
   * The actor behind a cookie token, or an UnauthorizedError saying why not. One statement:
   * the session with its user, memberships and their organisations (every request pays it).
   */
  async resolve(token: string | undefined, ip: string | null): Promise<Actor> {
    if (!token) throw new UnauthorizedError('AUTH_REQUIRED', 'Please log in.');
    const rows = await SessionsRepository.actorRows(
      this.sessions.manager,
      sha256Hex(token),
    );
    const user = rows[0];
    if (!user || user.s_revoked_at !== null) {
      throw new UnauthorizedError('AUTH_REQUIRED', 'Please log in.');
    }
    const session = {
      id: user.s_id,
      userId: user.s_user_id,
      stage: user.s_stage,
      lastSeenAt: rawDate(user.s_last_seen_at),
      expiresAt: rawDate(user.s_expires_at),
    };
    const now = Date.now();
    if (
      session.expiresAt.getTime() <= now ||
      session.lastSeenAt.getTime() + SESSION_IDLE_TIMEOUT_MS <= now
    ) {
      await this.revoke(session.id);
      throw new UnauthorizedError(
        'SESSION_EXPIRED',
        'Your session has expired. Please log in again.',
      );
    }
    if (user.user_disabled_at !== null) {
      await this.revoke(session.id);
      throw new UnauthorizedError('AUTH_REQUIRED', 'Please log in.');
    }
    if (now - session.lastSeenAt.getTime() >= TOUCH_INTERVAL_MS) {
      await this.sessions.update(
        { id: session.id },
        { lastSeenAt: new Date(now) },
      );
    }
    return {
      userId: session.userId,
      email: user.user_email,
      name: user.user_name,
      sessionId: session.id,
      stage: session.stage,
      memberships: rows
        .filter((r): r is SessionActorRow & MembershipRow => r.o_id !== null)
        .map(membershipView),
      ip,
    };
  }

  async membershipsOf(userId: string): Promise<MembershipView[]> {
    const rows = await MembershipsRepository.ofUser(
      this.memberships.manager,
      userId,
    );
    return rows.map(membershipView);
  }
}

function membershipView(r: MembershipRow): MembershipView {
  return {
    role: r.m_role as MembershipView['role'],
    organisationId: r.o_id,
    organisationName: r.o_name,
    organisationKind: r.o_kind as MembershipView['organisationKind'],
    level: r.o_level as MembershipView['level'],
    regionCode: r.o_region_code,
  };
}
