import type { VoucherPayeeKind } from '@portal/domain';
import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { CreatedAt, idColumn } from './columns';
import { yuan } from './json-column';

/**
 * A city's monthly settlement of approved voucher redemptions: one payment run, on a date,
 * with the bank's reference. One per city and month, so a month is never paid twice.
 */
@Entity('voucher_settlements')
@Index('uq_voucher_settlement_month', ['cityCode', 'month'], { unique: true })
export class VoucherSettlementEntity {
  @PrimaryColumn(idColumn)
  id!: string;

  @Column({ name: 'city_code', type: 'varchar', length: 6 })
  cityCode!: string;

  /** YYYY-MM, China time: the month whose approved redemptions it pays. */
  @Column({ type: 'varchar', length: 7 })
  month!: string;

  /** ISO date the money was paid. */
  @Column({ name: 'paid_on', type: 'varchar', length: 10 })
  paidOn!: string;

  /** The bank transfer's number (or the treasury's payment reference). */
  @Column({ name: 'payment_reference', type: 'varchar', length: 64 })
  paymentReference!: string;

  @Column({ name: 'total_yuan', type: 'bigint', transformer: yuan })
  totalYuan!: number;

  @Column({ name: 'case_count', type: 'int' })
  caseCount!: number;

  /** The reviewer who recorded it. */
  @Column({ name: 'created_by', type: 'varchar', length: 36 })
  createdBy!: string;

  @CreatedAt()
  createdAt!: Date;
}

/** One case a settlement paid: to whom and how much. A case is settled once (its id is the key). */
@Entity('voucher_settlement_items')
@Index('idx_voucher_settlement_item_batch', ['settlementId'])
export class VoucherSettlementItemEntity {
  @PrimaryColumn({ name: 'application_id', type: 'varchar', length: 36 })
  applicationId!: string;

  @Column({ name: 'settlement_id', type: 'varchar', length: 36 })
  settlementId!: string;

  @Column({ name: 'payee_kind', type: 'varchar', length: 12 })
  payeeKind!: VoucherPayeeKind;

  @Column({ name: 'payee_organisation_id', type: 'varchar', length: 36 })
  payeeOrganisationId!: string;

  /** The payee's name as it was paid, whatever it is called later. */
  @Column({ name: 'payee_name', type: 'varchar', length: 200 })
  payeeName!: string;

  @Column({ name: 'amount_yuan', type: 'bigint', transformer: yuan })
  amountYuan!: number;
}
