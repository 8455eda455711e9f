import {
  rubricAggregate,
  rubricScoreProblems,
  type ExpertScore,
  type Rubric,
  type ScoreAggregate,
  type ScoreProblem,
} from '../../rules/expert-rubric';
import { l } from '../../workflow/labels';
import type { Labels } from '../../workflow/workflow-definition';

/** One expert's innovation-capability score, every part a whole number of points. */
export type HighTechExpertScore = {
  readonly ip: number;
  readonly transformation: number;
  readonly rd_management: number;
  readonly growth: number;
  readonly standard_bonus: number;
};

export type HighTechRubricPart = keyof HighTechExpertScore;
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

/**
 * The rubric as the engine reads it. The standards bonus belongs to the intellectual-property
 * part and the guideline caps that part at 30 with the bonus included, so a total never
 * exceeds 100.
 */
export const HIGH_TECH_EXPERT_RUBRIC: Rubric = {
  parts: HIGH_TECH_RUBRIC_PARTS.map((key) => ({
    key,
    ...HIGH_TECH_RUBRIC[key],
  })),
  passAbove: HIGH_TECH_PASS_THRESHOLD,
  total: (score) =>
    Math.min(
      (score['ip'] ?? 0) + (score['standard_bonus'] ?? 0),
      HIGH_TECH_RUBRIC.ip.max,
    ) +
    (score['transformation'] ?? 0) +
    (score['rd_management'] ?? 0) +
    (score['growth'] ?? 0),
};

/** What is wrong with a submitted score: each part must be a whole number from 0 to its maximum. */
export const scoreProblems = (
  score: Readonly<Record<string, unknown>>,
): ScoreProblem[] => rubricScoreProblems(HIGH_TECH_EXPERT_RUBRIC, score);

/** One expert's total, the bonus folded into intellectual property (at most 30). */
export const scoreTotal = (score: ExpertScore): number =>
  HIGH_TECH_EXPERT_RUBRIC.total(score);

/** The panel's mean, which must be above 70 (experts giving 70 and 71 average 70.5 and pass). */
export const aggregateScores = (
  scores: readonly ExpertScore[],
): ScoreAggregate => rubricAggregate(HIGH_TECH_EXPERT_RUBRIC, scores);
