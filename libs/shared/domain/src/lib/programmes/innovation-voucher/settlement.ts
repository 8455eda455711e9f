import type {
  TransitionDefinition,
  WorkflowDefinition,
} from '../../workflow/workflow-definition';
import type { VoucherPayeeKind } from './decision';

/**
 * Who a settlement pays unless the batch says otherwise: the company. A redemption needs its
 * proof of payment (it paid the provider in full), so the voucher reimburses it; a city whose
 * vouchers the provider redeems (the company paid only its own share) names the provider.
 */
export const DEFAULT_VOUCHER_PAYEE: VoucherPayeeKind = 'company';

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;
const CHINA_OFFSET = '+08:00';

/**
 * The instants a settlement month covers, China time: `from` inclusive, `until` exclusive.
 * Null when `month` is not YYYY-MM.
 */
export function settlementMonthBounds(
  month: string,
): { readonly from: Date; readonly until: Date } | null {
  const match = MONTH.exec(month);
  if (!match) return null;
  const year = Number(match[1]);
  const next = Number(match[2]) + 1;
  const following =
    next > 12 ? `${year + 1}-01` : `${year}-${String(next).padStart(2, '0')}`;
  return {
    from: new Date(`${month}-01T00:00:00${CHINA_OFFSET}`),
    until: new Date(`${following}-01T00:00:00${CHINA_OFFSET}`),
  };
}

export type SettlementMonthProblem = 'format' | 'future';

/**
 * Whether a month can be settled on `today` (an ISO date, China time): a well-formed month that
 * has begun. The current month can be settled (what was approved so far); a case approved after
 * its batch waits for the next month's.
 */
export function settlementMonthProblem(
  month: string,
  today: string,
): SettlementMonthProblem | null {
  if (!settlementMonthBounds(month)) return 'format';
  return month > today.slice(0, 7) ? 'future' : null;
}

/**
 * Whether a payment date fits the batch: a real ISO date, not before the settled month began
 * and not after `today` (a settlement records a payment made).
 */
export function settlementPaidOnProblem(
  paidOn: string,
  month: string,
  today: string,
): 'format' | 'before_month' | 'future' | null {
  const date = new Date(`${paidOn}T00:00:00Z`);
  if (
    !/^\d{4}-\d{2}-\d{2}$/.test(paidOn) ||
    Number.isNaN(date.getTime()) ||
    date.toISOString().slice(0, 10) !== paidOn
  )
    return 'format';
  if (paidOn < `${month}-01`) return 'before_month';
  return paidOn > today ? 'future' : null;
}

/** The transition a settlement batch fires in `state`: the one its batch records (settlement_recorded). */
export function settlementTransition(
  definition: WorkflowDefinition,
  state: string,
): TransitionDefinition | null {
  return (
    definition.transitions.find(
      (t) => t.from.includes(state) && t.guards.includes('settlement_recorded'),
    ) ?? null
  );
}

/** The states in which a case waits for its city's settlement. */
export function settlementStates(definition: WorkflowDefinition): string[] {
  return Object.keys(definition.states).filter(
    (state) => settlementTransition(definition, state) !== null,
  );
}
