import type { CompanyYearFigures } from '../../rules/company-figures';
import {
  evaluateTechSme,
  TECH_SME_IP_CLASS_ONE_BANDS,
  TECH_SME_IP_CLASS_TWO_BANDS,
  TECH_SME_POLICY,
  TECH_SME_RD_COSTS_BANDS,
  TECH_SME_RD_SALES_BANDS,
  TECH_SME_STAFF_SHARE_BANDS,
  techSmeRefilingOpensOn,
  techSmeRegistrationPeriod,
  type TechSmeEvaluationInput,
} from './evaluation';

const M = 1_000_000;

/**
 * A firm scoring 12 (20% S&T staff) + 40 (5% R&D of sales; 6.25% of costs scores nothing) + 12
 * (two class-II items) = 64.
 */
function figures(
  overrides: Partial<CompanyYearFigures> = {},
): CompanyYearFigures {
  return {
    year: 2025,
    totalRevenue: 100 * M,
    salesRevenue: 100 * M,
    highTechRevenue: 50 * M,
    rdExpense: 5 * M,
    rdExpenseDomestic: 5 * M,
    staff: 100,
    scienceTechStaff: 20,
    netAssets: 40 * M,
    totalAssets: 80 * M,
    totalCosts: 80 * M,
    ip: { classOne: 0, classTwo: 2 },
    ...overrides,
  };
}

function input(
  figureOverrides: Partial<CompanyYearFigures> = {},
  overrides: Partial<Omit<TechSmeEvaluationInput, 'figures'>> = {},
): TechSmeEvaluationInput {
  return {
    figures: figures(figureOverrides),
    blacklisted: false,
    seriousIncidentInThreeYears: false,
    directQualifications: [],
    ...overrides,
  };
}

const evaluate = (
  figureOverrides: Partial<CompanyYearFigures> = {},
  overrides: Partial<Omit<TechSmeEvaluationInput, 'figures'>> = {},
) => evaluateTechSme(input(figureOverrides, overrides));

const scoreRule = (
  evaluation: ReturnType<typeof evaluateTechSme>,
  part: 'staff' | 'rd' | 'ip',
) => {
  const rule = evaluation.scoreRules.find((r) => r.rule === part);
  if (!rule) throw new Error(`no ${part} score rule`);
  return rule;
};

const condition = (
  evaluation: ReturnType<typeof evaluateTechSme>,
  key: string,
) => {
  const rule = evaluation.conditions.find((r) => r.rule === key);
  if (!rule) throw new Error(`no ${key} condition`);
  return rule;
};

