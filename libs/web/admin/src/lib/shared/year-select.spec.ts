import { portalYear, yearsAround } from './year-select';

describe('year choice', () => {
  it("takes the year in Beijing from the portal's clock", () => {
    const clock = { offsetMs: 0, moved: false, movable: true };
    expect(portalYear({ ...clock, now: '2026-12-31T15:59:00.000Z' })).toBe(
      2026,
    );
    expect(portalYear({ ...clock, now: '2026-12-31T16:00:00.000Z' })).toBe(
      2027,
    );
  });

  it('lists the years around one', () => {
    expect(yearsAround(2026, 1, 2)).toEqual([2025, 2026, 2027, 2028]);
  });
});
