import type { VoucherPayeeKind } from '@portal/domain';
import type { EntityManager } from 'typeorm';
import { ApplicationEntity } from '../entities/application.entity';
import { hydrateRow, rawDate, toColumn } from '../rows';

/** A case waiting for its city's settlement, with its company's and provider's names. */
export interface AwaitingSettlementRow {
  readonly application: ApplicationEntity;
  readonly companyName: string;
  readonly providerName: string | null;
}

/** One case a settlement paid, with the case's reference and company. */
export interface SettlementItemRow {
  readonly settlementId: string;
  readonly applicationId: string;
  readonly reference: string;
  readonly companyName: string;
  readonly payeeKind: VoucherPayeeKind;
  readonly payeeName: string;
  readonly amountYuan: number;
}

export interface SettlementRow {
  readonly id: string;
  readonly cityCode: string;
  readonly month: string;
  readonly paidOn: string;
  readonly paymentReference: string;
  readonly caseCount: number;
  readonly totalYuan: number;
  readonly createdAt: Date;
}

/** What the settle transition's guard reads: the case's item and its settlement. */
export interface SettledItemRow {
  readonly settlementId: string;
  readonly cityCode: string;
  readonly month: string;
  readonly paidOn: string;
  readonly paymentReference: string;
  readonly payeeKind: VoucherPayeeKind;
  readonly payeeName: string;
  readonly amountYuan: number;
}

interface RawSettlement {
  id: string;
  city_code: string;
  month: string;
  paid_on: string;
  payment_reference: string;
  case_count: number | string;
  total_yuan: number | string;
  created_at: string | Date;
}

const SETTLEMENT_COLUMNS =
  's.id, s.city_code, s.month, s.paid_on, s.payment_reference, s.case_count, s.total_yuan, s.created_at';

function settlementOf(raw: RawSettlement): SettlementRow {
  return {
    id: raw.id,
    cityCode: raw.city_code,
    month: raw.month,
    paidOn: raw.paid_on,
    paymentReference: raw.payment_reference,
    caseCount: Number(raw.case_count),
    totalYuan: Number(raw.total_yuan),
    createdAt: rawDate(raw.created_at),
  };
}

/**
 * The cities' monthly voucher settlements. Written out because the reads join cases and
 * organisations for references and names (the query builder would hydrate whole entities), and
 * the list of cases waiting reads the city inbox's index; rows are written with insertRows.
 */
export const VoucherSettlementsRepository = {
  /**
   * The city's cases in one of `states` (held by one of `holders`) of these programmes that
   * entered it before `enteredBefore`: the approved redemptions a settlement of the month pays.
   */
  async awaiting(
    em: EntityManager,
    query: {
      readonly cityCode: string;
      readonly types: readonly string[];
      readonly states: readonly string[];
      readonly holders: readonly string[];
      readonly enteredBefore: Date;
    },
  ): Promise<AwaitingSettlementRow[]> {
    if (!query.types.length || !query.states.length) return [];
    const list = (values: readonly string[]) =>
      values.map(() => '?').join(', ');
    const rows: Record<string, unknown>[] = await em.query(
      `SELECT a.*, o.name AS company_name, p.name AS provider_name
         FROM applications a
         JOIN organisations o ON o.id = a.organisation_id
         LEFT JOIN organisations p ON p.id = a.provider_id
        WHERE a.holder IN (${list(query.holders)}) AND a.city_code = ?
          AND a.state_entered_at < ?
          AND a.type IN (${list(query.types)}) AND a.state IN (${list(query.states)})
        ORDER BY a.state_entered_at, a.id`,
      [
        ...query.holders,
        query.cityCode,
        toColumn(
          em.connection,
          ApplicationEntity,
          'stateEnteredAt',
          query.enteredBefore,
        ),
        ...query.types,
        ...query.states,
      ],
    );
    return rows.map((row) => ({
      application: hydrateRow(em.connection, ApplicationEntity, row),
      companyName: String(row['company_name'] ?? ''),
      providerName: (row['provider_name'] as string | null) ?? null,
    }));
  },

  /** The settlement of a city's month, if one was recorded. */
  async ofMonth(
    em: EntityManager,
    cityCode: string,
    month: string,
  ): Promise<SettlementRow | null> {
    const [row]: RawSettlement[] = await em.query(
      `SELECT ${SETTLEMENT_COLUMNS} FROM voucher_settlements s WHERE s.city_code = ? AND s.month = ?`,
      [cityCode, month],
    );
    return row ? settlementOf(row) : null;
  },

  async byId(em: EntityManager, id: string): Promise<SettlementRow | null> {
    const [row]: RawSettlement[] = await em.query(
      `SELECT ${SETTLEMENT_COLUMNS} FROM voucher_settlements s WHERE s.id = ?`,
      [id],
    );
    return row ? settlementOf(row) : null;
  },

  /** A city's settlements, newest month first. */
  async ofCity(em: EntityManager, cityCode: string): Promise<SettlementRow[]> {
    const rows: RawSettlement[] = await em.query(
      `SELECT ${SETTLEMENT_COLUMNS} FROM voucher_settlements s WHERE s.city_code = ? ORDER BY s.month DESC`,
      [cityCode],
    );
    return rows.map(settlementOf);
  },

  /** The cases a settlement paid, by reference. */
  async items(
    em: EntityManager,
    settlementId: string,
  ): Promise<SettlementItemRow[]> {
    const rows: {
      settlement_id: string;
      application_id: string;
      reference: string;
      company_name: string | null;
      payee_kind: VoucherPayeeKind;
      payee_name: string;
      amount_yuan: number | string;
    }[] = await em.query(
      `SELECT i.settlement_id, i.application_id, a.reference, o.name AS company_name,
              i.payee_kind, i.payee_name, i.amount_yuan
         FROM voucher_settlement_items i
         JOIN applications a ON a.id = i.application_id
         LEFT JOIN organisations o ON o.id = a.organisation_id
        WHERE i.settlement_id = ?
        ORDER BY a.reference`,
      [settlementId],
    );
    return rows.map((r) => ({
      settlementId: r.settlement_id,
      applicationId: r.application_id,
      reference: r.reference,
      companyName: r.company_name ?? '',
      payeeKind: r.payee_kind,
      payeeName: r.payee_name,
      amountYuan: Number(r.amount_yuan),
    }));
  },

  /** The settlement item of a case with its settlement, read by the settle transition's guard. */
  async itemOf(
    em: EntityManager,
    applicationId: string,
  ): Promise<SettledItemRow | null> {
    const [row]: {
      settlement_id: string;
      city_code: string;
      month: string;
      paid_on: string;
      payment_reference: string;
      payee_kind: VoucherPayeeKind;
      payee_name: string;
      amount_yuan: number | string;
    }[] = await em.query(
      `SELECT i.settlement_id, s.city_code, s.month, s.paid_on, s.payment_reference,
              i.payee_kind, i.payee_name, i.amount_yuan
         FROM voucher_settlement_items i
         JOIN voucher_settlements s ON s.id = i.settlement_id
        WHERE i.application_id = ?`,
      [applicationId],
    );
    return row
      ? {
          settlementId: row.settlement_id,
          cityCode: row.city_code,
          month: row.month,
          paidOn: row.paid_on,
          paymentReference: row.payment_reference,
          payeeKind: row.payee_kind,
          payeeName: row.payee_name,
          amountYuan: Number(row.amount_yuan),
        }
      : null;
  },
};
