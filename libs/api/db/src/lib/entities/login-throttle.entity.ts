import { Column, Entity, PrimaryColumn } from 'typeorm';
import { TimestampColumn } from './columns';

/**
 * Failed logins per e-mail address — known or not, so the answers never tell whether an
 * account exists — and client (IP), plus one row per address for all clients (`client` '*').
 */
@Entity('login_throttle')
export class LoginThrottleEntity {
  @PrimaryColumn({ type: 'varchar', length: 254 })
  email!: string;

  /** The client's IP as the request was attributed to it (TRUST_PROXY), or '*'. */
  @PrimaryColumn({ type: 'varchar', length: 45 })
  client!: string;

  @Column({ type: 'int', default: 0 })
  failures!: number;

  @TimestampColumn({ name: 'last_failure_at' })
  lastFailureAt!: Date;

  @TimestampColumn({ name: 'locked_until', nullable: true })
  lockedUntil!: Date | null;
}
