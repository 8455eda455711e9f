import type { CallQuota } from '@portal/contracts';
import type { ApplicationType } from '@portal/domain';
import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { CreatedAt, idColumn, TimestampColumn } from './columns';
import { JsonColumn } from './json-column';

/** A call for applications (申报批次): one type, a window, a region scope and quotas. */
@Entity('calls')
@Index('idx_call_type_window', ['type', 'closesAt'])
export class CallEntity {
  @PrimaryColumn(idColumn)
  id!: string;

  @Column({ type: 'varchar', length: 24 })
  type!: ApplicationType;

  @Column({ type: 'varchar', length: 200 })
  title!: string;

  /** Companies inside this region may apply. */
  @Column({ name: 'region_code', type: 'varchar', length: 6 })
  regionCode!: string;

  @TimestampColumn({ name: 'opens_at' })
  opensAt!: Date;

  @TimestampColumn({ name: 'closes_at' })
  closesAt!: Date;

  @JsonColumn()
  quotas!: CallQuota[];

  /** The bureau that opened it. */
  @Column({ name: 'bureau_id', type: 'varchar', length: 36 })
  bureauId!: string;

  @Column({ name: 'created_by', type: 'varchar', length: 36 })
  createdBy!: string;

  /** When the enterprises with drafts were reminded (3 working days before closing). */
  @TimestampColumn({ name: 'drafts_reminded_at', nullable: true })
  draftsRemindedAt?: Date | null;

  /** When the closing of the call was handled (its counts recorded). */
  @TimestampColumn({ name: 'closed_handled_at', nullable: true })
  closedHandledAt?: Date | null;

  @CreatedAt()
  createdAt!: Date;
}
