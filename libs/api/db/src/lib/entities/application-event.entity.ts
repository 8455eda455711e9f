import type { Party, Role } from '@portal/domain';
import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { idColumn, TimestampColumn } from './columns';
import { JsonColumn } from './json-column';

/**
 * One step of an application's history. Append-only (database triggers refuse UPDATE and
 * DELETE); `hash` is SM3 over the row's content and `prevHash`, one chain per application.
 */
@Entity('application_events')
@Index('uq_event_seq', ['applicationId', 'seq'], { unique: true })
@Index('idx_event_actor', ['actorUserId', 'createdAt', 'id'])
export class ApplicationEventEntity {
  @PrimaryColumn(idColumn)
  id!: string;

  @Column({ name: 'application_id', type: 'varchar', length: 36 })
  applicationId!: string;

  @Column({ type: 'int' })
  seq!: number;

  @Column({ type: 'varchar', length: 40 })
  action!: string;

  @Column({ name: 'from_state', type: 'varchar', length: 40, nullable: true })
  fromState!: string | null;

  @Column({ name: 'to_state', type: 'varchar', length: 40 })
  toState!: string;

  /** Null for the system (queue handlers). */
  @Column({
    name: 'actor_user_id',
    type: 'varchar',
    length: 36,
    nullable: true,
  })
  actorUserId!: string | null;

  @Column({ name: 'actor_name', type: 'varchar', length: 100, nullable: true })
  actorName!: string | null;

  @Column({ name: 'actor_role', type: 'varchar', length: 20, nullable: true })
  actorRole!: Role | null;

  @Column({ type: 'varchar', length: 12 })
  party!: Party;

  @Column({ type: 'text', nullable: true })
  comment!: string | null;

  @JsonColumn()
  payload!: Record<string, unknown>;

  @Column({ name: 'client_ip', type: 'varchar', length: 45, nullable: true })
  clientIp!: string | null;

  @TimestampColumn({ name: 'created_at' })
  createdAt!: Date;

  @Column({ name: 'prev_hash', type: 'varchar', length: 64 })
  prevHash!: string;

  @Column({ type: 'varchar', length: 64 })
  hash!: string;
}
