import type { CompanyYearFigures } from '../../rules/company-figures';
import {
  growthScore,
  highTechSelfCheck,
  requiredRdIntensityPercent,
  type HighTechSelfCheckInput,
} from './eligibility';

const M = 1_000_000;

function year(
  y: number,
  overrides: Partial<CompanyYearFigures> = {},
): CompanyYearFigures {
  return {
    year: y,
    totalRevenue: 40 * M,
    salesRevenue: 40 * M,
    highTechRevenue: 30 * M,
    rdExpense: 2.4 * M,
    rdExpenseDomestic: 2.4 * M,
    staff: 100,
    scienceTechStaff: 20,
    netAssets: 20 * M,
    totalAssets: 50 * M,
    totalCosts: 30 * M,
    ip: { classOne: 1, classTwo: 4 },
    ...overrides,
  };
}

function input(
  overrides: Partial<HighTechSelfCheckInput> = {},
): HighTechSelfCheckInput {
  return {
    registeredOn: '2019-05-10',
    applicationDate: '2026-06-01',
    field: 'biology_new_medicine',
    majorIncidentLastYear: false,
    years: [year(2023), year(2024), year(2025)],
    ...overrides,
  };
}

const verdict = (check: ReturnType<typeof highTechSelfCheck>, rule: string) =>
  check.rules.find((r) => r.rule === rule)?.passed;

