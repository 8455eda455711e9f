import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { CreatedAt, idColumn, TimestampColumn } from './columns';

/**
 * A password-reset link: random, stored only as its SHA-256, valid for 30 minutes and once.
 * A newer link, or a completed reset, uses up the older ones.
 */
@Entity('password_reset_tokens')
@Index('idx_password_reset_user', ['userId', 'createdAt'])
export class PasswordResetTokenEntity {
  @PrimaryColumn(idColumn)
  id!: string;

  @Column({ name: 'user_id', type: 'varchar', length: 36 })
  userId!: string;

  @Index('uq_password_reset_token', { unique: true })
  @Column({ name: 'token_hash', type: 'varchar', length: 64 })
  tokenHash!: string;

  @CreatedAt()
  createdAt!: Date;

  @TimestampColumn({ name: 'expires_at' })
  expiresAt!: Date;

  /** Set when the link was used, or replaced by a newer one. */
  @TimestampColumn({ name: 'used_at', nullable: true })
  usedAt!: Date | null;
}
