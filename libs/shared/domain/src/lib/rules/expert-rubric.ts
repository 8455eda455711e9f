import type { Labels } from '../workflow/workflow-definition';

/** One expert's score: whole points per rubric part. */
export type ExpertScore = Readonly<Record<string, number>>;

export interface RubricPart {
  readonly key: string;
  readonly max: number;
  readonly label: Labels;
}

/** What experts score a programme's cases on, and what a panel's mean must exceed. */
export interface Rubric {
  readonly parts: readonly RubricPart[];
  /** A panel passes when the mean of its totals is above this (not "at least"). */
  readonly passAbove: number;
  /** One expert's total: the parts' sum unless the rubric folds or caps some (a bonus). */
  readonly total: (score: ExpertScore) => number;
}

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
  readonly average: Readonly<Record<string, number>>;
  /** The mean of the experts' totals, to one decimal. */
  readonly total: number;
  readonly passes: boolean;
}

/** A rubric whose total is the sum of its parts. */
export function summedRubric(
  parts: readonly RubricPart[],
  passAbove: number,
): Rubric {
  return {
    parts,
    passAbove,
    total: (score) => parts.reduce((sum, p) => sum + (score[p.key] ?? 0), 0),
  };
}

/** What is wrong with a submitted score: each part a whole number from 0 to its maximum. */
export function rubricScoreProblems(
  rubric: Rubric,
  score: Readonly<Record<string, unknown>>,
): ScoreProblem[] {
  const problems: ScoreProblem[] = [];
  for (const { key, max } of rubric.parts) {
    const value = score[key];
    if (value === undefined || value === null)
      problems.push({ part: key, code: 'required' });
    else if (typeof value !== 'number' || !Number.isInteger(value))
      problems.push({ part: key, code: 'not_integer' });
    else if (value < 0 || value > max)
      problems.push({ part: key, code: 'out_of_range' });
  }
  const known = new Set(rubric.parts.map((p) => p.key));
  for (const part of Object.keys(score))
    if (!known.has(part)) problems.push({ part, code: 'unknown_part' });
  return problems;
}

/**
 * The panel's result: the arithmetic mean of the experts' totals, which must be above the
 * rubric's threshold, decided on the exact mean (25 experts can average 70.04, which passes
 * although it reads 70.0).
 */
export function rubricAggregate(
  rubric: Rubric,
  scores: readonly ExpertScore[],
): ScoreAggregate {
  const count = scores.length;
  const sum = (points: (score: ExpertScore) => number) =>
    scores.reduce((acc, score) => acc + points(score), 0);
  const mean = (total: number) =>
    count === 0 ? 0 : Math.round((total * 10) / count) / 10;
  const totals = sum(rubric.total);
  return {
    count,
    average: Object.fromEntries(
      rubric.parts.map((p) => [p.key, mean(sum((s) => s[p.key] ?? 0))]),
    ),
    total: mean(totals),
    passes: count > 0 && totals > rubric.passAbove * count,
  };
}
