import type { Labels } from '../../workflow/workflow-definition';
import type { CompanyYearFigures } from '../../rules/company-figures';

export const HIGH_TECH_POLICY = '国科发火〔2016〕32号';

/** The national key supported high-tech fields (国家重点支持的高新技术领域). */
export const HIGH_TECH_FIELDS = [
  'electronic_information',
  'biology_new_medicine',
  'aerospace',
  'new_materials',
  'high_tech_services',
  'new_energy_energy_saving',
  'resources_environment',
  'advanced_manufacturing_automation',
] as const;
export type HighTechField = (typeof HIGH_TECH_FIELDS)[number];

export interface HighTechSelfCheckInput {
  /** ISO date the company was registered. */
  readonly registeredOn: string;
  /** ISO date of the application. */
  readonly applicationDate: string;
  readonly field: HighTechField | null;
  /** True when the company declares a major safety/quality accident or environmental violation in the last year. */
  readonly majorIncidentLastYear: boolean;
  /** The last three fiscal years, any order; the newest is "last year". */
  readonly years: readonly CompanyYearFigures[];
}

export type HighTechRuleKey =
  | 'registered_one_year'
  | 'owns_ip'
  | 'key_field'
  | 'science_tech_staff_share'
  | 'rd_intensity'
  | 'rd_domestic_share'
  | 'high_tech_revenue_share'
  | 'no_major_incident';

export interface RuleResult<K extends string = string> {
  readonly rule: K;
  readonly passed: boolean;
  readonly explanation: Labels;
  /** The rule's name, for a reviewer reading rule by rule. */
  readonly label?: Labels;
  /** The figure the rule computed from the company's data (null where the data were missing). */
  readonly measured?: Labels | null;
  /** What the rule requires of that figure. */
  readonly threshold?: Labels;
}

const RULE_LABELS: Readonly<Record<HighTechRuleKey, Labels>> = {
  registered_one_year: { 'zh-CN': '注册时间', en: 'Time since registration' },
  owns_ip: { 'zh-CN': '知识产权', en: 'Intellectual property' },
  key_field: { 'zh-CN': '技术领域', en: 'Technology field' },
  science_tech_staff_share: {
    'zh-CN': '科技人员占比',
    en: 'S&T staff share',
  },
  rd_intensity: { 'zh-CN': '研发费用占比', en: 'R&D intensity' },
  rd_domestic_share: {
    'zh-CN': '境内研发费用占比',
    en: 'R&D spent in China',
  },
  high_tech_revenue_share: {
    'zh-CN': '高新技术收入占比',
    en: 'High-tech revenue share',
  },
  no_major_incident: {
    'zh-CN': '重大事故或违法行为',
    en: 'Major accidents or violations',
  },
};

/** A figure and a requirement that read the same in both languages (a percentage, a count). */
const same = (text: string): Labels => ({ 'zh-CN': text, en: text });

export interface HighTechSelfCheck {
  readonly policy: string;
  readonly passed: boolean;
  readonly rules: readonly RuleResult<HighTechRuleKey>[];
  /** The computable part of the innovation score (growth, max 20); null without three years. */
  readonly growthScore: number | null;
  readonly growthExplanation: Labels;
}

const MILLION = 1_000_000;
const pct = (num: number, den: number) =>
  den > 0 ? ((num * 100) / den).toFixed(1) : '—';

/** R&D intensity required by last year's sales: ≤50M → 5%, 50M–200M → 4%, above 200M → 3%. */
export function requiredRdIntensityPercent(lastYearSales: number): 5 | 4 | 3 {
  if (lastYearSales <= 50 * MILLION) return 5;
  if (lastYearSales <= 200 * MILLION) return 4;
  return 3;
}

/** A rule's requirement on the figures; the R&D intensity's depends on last year's sales. */
const THRESHOLDS: Readonly<
  Record<
    | 'science_tech_staff_share'
    | 'rd_intensity'
    | 'rd_domestic_share'
    | 'high_tech_revenue_share',
    (required: number | null) => Labels
  >
> = {
  science_tech_staff_share: () => same('≥ 10%'),
  rd_intensity: (required: number | null): Labels =>
    required === null
      ? {
          'zh-CN': '≥ 5% / 4% / 3%（按上年销售收入 ≤ 5000 万 / ≤ 2 亿 / 以上）',
          en: "≥ 5% / 4% / 3% (by last year's sales: ≤ 50M / ≤ 200M / above)",
        }
      : same(`≥ ${required}%`),
  rd_domestic_share: () => same('≥ 60%'),
  high_tech_revenue_share: () => same('≥ 60%'),
};

/** The date a year before `isoDate` (registered on or before it: a full year). */
function oneYearBefore(isoDate: string): string {
  const date = new Date(isoDate);
  date.setUTCFullYear(date.getUTCFullYear() - 1);
  return date.toISOString().slice(0, 10);
}

