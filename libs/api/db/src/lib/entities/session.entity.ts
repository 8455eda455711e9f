import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { CreatedAt, TimestampColumn } from './columns';

/**
 * `authenticated`: full access. `second_factor`: password accepted, TOTP code outstanding.
 * `enrolment`: staff without a second factor while REQUIRE_STAFF_2FA is on; may only enrol.
 */
export type SessionStage = 'authenticated' | 'second_factor' | 'enrolment';

/** A server-side session. The id is the SHA-256 of the cookie's token, never the token. */
@Entity('sessions')
@Index('idx_sessions_user', ['userId', 'revokedAt'])
export class SessionEntity {
  @PrimaryColumn({ type: 'varchar', length: 64 })
  id!: string;

  @Column({ name: 'user_id', type: 'varchar', length: 36 })
  userId!: string;

  @Column({ type: 'varchar', length: 16 })
  stage!: SessionStage;

  @CreatedAt()
  createdAt!: Date;

  /** Idle timeout counts from here. */
  @TimestampColumn({ name: 'last_seen_at' })
  lastSeenAt!: Date;

  /** Absolute end, whatever the activity. */
  @TimestampColumn({ name: 'expires_at' })
  expiresAt!: Date;

  @TimestampColumn({ name: 'revoked_at', nullable: true })
  revokedAt!: Date | null;

  @Column({ type: 'varchar', length: 45, nullable: true })
  ip!: string | null;

  @Column({ name: 'user_agent', type: 'varchar', length: 255, nullable: true })
  userAgent!: string | null;
}