describe('high-tech eligibility self-check (国科发火〔2016〕32号)', () => {
  it('passes a company that meets every threshold, explaining each rule in both languages', () => {
    const check = highTechSelfCheck(input());
    expect(check.passed).toBe(true);
    expect(check.policy).toBe('国科发火〔2016〕32号');
    expect(check.rules).toHaveLength(8);
    for (const r of check.rules) {
      expect(r.explanation['zh-CN'].length).toBeGreaterThan(0);
      expect(r.explanation.en.length).toBeGreaterThan(0);
    }
  });

  it('gives each rule its name, the figure it computed and the requirement, for a reviewer', () => {
    const check = highTechSelfCheck(input());
    const rule = (key: string) => check.rules.find((r) => r.rule === key);
    expect(rule('science_tech_staff_share')).toMatchObject({
      label: { en: 'S&T staff share' },
      measured: { en: '20.0% (20 of 100 people)' },
      threshold: { en: '≥ 10%' },
    });
    // 3 × 2.4M of 3 × 40M sales; last year's sales of 40M ask 5%.
    expect(rule('rd_intensity')).toMatchObject({
      measured: { en: '6.0% (R&D 7.20M of sales 120.00M CNY)' },
      threshold: { en: '≥ 5%' },
    });
    expect(rule('registered_one_year')).toMatchObject({
      measured: { en: '2019-05-10' },
      threshold: { en: 'On or before 2025-06-01 (a full year)' },
    });
    expect(rule('owns_ip')?.measured?.en).toBe('Class I: 1, class II: 4');
  });

  it('has no figure for a rule whose years are missing, and still states the requirement', () => {
    const check = highTechSelfCheck(input({ years: [year(2025)] }));
    const rd = check.rules.find((r) => r.rule === 'rd_intensity');
    expect(rd?.measured).toBeNull();
    expect(rd?.threshold?.en).toContain('≥ 5% / 4% / 3%');
  });

  it('sets the R&D band by last year sales: 5% up to 50M, 4% up to 200M, 3% above', () => {
    expect(requiredRdIntensityPercent(50 * M)).toBe(5);
    expect(requiredRdIntensityPercent(50 * M + 1)).toBe(4);
    expect(requiredRdIntensityPercent(200 * M)).toBe(4);
    expect(requiredRdIntensityPercent(200 * M + 1)).toBe(3);
  });

  it('judges R&D intensity exactly at the 5% and 4% boundaries', () => {
    const at = (sales: number, rd: number) =>
      highTechSelfCheck(
        input({
          years: [2023, 2024, 2025].map((y) =>
            year(y, {
              salesRevenue: sales,
              totalRevenue: sales,
              highTechRevenue: sales,
              rdExpense: rd,
              rdExpenseDomestic: rd,
            }),
          ),
        }),
      );
    expect(verdict(at(50 * M, 2.5 * M), 'rd_intensity')).toBe(true); // exactly 5% at 50M
    expect(verdict(at(50 * M, 2.5 * M - 1), 'rd_intensity')).toBe(false);
    expect(verdict(at(200 * M, 8 * M), 'rd_intensity')).toBe(true); // exactly 4% at 200M
    expect(verdict(at(200 * M, 8 * M - 1), 'rd_intensity')).toBe(false);
    expect(verdict(at(200 * M + 100, 6 * M + 3), 'rd_intensity')).toBe(true); // 3% above 200M
  });

  it('requires 60% of R&D inside China, 60% high-tech revenue and 10% S&T staff, each at the boundary', () => {
    const y = (o: Partial<CompanyYearFigures>) => [
      year(2023, o),
      year(2024, o),
      year(2025, o),
    ];
    expect(
      verdict(
        highTechSelfCheck(input({ years: y({ rdExpenseDomestic: 1.44 * M }) })),
        'rd_domestic_share',
      ),
    ).toBe(true);
    expect(
      verdict(
        highTechSelfCheck(
          input({ years: y({ rdExpenseDomestic: 1.44 * M - 1 }) }),
        ),
        'rd_domestic_share',
      ),
    ).toBe(false);
    expect(
      verdict(
        highTechSelfCheck(input({ years: y({ highTechRevenue: 24 * M }) })),
        'high_tech_revenue_share',
      ),
    ).toBe(true);
    expect(
      verdict(
        highTechSelfCheck(input({ years: y({ highTechRevenue: 24 * M - 1 }) })),
        'high_tech_revenue_share',
      ),
    ).toBe(false);
    expect(
      verdict(
        highTechSelfCheck(input({ years: y({ scienceTechStaff: 10 }) })),
        'science_tech_staff_share',
      ),
    ).toBe(true);
    expect(
      verdict(
        highTechSelfCheck(input({ years: y({ scienceTechStaff: 9 }) })),
        'science_tech_staff_share',
      ),
    ).toBe(false);
  });

  it('needs a full year since registration', () => {
    expect(
      verdict(
        highTechSelfCheck(input({ registeredOn: '2025-06-01' })),
        'registered_one_year',
      ),
    ).toBe(true);
    expect(
      verdict(
        highTechSelfCheck(input({ registeredOn: '2025-06-02' })),
        'registered_one_year',
      ),
    ).toBe(false);
  });

  it('fails without IP, without a key field, after a major incident, or without three years of figures', () => {
    const noIp = highTechSelfCheck(
      input({
        years: [2023, 2024, 2025].map((y) =>
          year(y, { ip: { classOne: 0, classTwo: 0 } }),
        ),
      }),
    );
    expect([noIp.passed, verdict(noIp, 'owns_ip')]).toEqual([false, false]);
    expect(
      verdict(highTechSelfCheck(input({ field: null })), 'key_field'),
    ).toBe(false);
    expect(
      verdict(
        highTechSelfCheck(input({ majorIncidentLastYear: true })),
        'no_major_incident',
      ),
    ).toBe(false);
    const short = highTechSelfCheck(input({ years: [year(2025)] }));
    expect(short.passed).toBe(false);
    expect(short.growthScore).toBeNull();
    expect(
      short.rules.find((r) => r.rule === 'rd_intensity')?.explanation.en,
    ).toMatch(/2 missing/);
  });
});

describe('growth score', () => {
  const years = (assets: number[], sales: number[]) =>
    assets.map((a, i) =>
      year(2023 + i, { netAssets: a, salesRevenue: sales[i] ?? 0 }),
    );

  it('scores 10 + 10 for 35% growth on both', () => {
    expect(
      growthScore(years([100, 135, 182.25], [100, 135, 182.25])).growthScore,
    ).toBe(20);
  });

  it('scores each band at its top', () => {
    expect(
      growthScore(years([100, 125, 156.25], [100, 115, 132.25])).growthScore,
    ).toBe(8 + 6);
    expect(
      growthScore(years([100, 105, 110.25], [100, 101, 102])).growthScore,
    ).toBe(4 + 2);
  });

  it('scores 0 for shrinking or non-positive figures', () => {
    expect(growthScore(years([100, 90, 80], [0, 10, 20])).growthScore).toBe(0);
  });
});
