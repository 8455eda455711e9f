import { voucherRate, voucherSubsidy, type VoucherRateRule } from './rules';

describe('innovation voucher', () => {
  it('pays 60% in the less-developed cities and 40% elsewhere', () => {
    expect(voucherRate('371302', '2026-06-01').ratePercent).toBe(60); // Linyi
    expect(voucherRate('370102', '2026-06-01').ratePercent).toBe(40); // Jinan
    expect(voucherRate('330421', '2026-06-01').ratePercent).toBe(40);
  });

  it('applies a rate change from its effective date, the longest prefix winning', () => {
    const rules: VoucherRateRule[] = [
      {
        regionPrefix: '',
        ratePercent: 40,
        from: '2020-01-01',
        until: null,
        policy: 'p1',
      },
      {
        regionPrefix: '3304',
        ratePercent: 50,
        from: '2026-07-01',
        until: '2026-12-31',
        policy: 'p2',
      },
    ];
    expect(voucherRate('330421', '2026-06-30', rules).ratePercent).toBe(40);
    expect(voucherRate('330421', '2026-07-01', rules).ratePercent).toBe(50);
    expect(voucherRate('330421', '2027-01-01', rules).ratePercent).toBe(40);
    expect(() => voucherRate('330421', '2019-01-01', rules)).toThrow(
      /No voucher rate/,
    );
  });

  it('never lets the yearly cap of 500,000 be exceeded', () => {
    expect(voucherSubsidy(100_000, 60, 0)).toEqual({
      amount: 60_000,
      ratePercent: 60,
      capped: false,
      capRemaining: 440_000,
    });
    expect(voucherSubsidy(1_000_000, 60, 450_000)).toEqual({
      amount: 50_000,
      ratePercent: 60,
      capped: true,
      capRemaining: 0,
    });
    expect(voucherSubsidy(10_000, 40, 500_000)).toEqual({
      amount: 0,
      ratePercent: 40,
      capped: true,
      capRemaining: 0,
    });
  });

  it('rounds down to whole yuan and refuses negative amounts', () => {
    expect(voucherSubsidy(333, 40, 0).amount).toBe(133);
    expect(() => voucherSubsidy(-1, 40, 0)).toThrow();
  });
});
