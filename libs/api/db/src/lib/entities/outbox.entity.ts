import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { CreatedAt, idColumn, TimestampColumn } from './columns';
import { JsonColumn } from './json-column';

/**
 * Work that must follow a committed transition (automated checks, timers, notices), written in
 * the transition's transaction and handed to Bull after commit; the sweeper hands over any row
 * left behind. The Bull job id is the row id, so a row handed over twice runs once.
 */
@Entity('outbox')
@Index('idx_outbox_pending', ['dispatchedAt', 'createdAt'])
@Index('idx_outbox_unfinished', ['completedAt', 'dispatchedAt'])
export class OutboxEntity {
  @PrimaryColumn(idColumn)
  id!: string;

  @Column({ name: 'application_id', type: 'varchar', length: 36 })
  applicationId!: string;

  @Column({ name: 'event_id', type: 'varchar', length: 36 })
  eventId!: string;

  @Column({ type: 'varchar', length: 40 })
  queue!: string;

  @Column({ name: 'job_name', type: 'varchar', length: 60 })
  jobName!: string;

  @JsonColumn()
  payload!: Record<string, unknown>;

  /** When the job should run (timers run later); delay is computed when handed over. */
  @TimestampColumn({ name: 'run_at' })
  runAt!: Date;

  @CreatedAt()
  createdAt!: Date;

  @TimestampColumn({ name: 'dispatched_at', nullable: true })
  dispatchedAt!: Date | null;

  /**
   * When a worker finished the job. A row handed over long ago and still not done whose job
   * Redis no longer holds (a restart without persistence) is handed over again.
   */
  @TimestampColumn({ name: 'completed_at', nullable: true })
  completedAt!: Date | null;
}
