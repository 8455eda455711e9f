import type { AuditResult } from '@portal/contracts';
import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { TimestampColumn } from './columns';

/** Append-only: the migrations add database triggers that refuse UPDATE and DELETE. */
@Entity('audit_log')
@Index('idx_audit_action', ['action', 'id'])
@Index('idx_audit_user', ['userId', 'id'])
export class AuditLogEntity {
  // int, not bigint: SQLite only auto-increments an INTEGER key, and 2^31 rows is decades here.
  @PrimaryGeneratedColumn()
  id!: number;

  @TimestampColumn()
  at!: Date;

  @Column({ name: 'user_id', type: 'varchar', length: 36, nullable: true })
  userId!: string | null;

  /** Kept as given, also for failed logins of unknown addresses. */
  @Column({ name: 'user_email', type: 'varchar', length: 254, nullable: true })
  userEmail!: string | null;

  @Column({ type: 'varchar', length: 45, nullable: true })
  ip!: string | null;

  @Column({ type: 'varchar', length: 64 })
  action!: string;

  @Column({ name: 'object_type', type: 'varchar', length: 32, nullable: true })
  objectType!: string | null;

  @Column({ name: 'object_id', type: 'varchar', length: 64, nullable: true })
  objectId!: string | null;

  @Column({ type: 'varchar', length: 10 })
  result!: AuditResult;

  @Column({ type: 'text', nullable: true })
  detail!: string | null;
}
