import type { Language } from '@portal/contracts';
import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { CreatedAt, idColumn, TimestampColumn, UpdatedAt } from './columns';

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

  @Column({ type: 'varchar', length: 20, nullable: true })
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

  @TimestampColumn({ name: 'disabled_at', nullable: true })
  disabledAt!: Date | null;

  @CreatedAt()
  createdAt!: Date;

  @UpdatedAt()
  updatedAt!: Date;
}