describe('evaluateTechSme', () => {
  it('scores and passes the reference firm under the 2017 measures', () => {
    const evaluation = evaluate();
    expect(evaluation.policy).toBe(TECH_SME_POLICY);
    expect(TECH_SME_POLICY).toBe('国科发政〔2017〕115号');
    expect(evaluation.score).toEqual({
      staff: 12,
      rd: 40,
      rdBasis: 'sales',
      ip: 12,
      total: 64,
    });
    expect(evaluation.passed).toBe(true);
    expect(evaluation.qualifiedDirectly).toBe(false);
    expect(evaluation.conditions.map((c) => c.rule)).toEqual([
      'staff_limit',
      'sales_limit',
      'assets_limit',
      'not_blacklisted',
      'no_serious_incident',
    ]);
    expect(evaluation.conditions.every((c) => c.passed)).toBe(true);
    expect(evaluation.scoreRules.map((r) => r.rule)).toEqual([
      'staff',
      'rd',
      'ip',
    ]);
    expect(evaluation.explanation['zh-CN']).toContain('评价得分 64 分');
    expect(evaluation.explanation.en).toContain('Score 64');
  });

  describe('S&T staff share (max 20)', () => {
    it.each([
      [30, 20],
      [29, 16],
      [25, 16],
      [24, 12],
      [20, 12],
      [19, 8],
      [15, 8],
      [14, 4],
      [10, 4],
      [9, 0],
      [0, 0],
    ])('%i of 100 staff scores %i', (scienceTechStaff, points) => {
      expect(evaluate({ scienceTechStaff }).score.staff).toBe(points);
    });

    it('does not lose a boundary to floating point (3 of 10 is 30%)', () => {
      expect(evaluate({ staff: 10, scienceTechStaff: 3 }).score.staff).toBe(20);
    });

    it('explains the share and the band in both languages', () => {
      const rule = scoreRule(
        evaluate({ staff: 200, scienceTechStaff: 47 }),
        'staff',
      );
      expect(rule.passed).toBe(true);
      expect(rule.explanation['zh-CN']).toBe(
        '科技人员占比 23.5%（≥20% 得 12 分）',
      );
      expect(rule.explanation.en).toBe(
        'S&T staff share 23.5% (≥20% scores 12)',
      );
    });

    it('says which band was missed when the share scores nothing', () => {
      const rule = scoreRule(evaluate({ scienceTechStaff: 9 }), 'staff');
      expect(rule.passed).toBe(false);
      expect(rule.explanation['zh-CN']).toBe(
        '科技人员占比 9%（低于 10% 得 0 分）',
      );
      expect(rule.explanation.en).toBe(
        'S&T staff share 9% (below 10% scores 0)',
      );
    });
  });

  describe('R&D on sales (max 50)', () => {
    // Total costs of 200M keep the costs basis below 10% for every case.
    it.each([
      [6_000_000, 50],
      [5_990_000, 40],
      [5_000_000, 40],
      [4_990_000, 30],
      [4_000_000, 30],
      [3_990_000, 20],
      [3_000_000, 20],
      [2_990_000, 10],
      [2_000_000, 10],
      [1_990_000, 0],
    ])('R&D %i on 100M sales scores %i', (rdExpense, points) => {
      const evaluation = evaluate({ rdExpense, totalCosts: 200 * M });
      expect(evaluation.score.rd).toBe(points);
      expect(evaluation.score.rdBasis).toBe('sales');
    });

    it('shows 5.99% as 5.99%, not rounded up into the 6% band', () => {
      const rule = scoreRule(
        evaluate({ rdExpense: 5_999_000, totalCosts: 200 * M }),
        'rd',
      );
      expect(rule.explanation['zh-CN']).toContain(
        '研发费用占销售收入 5.99%（≥5% 得 40 分）',
      );
      expect(rule.explanation.en).toContain(
        'R&D 5.99% of sales (≥5% scores 40)',
      );
    });
  });

  describe('R&D on total costs (max 50)', () => {
    // Sales of 200M keep the sales basis below 2% for every case.
    it.each([
      [3_000_000, 50],
      [2_999_000, 40],
      [2_500_000, 40],
      [2_499_000, 30],
      [2_000_000, 30],
      [1_999_000, 20],
      [1_500_000, 20],
      [1_499_000, 10],
      [1_000_000, 10],
      [999_000, 0],
    ])('R&D %i on 10M total costs scores %i', (rdExpense, points) => {
      const evaluation = evaluate({
        rdExpense,
        salesRevenue: 200 * M,
        totalCosts: 10 * M,
      });
      expect(evaluation.score.rd).toBe(points);
    });

    it('counts the total-costs basis when it scores better', () => {
      // 3% of sales scores 20; 25% of costs scores 40.
      const evaluation = evaluate({
        rdExpense: 3 * M,
        salesRevenue: 100 * M,
        totalCosts: 12 * M,
      });
      expect(evaluation.score.rd).toBe(40);
      expect(evaluation.score.rdBasis).toBe('total_costs');
      const rule = scoreRule(evaluation, 'rd');
      expect(rule.explanation['zh-CN']).toBe(
        '研发费用占销售收入 3%（≥3% 得 20 分），占成本费用总额 25%（≥25% 得 40 分）；按成本费用总额计 40 分',
      );
      expect(rule.explanation.en).toBe(
        'R&D 3% of sales (≥3% scores 20), 25% of total costs (≥25% scores 40); the total-costs basis counts: 40 points',
      );
    });

    it('keeps the sales basis on a tie', () => {
      // 6% of sales and 30% of costs both score 50.
      const evaluation = evaluate({
        rdExpense: 6 * M,
        salesRevenue: 100 * M,
        totalCosts: 20 * M,
      });
      expect(evaluation.score.rd).toBe(50);
      expect(evaluation.score.rdBasis).toBe('sales');
    });
  });

  describe('intellectual property (max 30)', () => {
    it('scores 30 for a single class-I item, whatever the class-II count', () => {
      expect(evaluate({ ip: { classOne: 1, classTwo: 0 } }).score.ip).toBe(30);
      expect(evaluate({ ip: { classOne: 3, classTwo: 9 } }).score.ip).toBe(30);
    });

    it.each([
      [9, 24],
      [4, 24],
      [3, 18],
      [2, 12],
      [1, 6],
      [0, 0],
    ])(
      'without class-I items, %i class-II items score %i',
      (classTwo, points) => {
        expect(evaluate({ ip: { classOne: 0, classTwo } }).score.ip).toBe(
          points,
        );
      },
    );

    it('explains the counts in both languages', () => {
      const classOne = scoreRule(
        evaluate({ ip: { classOne: 2, classTwo: 5 } }),
        'ip',
      );
      expect(classOne.explanation['zh-CN']).toBe(
        'Ⅰ类知识产权 2 项（≥1 项得 30 分）',
      );
      expect(classOne.explanation.en).toBe('2 Class-I IP items (≥1 scores 30)');

      const classTwo = scoreRule(
        evaluate({ ip: { classOne: 0, classTwo: 3 } }),
        'ip',
      );
      expect(classTwo.explanation['zh-CN']).toBe(
        '无Ⅰ类知识产权，Ⅱ类知识产权 3 项（≥3 项得 18 分）',
      );
      expect(classTwo.explanation.en).toBe(
        'No Class-I IP; 3 Class-II IP items (≥3 scores 18)',
      );

      const none = scoreRule(
        evaluate({ ip: { classOne: 0, classTwo: 0 } }),
        'ip',
      );
      expect(none.passed).toBe(false);
      expect(none.explanation['zh-CN']).toContain('Ⅱ类知识产权 0 项');
      expect(none.explanation.en).toContain('0 Class-II IP items');
    });
  });

  describe('the pass mark', () => {
    it('passes a total of exactly 60', () => {
      // 20 (30% staff) + 40 (5% R&D) + 0 (no IP).
      const evaluation = evaluate({
        scienceTechStaff: 30,
        ip: { classOne: 0, classTwo: 0 },
      });
      expect(evaluation.score.total).toBe(60);
      expect(evaluation.passed).toBe(true);
      expect(evaluation.explanation['zh-CN']).toContain('符合入库条件');
    });

    it('fails the highest total below 60', () => {
      // Every band is worth an even number of points, so 59 cannot occur: 58 is the nearest miss.
      // 12 (20% staff) + 40 (5% R&D) + 6 (one class-II item).
      const evaluation = evaluate({ ip: { classOne: 0, classTwo: 1 } });
      expect(evaluation.score.total).toBe(58);
      expect(evaluation.passed).toBe(false);
      expect(evaluation.explanation['zh-CN']).toContain('低于 60 分');
      expect(evaluation.explanation.en).toContain('below the 60 needed');
    });

    it('fails a firm with 80 points when the S&T staff part scores 0', () => {
      const evaluation = evaluate({
        scienceTechStaff: 9,
        rdExpense: 6 * M,
        ip: { classOne: 1, classTwo: 0 },
      });
      expect(evaluation.score).toMatchObject({ staff: 0, total: 80 });
      expect(evaluation.passed).toBe(false);
      expect(evaluation.explanation['zh-CN']).toContain('科技人员指标得 0 分');
      expect(evaluation.explanation.en).toContain('S&T staff part scores 0');
    });
  });

  describe('conditions', () => {
    it.each([
      ['staff_limit', { staff: 500, scienceTechStaff: 100 }, true],
      ['staff_limit', { staff: 501, scienceTechStaff: 100 }, false],
      ['sales_limit', { salesRevenue: 200_000_000 }, true],
      ['sales_limit', { salesRevenue: 200_000_001 }, false],
      ['assets_limit', { totalAssets: 200_000_000 }, true],
      ['assets_limit', { totalAssets: 200_000_001 }, false],
    ] as const)('%s with %j holds: %s', (key, overrides, holds) => {
      const evaluation = evaluate({ ...overrides, rdExpense: 20 * M });
      expect(condition(evaluation, key).passed).toBe(holds);
      expect(evaluation.passed).toBe(holds);
    });

    it('explains the figures against the limits in both languages', () => {
      const evaluation = evaluate({
        staff: 501,
        salesRevenue: 200_000_001,
        totalAssets: 150_000_000,
      });
      expect(condition(evaluation, 'staff_limit').explanation).toEqual({
        'zh-CN': '职工总数 501 人，超过 500 人',
        en: '501 staff: more than the 500 allowed',
      });
      expect(condition(evaluation, 'sales_limit').explanation).toEqual({
        'zh-CN': '年销售收入 200,000,001 元，超过 200,000,000 元',
        en: 'Sales revenue CNY 200,000,001: more than the CNY 200,000,000 allowed',
      });
      expect(condition(evaluation, 'assets_limit').explanation).toEqual({
        'zh-CN': '资产总额 150,000,000 元（不超过 200,000,000 元）',
        en: 'Total assets CNY 150,000,000 (at most CNY 200,000,000)',
      });
      expect(evaluation.explanation['zh-CN']).toBe(
        '不符合评价条件：职工总数 501 人，超过 500 人；年销售收入 200,000,001 元，超过 200,000,000 元',
      );
      expect(evaluation.explanation.en).toBe(
        'Not eligible: 501 staff: more than the 500 allowed; Sales revenue CNY 200,000,001: more than the CNY 200,000,000 allowed',
      );
    });

    it('fails a blacklisted enterprise', () => {
      const evaluation = evaluate({}, { blacklisted: true });
      expect(condition(evaluation, 'not_blacklisted').passed).toBe(false);
      expect(evaluation.passed).toBe(false);
      expect(evaluation.explanation['zh-CN']).toContain('严重违法失信企业名单');
    });

    it('fails an enterprise with a serious incident in three years', () => {
      const evaluation = evaluate({}, { seriousIncidentInThreeYears: true });
      expect(condition(evaluation, 'no_serious_incident').passed).toBe(false);
      expect(evaluation.passed).toBe(false);
      expect(evaluation.explanation.en).toContain(
        'serious safety or quality accident',
      );
    });
  });

  describe('direct qualification', () => {
    const weakFirm = {
      scienceTechStaff: 0,
      rdExpense: 0,
      ip: { classOne: 0, classTwo: 0 },
    };

    it.each([
      'high_tech_certificate',
      'national_st_award',
      'provincial_rd_institution',
      'led_standard',
    ] as const)('%s passes a firm that scores nothing', (qualification) => {
      const evaluation = evaluate(weakFirm, {
        directQualifications: [qualification],
      });
      expect(evaluation.qualifiedDirectly).toBe(true);
      expect(evaluation.passed).toBe(true);
      expect(evaluation.score.total).toBe(0);
    });

    it('still computes and shows the score', () => {
      const evaluation = evaluate(
        {},
        { directQualifications: ['high_tech_certificate'] },
      );
      expect(evaluation.score.total).toBe(64);
      expect(evaluation.scoreRules).toHaveLength(3);
      expect(evaluation.explanation['zh-CN']).toBe(
        '符合评价条件，直接入库：拥有有效期内的高新技术企业资格证书；评价得分 64 分（科技人员 12、研发投入 40、知识产权 12）',
      );
      expect(evaluation.explanation.en).toBe(
        'Eligible and qualified directly: Holds a valid high-tech enterprise certificate; Score 64 (S&T staff 12, R&D 40, IP 12)',
      );
    });

    it('lists each qualification once', () => {
      const evaluation = evaluate(
        {},
        {
          directQualifications: [
            'led_standard',
            'national_st_award',
            'led_standard',
          ],
        },
      );
      expect(evaluation.directQualifications).toEqual([
        'led_standard',
        'national_st_award',
      ]);
    });

    it('does not lift a failed condition', () => {
      const evaluation = evaluate(
        { staff: 501, scienceTechStaff: 200 },
        { directQualifications: ['high_tech_certificate'] },
      );
      expect(evaluation.qualifiedDirectly).toBe(true);
      expect(evaluation.passed).toBe(false);
      expect(evaluation.explanation.en).toMatch(/^Not eligible: 501 staff/);

      expect(
        evaluate(
          {},
          { blacklisted: true, directQualifications: ['led_standard'] },
        ).passed,
      ).toBe(false);
    });
  });

  describe('zero denominators', () => {
    const empty = evaluate({
      staff: 0,
      scienceTechStaff: 0,
      salesRevenue: 0,
      totalCosts: 0,
      rdExpense: 1 * M,
    });

    it('scores 0 without NaN', () => {
      expect(empty.score).toEqual({
        staff: 0,
        rd: 0,
        rdBasis: 'sales',
        ip: 12,
        total: 12,
      });
      expect(empty.passed).toBe(false);
    });

    it('says why in both languages, never NaN or Infinity', () => {
      const texts = [
        ...empty.scoreRules.flatMap((r) => [
          r.explanation['zh-CN'],
          r.explanation.en,
        ]),
        empty.explanation['zh-CN'],
        empty.explanation.en,
      ];
      for (const text of texts) expect(text).not.toMatch(/NaN|Infinity/);
      expect(scoreRule(empty, 'staff').explanation).toEqual({
        'zh-CN': '科技人员占比 —（职工总数为 0，得 0 分）',
        en: 'S&T staff share — (no staff reported, scores 0)',
      });
      expect(scoreRule(empty, 'rd').explanation['zh-CN']).toContain(
        '销售收入为 0，得 0 分',
      );
      expect(scoreRule(empty, 'rd').explanation.en).toContain(
        'no total costs, scores 0',
      );
    });
  });
});

