import type { Language } from '@portal/contracts';
import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { CreatedAt, idColumn, TimestampColumn, UpdatedAt } from './columns';
import { personalDataColumn } from './personal-data-column';

@Entity('users')
export class UserEntity {
  @PrimaryColumn(idColumn)
  id!: string;

  /** Stored lower-case; the login name. */
  @Index('uq_users_email', { unique: true })
  @Column({ type: 'varchar', length: 254 })
  email!: string;

  @Column({ type: 'varchar', length: 100 })
  name!: string;

  /** Sealed at rest (SM4). */
  @Column(personalDataColumn('phone'))
  phone!: string | null;

  /** argon2id */
  @Column({ name: 'password_hash', type: 'varchar', length: 255 })
  passwordHash!: string;

  @Column({ type: 'varchar', length: 5, default: 'zh-CN' })
  language!: Language;

  /** TOTP secret, encrypted with a key derived from SESSION_SECRET. */
  @Column({ name: 'totp_secret', type: 'varchar', length: 255, nullable: true })
  totpSecret!: string | null;

  /** Set once the user confirmed a code: only then is the second factor enforced. */
  @TimestampColumn({ name: 'totp_enabled_at', nullable: true })
  totpEnabledAt!: Date | null;

  /**
   * A new TOTP secret being set up, sealed like `totpSecret`. The active one keeps working
   * until a code from this one confirms it.
   */
  @Column({
    name: 'totp_pending_secret',
    type: 'varchar',
    length: 255,
    nullable: true,
  })
  totpPendingSecret!: string | null;

  /** The 30-second time step of the last code accepted: a code is never accepted twice. */
  @Column({ name: 'totp_last_step', type: 'int', nullable: true })
  totpLastStep!: number | null;

  /** Wrong codes since the last right one; at 5 the half-logged-in sessions end. */
  @Column({ name: 'totp_failures', type: 'int', default: 0 })
  totpFailures!: number;

  @TimestampColumn({ name: 'disabled_at', nullable: true })
  disabledAt!: Date | null;

  @CreatedAt()
  createdAt!: Date;

  @UpdatedAt()
  updatedAt!: Date;
}
