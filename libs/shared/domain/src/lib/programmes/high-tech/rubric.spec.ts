import {
  aggregateScores,
  HIGH_TECH_PASS_SCORE,
  HIGH_TECH_RUBRIC,
  HIGH_TECH_RUBRIC_PARTS,
  scoreProblems,
  scoreTotal,
  type HighTechExpertScore as ExpertScore,
} from './rubric';

function score(overrides: Partial<ExpertScore> = {}): ExpertScore {
  return {
    ip: 20,
    transformation: 20,
    rd_management: 15,
    growth: 15,
    standard_bonus: 0,
    ...overrides,
  };
}

/** A score adding up to `total` (55 to 75) without the bonus. */
const totalling = (total: number) => score({ growth: total - 55 });

describe('high-tech innovation-capability rubric', () => {
  it('is worth 100 points in four parts, plus a bonus of 2', () => {
    expect(HIGH_TECH_RUBRIC_PARTS).toEqual([
      'ip',
      'transformation',
      'rd_management',
      'growth',
      'standard_bonus',
    ]);
    const main = HIGH_TECH_RUBRIC_PARTS.filter((p) => p !== 'standard_bonus');
    expect(main.reduce((s, p) => s + HIGH_TECH_RUBRIC[p].max, 0)).toBe(100);
    expect(HIGH_TECH_RUBRIC.standard_bonus.max).toBe(2);
    for (const part of HIGH_TECH_RUBRIC_PARTS) {
      expect(HIGH_TECH_RUBRIC[part].label['zh-CN'].length).toBeGreaterThan(0);
      expect(HIGH_TECH_RUBRIC[part].label.en.length).toBeGreaterThan(0);
    }
  });

  describe('score validation', () => {
    it('accepts whole numbers from 0 to each maximum', () => {
      expect(scoreProblems({ ...score() })).toEqual([]);
      expect(
        scoreProblems({
          ip: 0,
          transformation: 0,
          rd_management: 0,
          growth: 0,
          standard_bonus: 0,
        }),
      ).toEqual([]);
      expect(
        scoreProblems({
          ip: 30,
          transformation: 30,
          rd_management: 20,
          growth: 20,
          standard_bonus: 2,
        }),
      ).toEqual([]);
    });

    it('rejects a part just outside its range', () => {
      expect(
        scoreProblems({
          ip: 31,
          transformation: -1,
          rd_management: 21,
          growth: 21,
          standard_bonus: 3,
        }),
      ).toEqual([
        { part: 'ip', code: 'out_of_range' },
        { part: 'transformation', code: 'out_of_range' },
        { part: 'rd_management', code: 'out_of_range' },
        { part: 'growth', code: 'out_of_range' },
        { part: 'standard_bonus', code: 'out_of_range' },
      ]);
    });

    it('rejects fractions, numeric strings and non-numbers', () => {
      expect(
        scoreProblems({
          ...score(),
          ip: 12.5,
          transformation: '20',
          rd_management: Number.NaN,
          growth: Number.POSITIVE_INFINITY,
        }),
      ).toEqual([
        { part: 'ip', code: 'not_integer' },
        { part: 'transformation', code: 'not_integer' },
        { part: 'rd_management', code: 'not_integer' },
        { part: 'growth', code: 'not_integer' },
      ]);
    });

    it('requires every part, the bonus included', () => {
      expect(scoreProblems({})).toEqual(
        HIGH_TECH_RUBRIC_PARTS.map((part) => ({ part, code: 'required' })),
      );
      expect(scoreProblems({ ...score(), growth: null })).toEqual([
        { part: 'growth', code: 'required' },
      ]);
    });

    it('rejects parts the rubric does not have, inherited names included', () => {
      expect(scoreProblems({ ...score(), bonus: 1, toString: 1 })).toEqual([
        { part: 'bonus', code: 'unknown_part' },
        { part: 'toString', code: 'unknown_part' },
      ]);
    });
  });

  describe('total', () => {
    it('adds the parts', () => {
      expect(scoreTotal(score())).toBe(70);
      expect(scoreTotal(score({ standard_bonus: 2 }))).toBe(72);
    });

    it('caps intellectual property at 30 with the standards bonus', () => {
      expect(scoreTotal(score({ ip: 29, standard_bonus: 2 }))).toBe(80);
      expect(
        scoreTotal({
          ip: 30,
          transformation: 30,
          rd_management: 20,
          growth: 20,
          standard_bonus: 2,
        }),
      ).toBe(100);
    });
  });

  describe('aggregate', () => {
    it('fails at 70 and passes at 71', () => {
      expect(HIGH_TECH_PASS_SCORE).toBe(71);
      expect(aggregateScores([totalling(70), totalling(70)])).toMatchObject({
        total: 70,
        passes: false,
      });
      expect(aggregateScores([totalling(71), totalling(71)])).toMatchObject({
        total: 71,
        passes: true,
      });
    });

    it('passes a mean above 70 that is not whole', () => {
      expect(aggregateScores([totalling(70), totalling(71)])).toMatchObject({
        total: 70.5,
        passes: true,
      });
    });

    it('decides on the exact mean, not the rounded one', () => {
      const scores = [
        totalling(71),
        ...Array.from({ length: 24 }, () => totalling(70)),
      ];
      expect(aggregateScores(scores)).toMatchObject({
        count: 25,
        total: 70,
        passes: true,
      });
    });

    it('lets the standards bonus lift a panel over the line', () => {
      const result = aggregateScores([
        score({ standard_bonus: 1 }),
        score({ standard_bonus: 1 }),
      ]);
      expect(result.total).toBe(71);
      expect(result.passes).toBe(true);
    });

    it('averages each part and the totals to one decimal', () => {
      const result = aggregateScores([
        score({ ip: 28, growth: 12, standard_bonus: 1 }),
        score({ ip: 25, growth: 13 }),
        score({ ip: 29, growth: 13, standard_bonus: 2 }),
      ]);
      expect(result.count).toBe(3);
      expect(result.average).toEqual({
        ip: 27.3,
        transformation: 20,
        rd_management: 15,
        growth: 12.7,
        standard_bonus: 1,
      });
      // Totals 76, 73 and 78: the third expert's 29 + 2 for intellectual property is capped at 30.
      expect(result.total).toBe(75.7);
      expect(result.passes).toBe(true);
    });

    it('rounds a mean ending in 5 up', () => {
      // 1401 / 20 = 70.05
      const scores = [
        totalling(71),
        ...Array.from({ length: 19 }, () => totalling(70)),
      ];
      expect(aggregateScores(scores).total).toBe(70.1);
    });

    it('reports an empty panel as zero and not passing', () => {
      expect(aggregateScores([])).toEqual({
        count: 0,
        average: {
          ip: 0,
          transformation: 0,
          rd_management: 0,
          growth: 0,
          standard_bonus: 0,
        },
        total: 0,
        passes: false,
      });
    });
  });
});
