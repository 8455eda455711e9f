import { publishedSpecialDays } from './published-days';

describe('publishedSpecialDays', () => {
  it("lists 2026's National Day off and its make-up Saturday, not ordinary weekends", () => {
    const days = publishedSpecialDays(2026);
    expect(days).toContainEqual(
      expect.objectContaining({ date: '2026-10-01', kind: 'holiday' }),
    );
    expect(days).toContainEqual(
      expect.objectContaining({ date: '2026-10-10', kind: 'workday' }),
    );
    expect(days.map((d) => d.date)).not.toContain('2026-01-10');
  });

  it('is empty for a year the library has no schedule for', () => {
    expect(publishedSpecialDays(2031)).toEqual([]);
  });
});
