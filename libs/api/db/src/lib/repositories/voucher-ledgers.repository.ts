import type { EntityManager } from 'typeorm';
import { rawDate } from '../rows';

/** One booking on a company's yearly voucher ledger, with the reference of the case that made it. */
export interface VoucherLedgerEntryRow {
  readonly applicationId: string;
  readonly reference: string;
  readonly kind: 'reserve' | 'release' | 'redeem';
  /** Signed: what the booking added to the committed total. */
  readonly amountYuan: number;
  readonly bookedAt: Date;
  /** A redemption's booking once its city's settlement paid it. */
  readonly settlementId: string | null;
  readonly paidOn: string | null;
}

export interface VoucherLedgerRead {
  /** What the company has committed in the year; 0 before its first booking. */
  readonly committedYuan: number;
  /** Oldest first; a release and the redemption it makes room for read in that order. */
  readonly entries: readonly VoucherLedgerEntryRow[];
}

interface RawEntry {
  application_id: string;
  reference: string;
  kind: VoucherLedgerEntryRow['kind'];
  amount_yuan: string | number;
  created_at: string | Date;
  settlement_id: string | null;
  paid_on: string | null;
}

/**
 * A company's voucher ledger as the case detail reads it. Written out because the entries join
 * the cases for their references, which the query builder would hydrate as whole entities; the
 * bookings themselves go through VoucherLedgerService's conditional update.
 */
export const VoucherLedgersRepository = {
  /** The company's ledger for one year: the committed total and every booking, with references. */
  async ofCompanyYear(
    em: EntityManager,
    organisationId: string,
    year: number,
  ): Promise<VoucherLedgerRead> {
    const [ledger, entries]: [
      { committed_yuan: string | number }[],
      RawEntry[],
    ] = await Promise.all([
      em.query(
        'SELECT committed_yuan FROM voucher_ledgers WHERE organisation_id = ? AND year = ?',
        [organisationId, year],
      ),
      em.query(
        `SELECT e.application_id, a.reference, e.kind, e.amount_yuan, e.created_at,
                e.settlement_id, e.paid_on
           FROM voucher_ledger_entries e
           JOIN applications a ON a.id = e.application_id
          WHERE e.organisation_id = ? AND e.year = ?
          ORDER BY e.created_at, CASE e.kind WHEN 'reserve' THEN 0 WHEN 'release' THEN 1 ELSE 2 END, e.id`,
        [organisationId, year],
      ),
    ]);
    return {
      committedYuan: Number(ledger[0]?.committed_yuan ?? 0),
      entries: entries.map((e) => ({
        applicationId: e.application_id,
        reference: e.reference,
        kind: e.kind,
        amountYuan: Number(e.amount_yuan),
        bookedAt: rawDate(e.created_at),
        settlementId: e.settlement_id ?? null,
        paidOn: e.paid_on ?? null,
      })),
    };
  },
};
