import { l } from '../../workflow/labels';
import type { Labels } from '../../workflow/workflow-definition';

/** One expert's innovation-capability score, every part a whole number of points. */
export interface ExpertScore {
  readonly ip: number;
  readonly transformation: number;
  readonly rd_management: number;
  readonly growth: number;
  readonly standard_bonus: number;
}

export type HighTechRubricPart = keyof ExpertScore;

/**
 * The innovation-capability rubric experts score (企业创新能力评价, 国科发火〔2016〕32号 工作指引):
 * four parts worth 100 points, and a bonus for drafting national or industry standards, test
 * methods or technical specifications.
 */
export const HIGH_TECH_RUBRIC = {
  ip: { max: 30, label: l('知识产权', 'Intellectual property') },
  transformation: {
    max: 30,
    label: l('科技成果转化能力', 'Transformation of S&T achievements'),
  },
  rd_management: {
    max: 20,
    label: l('研究开发组织管理水平', 'R&D organisation and management'),
  },
  growth: { max: 20, label: l('企业成长性', 'Company growth') },
  standard_bonus: {
    max: 2,
    label: l(
      '参与编制标准（加分项，加分后知识产权不超过 30 分）',
      'Drafting standards (bonus; intellectual property stays at most 30 with it)',
    ),
  },
} as const satisfies Record<
  HighTechRubricPart,
  { readonly max: number; readonly label: Labels }
>;

export const HIGH_TECH_RUBRIC_PARTS = Object.keys(
  HIGH_TECH_RUBRIC,
) as readonly HighTechRubricPart[];

/** 70分以上（不含70分）: a score passes only when it is above this. */
export const HIGH_TECH_PASS_THRESHOLD = 70;
/** The lowest whole-number score that passes. */
export const HIGH_TECH_PASS_SCORE = HIGH_TECH_PASS_THRESHOLD + 1;

export type ScoreProblemCode =
  | 'required'
  | 'not_integer'
  | 'out_of_range'
  | 'unknown_part';

export interface ScoreProblem {
  readonly part: string;
  readonly code: ScoreProblemCode;
}

export interface ScoreAggregate {
  readonly count: number;
  /** Per part, over the experts, to one decimal. */
  readonly average: { readonly [P in HighTechRubricPart]: number };
  /** The average of the experts' totals, to one decimal. */
  readonly total: number;
  readonly passes: boolean;
}

/** What is wrong with a submitted score: each part must be a whole number from 0 to its maximum. */
export function scoreProblems(score: Record<string, unknown>): ScoreProblem[] {
  const problems: ScoreProblem[] = [];
  for (const part of HIGH_TECH_RUBRIC_PARTS) {
    const value = score[part];
    if (value === undefined || value === null) {
      problems.push({ part, code: 'required' });
    } else if (typeof value !== 'number' || !Number.isInteger(value)) {
      problems.push({ part, code: 'not_integer' });
    } else if (value < 0 || value > HIGH_TECH_RUBRIC[part].max) {
      problems.push({ part, code: 'out_of_range' });
    }
  }
  for (const part of Object.keys(score)) {
    // Object.hasOwn, not `in`: 'toString' must not pass for a rubric part.
    if (!Object.hasOwn(HIGH_TECH_RUBRIC, part)) {
      problems.push({ part, code: 'unknown_part' });
    }
  }
  return problems;
}

/**
 * One expert's total. The standards bonus belongs to the intellectual-property part and the
 * guideline caps that part at 30 with the bonus included, so the total never exceeds 100.
 */
export function scoreTotal(score: ExpertScore): number {
  const ip = Math.min(score.ip + score.standard_bonus, HIGH_TECH_RUBRIC.ip.max);
  return ip + score.transformation + score.rd_management + score.growth;
}

/**
 * The panel's result: the arithmetic mean of the experts' scores, which must be above 70.
 * A mean is rarely whole, so passing is "above 70", not "at least 71": experts giving 70 and 71
 * average 70.5 and pass. It is decided on the exact mean, since 25 experts can average 70.04,
 * which passes although it reads 70.0.
 */
export function aggregateScores(
  scores: readonly ExpertScore[],
): ScoreAggregate {
  const count = scores.length;
  const sum = (points: (score: ExpertScore) => number) =>
    scores.reduce((acc, score) => acc + points(score), 0);
  const mean = (total: number) =>
    count === 0 ? 0 : Math.round((total * 10) / count) / 10;
  const totals = sum(scoreTotal);
  return {
    count,
    average: {
      ip: mean(sum((s) => s.ip)),
      transformation: mean(sum((s) => s.transformation)),
      rd_management: mean(sum((s) => s.rd_management)),
      growth: mean(sum((s) => s.growth)),
      standard_bonus: mean(sum((s) => s.standard_bonus)),
    },
    total: mean(totals),
    passes: count > 0 && totals > HIGH_TECH_PASS_THRESHOLD * count,
  };
}
