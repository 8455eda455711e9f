import type { CompanyYearFigures, IpCounts } from '../../rules/company-figures';
import type { RuleResult } from '../high-tech/eligibility';
import { techSmeValidUntil } from '../transformation-loan/rules';
import { l } from '../../workflow/labels';
import type { Labels } from '../../workflow/workflow-definition';

/** 科技型中小企业评价办法 (the evaluation measures). */
export const TECH_SME_POLICY = '国科发政〔2017〕115号';

/** Size limits of a small or medium enterprise; money in whole yuan. */
export const TECH_SME_LIMITS = {
  maxStaff: 500,
  maxSalesRevenue: 200_000_000,
  maxTotalAssets: 200_000_000,
} as const;

/** The lowest total that passes (out of 100), provided the S&T staff part scores above 0. */
export const TECH_SME_PASS_SCORE = 60;

/** A band scores its points when the figure is at least `min`; a figure below every band scores 0. */
export interface TechSmeScoreBand {
  readonly min: number;
  readonly points: number;
}

// Every table is ordered highest band first: the first band a figure reaches is its band.

/** S&T staff as a percentage of all staff (max 20). */
export const TECH_SME_STAFF_SHARE_BANDS: readonly TechSmeScoreBand[] = [
  { min: 30, points: 20 },
  { min: 25, points: 16 },
  { min: 20, points: 12 },
  { min: 15, points: 8 },
  { min: 10, points: 4 },
];

/** R&D expense as a percentage of sales revenue (max 50). */
export const TECH_SME_RD_SALES_BANDS: readonly TechSmeScoreBand[] = [
  { min: 6, points: 50 },
  { min: 5, points: 40 },
  { min: 4, points: 30 },
  { min: 3, points: 20 },
  { min: 2, points: 10 },
];

/** R&D expense as a percentage of total costs (max 50); the better of this and the sales basis counts. */
export const TECH_SME_RD_COSTS_BANDS: readonly TechSmeScoreBand[] = [
  { min: 30, points: 50 },
  { min: 25, points: 40 },
  { min: 20, points: 30 },
  { min: 15, points: 20 },
  { min: 10, points: 10 },
];

/** Class-I IP items (max 30): a single one scores the whole part. */
export const TECH_SME_IP_CLASS_ONE_BANDS: readonly TechSmeScoreBand[] = [
  { min: 1, points: 30 },
];

/** Class-II IP items, counted only when there is no class-I item. */
export const TECH_SME_IP_CLASS_TWO_BANDS: readonly TechSmeScoreBand[] = [
  { min: 4, points: 24 },
  { min: 3, points: 18 },
  { min: 2, points: 12 },
  { min: 1, points: 6 },
];

export type TechSmeDirectQualification =
  | 'high_tech_certificate'
  | 'national_st_award'
  | 'provincial_rd_institution'
  | 'led_standard';

/** Any one of these replaces the score; the conditions still apply. */
export const TECH_SME_DIRECT_QUALIFICATIONS = {
  high_tech_certificate: l(
    '拥有有效期内的高新技术企业资格证书',
    'Holds a valid high-tech enterprise certificate',
  ),
  national_st_award: l(
    '近五年内获得过国家级科技奖励',
    'Received a national S&T award in the last five years',
  ),
  provincial_rd_institution: l(
    '拥有经认定的省部级以上研发机构',
    'Has an accredited R&D institution at provincial level or above',
  ),
  led_standard: l(
    '近五年内主导制定过国际标准、国家标准或行业标准',
    'Led an international, national or industry standard in the last five years',
  ),
} as const satisfies Record<TechSmeDirectQualification, Labels>;

export interface TechSmeEvaluationInput {
  /** The last fiscal year. */
  readonly figures: CompanyYearFigures;
  /** On the list of abnormal operations or of seriously dishonest enterprises. */
  readonly blacklisted: boolean;
  /** A serious safety or quality accident or environmental violation in the last three years. */
  readonly seriousIncidentInThreeYears: boolean;
  readonly directQualifications: readonly TechSmeDirectQualification[];
}

export type TechSmeConditionKey =
  | 'staff_limit'
  | 'sales_limit'
  | 'assets_limit'
  | 'not_blacklisted'
  | 'no_serious_incident';

export type TechSmeScorePart = 'staff' | 'rd' | 'ip';

export type TechSmeRdBasis = 'sales' | 'total_costs';

export interface TechSmeScore {
  readonly staff: number;
  readonly rd: number;
  /** Which R&D ratio scored; sales when both score the same. */
  readonly rdBasis: TechSmeRdBasis;
  readonly ip: number;
  readonly total: number;
}

