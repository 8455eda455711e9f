import { Column, Entity, PrimaryColumn } from 'typeorm';
import { TimestampColumn } from './columns';

/**
 * Failed logins per e-mail address, known or not: unknown addresses lock exactly like real
 * ones, so the answers never tell whether an account exists.
 */
@Entity('login_throttle')
export class LoginThrottleEntity {
  @PrimaryColumn({ type: 'varchar', length: 254 })
  email!: string;

  @Column({ type: 'int', default: 0 })
  failures!: number;

  @TimestampColumn({ name: 'last_failure_at' })
  lastFailureAt!: Date;

  @TimestampColumn({ name: 'locked_until', nullable: true })
  lockedUntil!: Date | null;
}
