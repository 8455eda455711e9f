import {
  SEED_REPORT_TARGETS,
  TARGET_MEASURE_KEYS,
  targetValueProblem,
} from './yearly-targets';

describe('yearly target measures', () => {
  it('the seed report gives a valid value for every measure', () => {
    for (const key of TARGET_MEASURE_KEYS)
      expect(targetValueProblem(key, SEED_REPORT_TARGETS[key])).toBeNull();
  });

  it('counts are whole numbers, a percentage has two decimals and stays within 100', () => {
    expect(targetValueProblem('high_tech_gained', 6.5)).toBe(
      'Use a whole number',
    );
    expect(targetValueProblem('rd_share_of_gdp', 1.75)).toBeNull();
    expect(targetValueProblem('rd_share_of_gdp', 1.755)).toBe(
      'Use at most two decimals',
    );
    expect(targetValueProblem('rd_share_of_gdp', 101)).toBe('Use at most 100');
    expect(targetValueProblem('platforms', -1)).toBe(
      'Use a number of 0 or more',
    );
  });
});