export interface TechSmeEvaluation {
  readonly policy: string;
  readonly passed: boolean;
  readonly conditions: readonly RuleResult<TechSmeConditionKey>[];
  /** Always computed, also when the enterprise qualifies directly. */
  readonly score: TechSmeScore;
  /** One per score part; `passed` means the part scored points, which only the S&T staff part must. */
  readonly scoreRules: readonly RuleResult<TechSmeScorePart>[];
  readonly qualifiedDirectly: boolean;
  readonly directQualifications: readonly TechSmeDirectQualification[];
  /** A one-line summary of the verdict. */
  readonly explanation: Labels;
}

export interface TechSmeRegistrationPeriod {
  readonly evaluationYear: number;
  /** The registration number (入库编号) is valid until 31 March of the next year. */
  readonly validUntil: string;
  /** From this day the enterprise may file for the next evaluation year. */
  readonly refilingOpensOn: string;
  readonly explanation: Labels;
}

/** The evaluation: the conditions, the score and the direct qualifications, each with its reason. */
export function evaluateTechSme(
  input: TechSmeEvaluationInput,
): TechSmeEvaluation {
  const { figures } = input;
  const conditions = techSmeConditions(input);

  const staff = staffShareScore(figures);
  const rd = rdScore(figures);
  const ip = ipScore(figures.ip);
  const score: TechSmeScore = {
    staff: staff.points,
    rd: rd.points,
    rdBasis: rd.basis,
    ip: ip.points,
    total: staff.points + rd.points + ip.points,
  };
  const scoreRules: RuleResult<TechSmeScorePart>[] = [
    { rule: 'staff', passed: staff.points > 0, explanation: staff.explanation },
    { rule: 'rd', passed: rd.points > 0, explanation: rd.explanation },
    { rule: 'ip', passed: ip.points > 0, explanation: ip.explanation },
  ];

  const directQualifications = [...new Set(input.directQualifications)];
  const qualifiedDirectly = directQualifications.length > 0;
  const conditionsHold = conditions.every((c) => c.passed);
  const scorePasses = score.total >= TECH_SME_PASS_SCORE && score.staff > 0;

  return {
    policy: TECH_SME_POLICY,
    passed: conditionsHold && (qualifiedDirectly || scorePasses),
    conditions,
    score,
    scoreRules,
    qualifiedDirectly,
    directQualifications,
    explanation: summary(conditions, score, directQualifications),
  };
}

/** Re-filing for a new evaluation year opens on 1 January of the year after. */
export const techSmeRefilingOpensOn = (evaluationYear: number): string =>
  `${evaluationYear + 1}-01-01`;

/** How long an evaluation year's registration lasts, and when the next one may be filed. */
export function techSmeRegistrationPeriod(
  evaluationYear: number,
): TechSmeRegistrationPeriod {
  const validUntil = techSmeValidUntil(evaluationYear);
  const refilingOpensOn = techSmeRefilingOpensOn(evaluationYear);
  return {
    evaluationYear,
    validUntil,
    refilingOpensOn,
    explanation: l(
      `${evaluationYear} 年度入库编号有效期至 ${validUntil}；自 ${refilingOpensOn} 起可填报 ${evaluationYear + 1} 年度评价`,
      `The ${evaluationYear} registration number is valid until ${validUntil}; the ${evaluationYear + 1} evaluation may be filed from ${refilingOpensOn}`,
    ),
  };
}

