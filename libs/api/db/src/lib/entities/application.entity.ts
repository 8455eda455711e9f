import type { AutoCheckReport, SupplementItem } from '@portal/contracts';
import type {
  ApplicationDecision,
  ApplicationType,
  Party,
} from '@portal/domain';
import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { CreatedAt, idColumn, TimestampColumn, UpdatedAt } from './columns';
import { JsonColumn } from './json-column';

/**
 * One application. `holder` and the company's province/city/county codes are columns so that
 * every inbox is an equality on an index whose order matches the inbox's sort (LIMITS.md).
 * `version` is the optimistic lock every write checks; `chainHead` is the hash of the last event.
 */
@Entity('applications')
@Index('idx_app_county_inbox', ['holder', 'countyCode', 'stateEnteredAt', 'id'])
@Index('idx_app_city_inbox', ['holder', 'cityCode', 'stateEnteredAt', 'id'])
@Index('idx_app_province_inbox', [
  'holder',
  'provinceCode',
  'stateEnteredAt',
  'id',
])
@Index('idx_app_bank_inbox', ['holder', 'bankId', 'stateEnteredAt', 'id'])
@Index('idx_app_provider_inbox', [
  'holder',
  'providerId',
  'stateEnteredAt',
  'id',
])
@Index('idx_app_company', ['organisationId', 'createdAt', 'id'])
@Index('idx_app_call_state', ['callId', 'state'])
export class ApplicationEntity {
  @PrimaryColumn(idColumn)
  id!: string;

  @Index('uq_app_reference', { unique: true })
  @Column({ type: 'varchar', length: 32 })
  reference!: string;

  @Column({ type: 'varchar', length: 24 })
  type!: ApplicationType;

  /** The workflow definition version the case started on; it keeps it to the end. */
  @Column({ name: 'workflow_version', type: 'int' })
  workflowVersion!: number;

  @Column({ name: 'organisation_id', type: 'varchar', length: 36 })
  organisationId!: string;

  @Column({ name: 'call_id', type: 'varchar', length: 36 })
  callId!: string;

  @Column({ name: 'province_code', type: 'varchar', length: 6 })
  provinceCode!: string;

  @Column({ name: 'city_code', type: 'varchar', length: 6 })
  cityCode!: string;

  @Column({ name: 'county_code', type: 'varchar', length: 6 })
  countyCode!: string;

  @Column({ type: 'varchar', length: 40 })
  state!: string;

  /** Whose move it is; null once the case has ended. */
  @Column({ type: 'varchar', length: 12, nullable: true })
  holder!: Party | null;

  @TimestampColumn({ name: 'state_entered_at' })
  stateEnteredAt!: Date;

  /** The end of the holder's time limit in working days; null when the state has none. */
  @TimestampColumn({ name: 'due_at', nullable: true })
  dueAt!: Date | null;

  /**
   * A review stage's clock, paused while the case waits on the enterprise: the stage and the
   * working days it had left, given back when the case returns to that stage.
   */
  @Column({ name: 'paused_state', type: 'varchar', length: 40, nullable: true })
  pausedState!: string | null;

  @Column({ name: 'paused_days_left', type: 'int', nullable: true })
  pausedDaysLeft!: number | null;

  @Column({ type: 'int' })
  version!: number;

  /** Events recorded so far; the next event's seq is this + 1. */
  @Column({ name: 'event_count', type: 'int' })
  eventCount!: number;

  @Column({ name: 'chain_head', type: 'varchar', length: 64 })
  chainHead!: string;

  @JsonColumn()
  form!: Record<string, unknown>;

  @JsonColumn({ name: 'auto_check', nullable: true })
  autoCheck!: AutoCheckReport | null;

  @JsonColumn({ name: 'supplement_items', nullable: true })
  supplementItems!: SupplementItem[] | null;

  /** What decisions recorded: voucher amount and validity, loan terms, certificate. */
  @JsonColumn()
  decision!: ApplicationDecision;

  /** Loans: the cooperating bank the enterprise chose. */
  @Column({ name: 'bank_id', type: 'varchar', length: 36, nullable: true })
  bankId!: string | null;

  /** Vouchers: the provider of the recorded service contract. */
  @Column({ name: 'provider_id', type: 'varchar', length: 36, nullable: true })
  providerId!: string | null;

  @TimestampColumn({ name: 'submitted_at', nullable: true })
  submittedAt!: Date | null;

  @Column({ name: 'created_by', type: 'varchar', length: 36 })
  createdBy!: string;

  @CreatedAt()
  createdAt!: Date;

  @UpdatedAt()
  updatedAt!: Date;
}
