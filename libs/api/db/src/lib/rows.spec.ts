import { rawDate, rawDateOrNull } from './rows';

describe('rawDate', () => {
  it("reads MariaDB's DATETIME(6) string as UTC, microseconds cut to milliseconds", () => {
    expect(rawDate('2026-03-01 08:15:30.123456').toISOString()).toBe(
      '2026-03-01T08:15:30.123Z',
    );
  });

  it("reads SQLite's stored string and zoned strings as given", () => {
    expect(rawDate('2026-03-01 08:15:30.123').toISOString()).toBe(
      '2026-03-01T08:15:30.123Z',
    );
    expect(rawDate('2026-03-01T08:15:30.000+08:00').toISOString()).toBe(
      '2026-03-01T00:15:30.000Z',
    );
  });

  it('passes Dates and nulls through', () => {
    const at = new Date('2026-03-01T00:00:00Z');
    expect(rawDate(at)).toBe(at);
    expect(rawDateOrNull(null)).toBeNull();
  });
});