function techSmeConditions(
  input: TechSmeEvaluationInput,
): RuleResult<TechSmeConditionKey>[] {
  const { figures } = input;
  const { maxStaff, maxSalesRevenue, maxTotalAssets } = TECH_SME_LIMITS;
  const condition = (
    rule: TechSmeConditionKey,
    passed: boolean,
    explanation: Labels,
  ): RuleResult<TechSmeConditionKey> => ({ rule, passed, explanation });

  const staffOk = figures.staff <= maxStaff;
  const salesOk = figures.salesRevenue <= maxSalesRevenue;
  const assetsOk = figures.totalAssets <= maxTotalAssets;
  return [
    condition(
      'staff_limit',
      staffOk,
      staffOk
        ? l(
            `职工总数 ${figures.staff} 人（不超过 ${maxStaff} 人）`,
            `${figures.staff} staff (at most ${maxStaff})`,
          )
        : l(
            `职工总数 ${figures.staff} 人，超过 ${maxStaff} 人`,
            `${figures.staff} staff: more than the ${maxStaff} allowed`,
          ),
    ),
    condition(
      'sales_limit',
      salesOk,
      salesOk
        ? l(
            `年销售收入 ${yuan(figures.salesRevenue)} 元（不超过 ${yuan(maxSalesRevenue)} 元）`,
            `Sales revenue CNY ${yuan(figures.salesRevenue)} (at most CNY ${yuan(maxSalesRevenue)})`,
          )
        : l(
            `年销售收入 ${yuan(figures.salesRevenue)} 元，超过 ${yuan(maxSalesRevenue)} 元`,
            `Sales revenue CNY ${yuan(figures.salesRevenue)}: more than the CNY ${yuan(maxSalesRevenue)} allowed`,
          ),
    ),
    condition(
      'assets_limit',
      assetsOk,
      assetsOk
        ? l(
            `资产总额 ${yuan(figures.totalAssets)} 元（不超过 ${yuan(maxTotalAssets)} 元）`,
            `Total assets CNY ${yuan(figures.totalAssets)} (at most CNY ${yuan(maxTotalAssets)})`,
          )
        : l(
            `资产总额 ${yuan(figures.totalAssets)} 元，超过 ${yuan(maxTotalAssets)} 元`,
            `Total assets CNY ${yuan(figures.totalAssets)}: more than the CNY ${yuan(maxTotalAssets)} allowed`,
          ),
    ),
    condition(
      'not_blacklisted',
      !input.blacklisted,
      input.blacklisted
        ? l(
            '已列入经营异常名录或严重违法失信企业名单',
            'On the list of abnormal operations or of seriously dishonest enterprises',
          )
        : l(
            '未列入经营异常名录和严重违法失信企业名单',
            'Not on the list of abnormal operations or of seriously dishonest enterprises',
          ),
    ),
    condition(
      'no_serious_incident',
      !input.seriousIncidentInThreeYears,
      input.seriousIncidentInThreeYears
        ? l(
            '近三年发生过重大安全、重大质量事故或严重环境违法行为',
            'A serious safety or quality accident or environmental violation in the last three years',
          )
        : l(
            '近三年未发生重大安全、重大质量事故或严重环境违法行为',
            'No serious safety or quality accident or environmental violation in the last three years',
          ),
    ),
  ];
}

interface PartScore {
  readonly points: number;
  readonly explanation: Labels;
}

function staffShareScore(figures: CompanyYearFigures): PartScore {
  const { points, share, note } = scoreShare(
    figures.scienceTechStaff,
    figures.staff,
    TECH_SME_STAFF_SHARE_BANDS,
    l('职工总数为 0', 'no staff reported'),
  );
  return {
    points,
    explanation: l(
      `科技人员占比 ${share}（${note['zh-CN']}）`,
      `S&T staff share ${share} (${note.en})`,
    ),
  };
}

function rdScore(
  figures: CompanyYearFigures,
): PartScore & { readonly basis: TechSmeRdBasis } {
  const sales = scoreShare(
    figures.rdExpense,
    figures.salesRevenue,
    TECH_SME_RD_SALES_BANDS,
    l('销售收入为 0', 'no sales revenue'),
  );
  const costs = scoreShare(
    figures.rdExpense,
    figures.totalCosts,
    TECH_SME_RD_COSTS_BANDS,
    l('成本费用总额为 0', 'no total costs'),
  );
  const basis: TechSmeRdBasis =
    costs.points > sales.points ? 'total_costs' : 'sales';
  const points = Math.max(sales.points, costs.points);
  return {
    points,
    basis,
    explanation: l(
      `研发费用占销售收入 ${sales.share}（${sales.note['zh-CN']}），占成本费用总额 ${costs.share}（${costs.note['zh-CN']}）；按${basis === 'sales' ? '销售收入' : '成本费用总额'}计 ${points} 分`,
      `R&D ${sales.share} of sales (${sales.note.en}), ${costs.share} of total costs (${costs.note.en}); the ${basis === 'sales' ? 'sales' : 'total-costs'} basis counts: ${points} points`,
    ),
  };
}

function ipScore(ip: IpCounts): PartScore {
  const classOne = reachedBand(
    TECH_SME_IP_CLASS_ONE_BANDS,
    (min) => ip.classOne >= min,
  );
  if (classOne) {
    const note = bandNote(classOne, TECH_SME_IP_CLASS_ONE_BANDS, ITEMS);
    return {
      points: classOne.points,
      explanation: l(
        `Ⅰ类知识产权 ${ip.classOne} 项（${note['zh-CN']}）`,
        `${ip.classOne} Class-I IP items (${note.en})`,
      ),
    };
  }
  const classTwo = reachedBand(
    TECH_SME_IP_CLASS_TWO_BANDS,
    (min) => ip.classTwo >= min,
  );
  const note = bandNote(classTwo, TECH_SME_IP_CLASS_TWO_BANDS, ITEMS);
  return {
    points: classTwo?.points ?? 0,
    explanation: l(
      `无Ⅰ类知识产权，Ⅱ类知识产权 ${ip.classTwo} 项（${note['zh-CN']}）`,
      `No Class-I IP; ${ip.classTwo} Class-II IP items (${note.en})`,
    ),
  };
}