describe('band tables', () => {
  it.each([
    ['staff share', 20, TECH_SME_STAFF_SHARE_BANDS],
    ['R&D on sales', 50, TECH_SME_RD_SALES_BANDS],
    ['R&D on total costs', 50, TECH_SME_RD_COSTS_BANDS],
    ['class-I IP', 30, TECH_SME_IP_CLASS_ONE_BANDS],
    ['class-II IP', 24, TECH_SME_IP_CLASS_TWO_BANDS],
  ] as const)(
    '%s is ordered highest band first, topping at %i points',
    (_name, top, bands) => {
      expect(bands[0].points).toBe(top);
      bands.slice(1).forEach((lower, i) => {
        expect(bands[i].min).toBeGreaterThan(lower.min);
        expect(bands[i].points).toBeGreaterThan(lower.points);
      });
    },
  );
});

describe('registration period', () => {
  it('runs to 31 March of the next year, with re-filing from 1 January', () => {
    expect(techSmeRefilingOpensOn(2025)).toBe('2026-01-01');
    expect(techSmeRegistrationPeriod(2025)).toEqual({
      evaluationYear: 2025,
      validUntil: '2026-03-31',
      refilingOpensOn: '2026-01-01',
      explanation: {
        'zh-CN':
          '2025 年度入库编号有效期至 2026-03-31；自 2026-01-01 起可填报 2026 年度评价',
        en: 'The 2025 registration number is valid until 2026-03-31; the 2026 evaluation may be filed from 2026-01-01',
      },
    });
  });
});