/** The eligibility self-check: every rule with its verdict and a sentence saying why. */
export function highTechSelfCheck(
  input: HighTechSelfCheckInput,
): HighTechSelfCheck {
  const years = [...input.years].sort((a, b) => a.year - b.year);
  const last = years[years.length - 1];
  const rules: RuleResult<HighTechRuleKey>[] = [];
  const add = (
    rule: HighTechRuleKey,
    passed: boolean,
    zh: string,
    en: string,
    figures?: { measured: Labels | null; threshold: Labels },
  ) =>
    rules.push({
      rule,
      passed,
      explanation: { 'zh-CN': zh, en },
      label: RULE_LABELS[rule],
      ...figures,
    });

  const oneYearAfter = new Date(input.registeredOn);
  oneYearAfter.setUTCFullYear(oneYearAfter.getUTCFullYear() + 1);
  const registeredLongEnough =
    oneYearAfter.getTime() <= new Date(input.applicationDate).getTime();
  add(
    'registered_one_year',
    registeredLongEnough,
    registeredLongEnough
      ? `注册于 ${input.registeredOn}，已满一年`
      : `注册于 ${input.registeredOn}，申报时须注册满一年`,
    registeredLongEnough
      ? `Registered on ${input.registeredOn}: more than a year`
      : `Registered on ${input.registeredOn}: must be registered for a year before applying`,
    {
      measured: same(input.registeredOn),
      threshold: {
        'zh-CN': `不晚于 ${oneYearBefore(input.applicationDate)}（满一年）`,
        en: `On or before ${oneYearBefore(input.applicationDate)} (a full year)`,
      },
    },
  );

  const ipTotal = last ? last.ip.classOne + last.ip.classTwo : 0;
  add(
    'owns_ip',
    ipTotal > 0,
    ipTotal > 0
      ? `拥有知识产权 ${ipTotal} 项`
      : '未拥有对主要产品（服务）起核心支持作用的知识产权',
    ipTotal > 0
      ? `Owns ${ipTotal} IP items`
      : 'Owns no IP supporting its main products or services',
    {
      measured: last
        ? {
            'zh-CN': `Ⅰ类 ${last.ip.classOne} 项，Ⅱ类 ${last.ip.classTwo} 项`,
            en: `Class I: ${last.ip.classOne}, class II: ${last.ip.classTwo}`,
          }
        : null,
      threshold: { 'zh-CN': '至少 1 项', en: 'At least 1' },
    },
  );

  add(
    'key_field',
    input.field !== null,
    input.field
      ? '属于国家重点支持的高新技术领域'
      : '须选择所属的国家重点支持的高新技术领域',
    input.field
      ? 'In a national key supported high-tech field'
      : 'Choose the key supported high-tech field',
  );

  if (!last || years.length < 3) {
    const missing = 3 - years.length;
    for (const rule of [
      'science_tech_staff_share',
      'rd_intensity',
      'rd_domestic_share',
      'high_tech_revenue_share',
    ] as const) {
      add(
        rule,
        false,
        `缺少近三个会计年度的财务数据（还差 ${missing} 年）`,
        `Figures for the last three fiscal years are needed (${missing} missing)`,
        { measured: null, threshold: THRESHOLDS[rule](null) },
      );
    }
  } else {
    const staffOk = last.staff > 0 && last.scienceTechStaff * 10 >= last.staff;
    add(
      'science_tech_staff_share',
      staffOk,
      `科技人员占比 ${pct(last.scienceTechStaff, last.staff)}%（要求不低于 10%）`,
      `S&T staff ${pct(last.scienceTechStaff, last.staff)}% of all staff (at least 10% required)`,
      {
        measured: {
          'zh-CN': `${pct(last.scienceTechStaff, last.staff)}%（${last.scienceTechStaff} / ${last.staff} 人）`,
          en: `${pct(last.scienceTechStaff, last.staff)}% (${last.scienceTechStaff} of ${last.staff} people)`,
        },
        threshold: THRESHOLDS.science_tech_staff_share(null),
      },
    );

    const rd = years.reduce((s, y) => s + y.rdExpense, 0);
    const sales = years.reduce((s, y) => s + y.salesRevenue, 0);
    const required = requiredRdIntensityPercent(last.salesRevenue);
    const rdOk = sales > 0 && rd * 100 >= sales * required;
    add(
      'rd_intensity',
      rdOk,
      `近三年研发费用占销售收入 ${pct(rd, sales)}%（上年销售收入 ${(last.salesRevenue / MILLION).toFixed(2)} 百万元，要求不低于 ${required}%）`,
      `R&D over three years is ${pct(rd, sales)}% of sales (last year's sales ${(last.salesRevenue / MILLION).toFixed(2)}M CNY: at least ${required}% required)`,
      {
        measured: {
          'zh-CN': `${pct(rd, sales)}%（研发 ${(rd / MILLION).toFixed(2)} / 销售 ${(sales / MILLION).toFixed(2)} 百万元）`,
          en: `${pct(rd, sales)}% (R&D ${(rd / MILLION).toFixed(2)}M of sales ${(sales / MILLION).toFixed(2)}M CNY)`,
        },
        threshold: THRESHOLDS.rd_intensity(required),
      },
    );

    const domestic = years.reduce((s, y) => s + y.rdExpenseDomestic, 0);
    const domesticOk = rd > 0 && domestic * 10 >= rd * 6;
    add(
      'rd_domestic_share',
      domesticOk,
      `境内研发费用占比 ${pct(domestic, rd)}%（要求不低于 60%）`,
      `${pct(domestic, rd)}% of R&D spent inside China (at least 60% required)`,
      {
        measured: same(`${pct(domestic, rd)}%`),
        threshold: THRESHOLDS.rd_domestic_share(null),
      },
    );

    const htOk =
      last.totalRevenue > 0 &&
      last.highTechRevenue * 10 >= last.totalRevenue * 6;
    add(
      'high_tech_revenue_share',
      htOk,
      `上年高新技术产品（服务）收入占总收入 ${pct(last.highTechRevenue, last.totalRevenue)}%（要求不低于 60%）`,
      `High-tech products and services brought ${pct(last.highTechRevenue, last.totalRevenue)}% of last year's revenue (at least 60% required)`,
      {
        measured: same(`${pct(last.highTechRevenue, last.totalRevenue)}%`),
        threshold: THRESHOLDS.high_tech_revenue_share(null),
      },
    );
  }

  add(
    'no_major_incident',
    !input.majorIncidentLastYear,
    input.majorIncidentLastYear
      ? '申报前一年内发生重大安全、质量事故或严重环境违法行为'
      : '申报前一年内无重大安全、质量事故或严重环境违法行为',
    input.majorIncidentLastYear
      ? 'A major safety or quality accident or serious environmental violation in the year before'
      : 'No major safety or quality accident or serious environmental violation in the year before',
    {
      measured: input.majorIncidentLastYear
        ? { 'zh-CN': '申报有', en: 'Declared' }
        : { 'zh-CN': '申报无', en: 'None declared' },
      threshold: { 'zh-CN': '无', en: 'None' },
    },
  );

  const growth = growthScore(years);
  return {
    policy: HIGH_TECH_POLICY,
    passed: rules.every((r) => r.passed),
    rules,
    ...growth,
  };
}