/** The unit a band's `min` is in, as it follows the number ("≥20% 得 12 分", "≥1 项得 30 分"). */
const PERCENT = l('% ', '%');
const ITEMS = l(' 项', '');

/** The band table reader: the highest band the figure reaches, or null below every band. */
function reachedBand(
  bands: readonly TechSmeScoreBand[],
  reaches: (min: number) => boolean,
): TechSmeScoreBand | null {
  return bands.find((band) => reaches(band.min)) ?? null;
}

function bandNote(
  band: TechSmeScoreBand | null,
  bands: readonly TechSmeScoreBand[],
  unit: Labels,
): Labels {
  if (band) {
    return l(
      `≥${band.min}${unit['zh-CN']}得 ${band.points} 分`,
      `≥${band.min}${unit.en} scores ${band.points}`,
    );
  }
  const lowest = Math.min(...bands.map((b) => b.min));
  return l(
    `低于 ${lowest}${unit['zh-CN']}得 0 分`,
    `below ${lowest}${unit.en} scores 0`,
  );
}

/**
 * Scores numerator/denominator as a percentage against the bands. The bands are whole percents, so
 * the comparison stays in integers and a boundary cannot slip (3/10 is exactly 30%).
 */
function scoreShare(
  numerator: number,
  denominator: number,
  bands: readonly TechSmeScoreBand[],
  noDenominator: Labels,
): { readonly points: number; readonly share: string; readonly note: Labels } {
  if (denominator <= 0) {
    return {
      points: 0,
      share: '—',
      note: l(
        `${noDenominator['zh-CN']}，得 0 分`,
        `${noDenominator.en}, scores 0`,
      ),
    };
  }
  const band = reachedBand(
    bands,
    (min) => numerator * 100 >= denominator * min,
  );
  return {
    points: band?.points ?? 0,
    // Truncated, not rounded: 5.999% shows as 5.99%, never as the 6% band it does not reach.
    share: `${Math.floor((numerator * 10_000) / denominator) / 100}%`,
    note: bandNote(band, bands, PERCENT),
  };
}

const yuan = (amount: number) => amount.toLocaleString('en-US');

function summary(
  conditions: readonly RuleResult<TechSmeConditionKey>[],
  score: TechSmeScore,
  directQualifications: readonly TechSmeDirectQualification[],
): Labels {
  const failed = conditions.filter((c) => !c.passed);
  if (failed.length > 0) {
    return l(
      `不符合评价条件：${failed.map((c) => c.explanation['zh-CN']).join('；')}`,
      `Not eligible: ${failed.map((c) => c.explanation.en).join('; ')}`,
    );
  }
  const parts = l(
    `评价得分 ${score.total} 分（科技人员 ${score.staff}、研发投入 ${score.rd}、知识产权 ${score.ip}）`,
    `Score ${score.total} (S&T staff ${score.staff}, R&D ${score.rd}, IP ${score.ip})`,
  );
  if (directQualifications.length > 0) {
    const reasons = directQualifications.map(
      (q) => TECH_SME_DIRECT_QUALIFICATIONS[q],
    );
    return l(
      `符合评价条件，直接入库：${reasons.map((r) => r['zh-CN']).join('；')}；${parts['zh-CN']}`,
      `Eligible and qualified directly: ${reasons.map((r) => r.en).join('; ')}; ${parts.en}`,
    );
  }
  if (score.staff === 0) {
    return l(
      `${parts['zh-CN']}，但科技人员指标得 0 分，不符合入库条件`,
      `${parts.en}, but the S&T staff part scores 0, which rules it out`,
    );
  }
  if (score.total < TECH_SME_PASS_SCORE) {
    return l(
      `${parts['zh-CN']}，低于 ${TECH_SME_PASS_SCORE} 分`,
      `${parts.en}: below the ${TECH_SME_PASS_SCORE} needed`,
    );
  }
  return l(
    `${parts['zh-CN']}，不低于 ${TECH_SME_PASS_SCORE} 分，符合入库条件`,
    `${parts.en}: at least ${TECH_SME_PASS_SCORE}, meets the evaluation`,
  );
}
