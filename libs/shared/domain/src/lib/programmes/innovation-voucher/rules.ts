/**
 * Innovation voucher subsidy (Shandong practice): 60% of the service cost in the less-developed
 * cities, 40% elsewhere, at most 500,000 CNY per enterprise per year. Rates are configuration
 * with effective dates, so a change applies to redemptions from its date on.
 */
export interface VoucherRateRule {
  /** A region code prefix (2 digits: province, 4: city, 6: county); '' matches everywhere. */
  readonly regionPrefix: string;
  /** Percent of the service cost the voucher pays. */
  readonly ratePercent: number;
  /** ISO dates, inclusive; null for open-ended. */
  readonly from: string;
  readonly until: string | null;
  readonly policy: string;
}

export const VOUCHER_YEARLY_CAP_YUAN = 500_000;

const SHANDONG_POLICY = '山东省科技创新券管理办法（地方实践）';
/** Zaozhuang, Linyi, Dezhou, Liaocheng, Binzhou, Heze. */
const SIXTY_PERCENT_CITIES = ['3704', '3713', '3714', '3715', '3716', '3717'];

export const DEFAULT_VOUCHER_RATES: readonly VoucherRateRule[] = [
  ...SIXTY_PERCENT_CITIES.map((regionPrefix) => ({
    regionPrefix,
    ratePercent: 60,
    from: '2020-01-01',
    until: null,
    policy: SHANDONG_POLICY,
  })),
  {
    regionPrefix: '',
    ratePercent: 40,
    from: '2020-01-01',
    until: null,
    policy: SHANDONG_POLICY,
  },
];

/** The rule for a company's county on a date: the longest matching prefix in force. */
export function voucherRate(
  regionCode: string,
  onDate: string,
  rules: readonly VoucherRateRule[] = DEFAULT_VOUCHER_RATES,
): VoucherRateRule {
  const inForce = rules.filter(
    (r) =>
      regionCode.startsWith(r.regionPrefix) &&
      r.from <= onDate &&
      (r.until === null || onDate <= r.until),
  );
  const best = inForce.sort(
    (a, b) => b.regionPrefix.length - a.regionPrefix.length,
  )[0];
  if (!best)
    throw new Error(`No voucher rate in force for ${regionCode} on ${onDate}`);
  return best;
}

export interface VoucherSubsidy {
  /** What the voucher pays, in whole yuan (rounded down). */
  readonly amount: number;
  readonly ratePercent: number;
  /** True when the yearly cap cut the amount. */
  readonly capped: boolean;
  /** What is left of the cap after this subsidy. */
  readonly capRemaining: number;
}

/**
 * The subsidy for a service cost, given what the company has already used this year. The API
 * books it in a per-company yearly ledger in the same transaction, so two redemptions at once
 * cannot both use the same remaining cap.
 */
export function voucherSubsidy(
  serviceCostYuan: number,
  ratePercent: number,
  usedThisYearYuan: number,
  capYuan = VOUCHER_YEARLY_CAP_YUAN,
): VoucherSubsidy {
  if (serviceCostYuan < 0 || usedThisYearYuan < 0)
    throw new Error('Amounts cannot be negative');
  const remaining = Math.max(0, capYuan - usedThisYearYuan);
  const full = Math.floor((serviceCostYuan * ratePercent) / 100);
  const amount = Math.min(full, remaining);
  return {
    amount,
    ratePercent,
    capped: amount < full,
    capRemaining: remaining - amount,
  };
}