/**
 * The growth part of the innovation score (企业成长性, max 20): net-asset growth and sales growth,
 * each rate = ½ × (y2/y1 + y3/y2) − 1, scored 10 / 8 / 6 / 4 / 2 / 0 for ≥35% / ≥25% / ≥15% /
 * ≥5% / >0 / ≤0. Experts pick within a band; this gives the band's top, so the enterprise sees
 * the best it can expect from its figures.
 */
export function growthScore(
  years: readonly CompanyYearFigures[],
): Pick<HighTechSelfCheck, 'growthScore' | 'growthExplanation'> {
  const sorted = [...years].sort((a, b) => a.year - b.year).slice(-3);
  const [y1, y2, y3] = sorted;
  if (!y1 || !y2 || !y3) {
    return {
      growthScore: null,
      growthExplanation: {
        'zh-CN': '成长性得分需要近三年的数据',
        en: 'The growth score needs three years of figures',
      },
    };
  }
  // Rounded to 0.01%: 1.25 and 1.15 are not exact in binary, and a boundary must not slip.
  const rate = (a: number, b: number, c: number) =>
    a > 0 && b > 0
      ? Math.round(((b / a + c / b) / 2 - 1) * 10_000) / 10_000
      : null;
  const band = (r: number | null) =>
    r === null || r <= 0
      ? 0
      : r >= 0.35
        ? 10
        : r >= 0.25
          ? 8
          : r >= 0.15
            ? 6
            : r >= 0.05
              ? 4
              : 2;
  const assets = rate(y1.netAssets, y2.netAssets, y3.netAssets);
  const sales = rate(y1.salesRevenue, y2.salesRevenue, y3.salesRevenue);
  const show = (r: number | null) =>
    r === null ? '—' : `${(r * 100).toFixed(1)}%`;
  return {
    growthScore: band(assets) + band(sales),
    growthExplanation: {
      'zh-CN': `净资产增长率 ${show(assets)}（${band(assets)} 分），销售收入增长率 ${show(sales)}（${band(sales)} 分）`,
      en: `Net-asset growth ${show(assets)} (${band(assets)} points), sales growth ${show(sales)} (${band(sales)} points)`,
    },
  };
}
