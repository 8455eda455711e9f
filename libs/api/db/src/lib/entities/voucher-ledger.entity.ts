import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { CreatedAt, idColumn } from './columns';
import { yuan } from './json-column';

/**
 * A company's voucher use in one year. Every booking is one conditional UPDATE
 * (`committed + amount <= cap`), so two bookings at once can never both pass the cap.
 */
@Entity('voucher_ledgers')
export class VoucherLedgerEntity {
  @PrimaryColumn({ name: 'organisation_id', type: 'varchar', length: 36 })
  organisationId!: string;

  @PrimaryColumn({ type: 'int' })
  year!: number;

  @Column({ name: 'committed_yuan', type: 'bigint', transformer: yuan })
  committedYuan!: number;
}

/**
 * Each booking on a ledger: a reservation at issue, its release on expiry or redemption, the
 * redemption's spend, marked paid by its city's settlement.
 */
@Entity('voucher_ledger_entries')
@Index('idx_voucher_entry_company', ['organisationId', 'year'])
export class VoucherLedgerEntryEntity {
  @PrimaryColumn(idColumn)
  id!: string;

  @Column({ name: 'organisation_id', type: 'varchar', length: 36 })
  organisationId!: string;

  @Column({ type: 'int' })
  year!: number;

  @Column({ name: 'application_id', type: 'varchar', length: 36 })
  applicationId!: string;

  @Column({ type: 'varchar', length: 12 })
  kind!: 'reserve' | 'release' | 'redeem';

  /** Signed: what this booking adds to the committed total. */
  @Column({ name: 'amount_yuan', type: 'bigint', transformer: yuan })
  amountYuan!: number;

  /** A redemption's booking, once paid: the settlement that paid it. */
  @Column({
    name: 'settlement_id',
    type: 'varchar',
    length: 36,
    nullable: true,
  })
  settlementId?: string | null;

  /** ISO date the settlement paid it. */
  @Column({ name: 'paid_on', type: 'varchar', length: 10, nullable: true })
  paidOn?: string | null;

  @CreatedAt()
  createdAt!: Date;
}
