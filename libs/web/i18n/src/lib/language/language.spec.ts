import { beijingDayStart, formatClockTime, formatDateTime } from './language';

describe('formatDateTime', () => {
  it('shows an instant in Beijing time whatever the browser’s zone', () => {
    // 16:30 UTC is half past midnight of the next day in Beijing.
    expect(formatDateTime('2026-12-07T16:30:00.000Z', 'zh-CN')).toBe(
      '2026年12月8日 00:30',
    );
    expect(formatDateTime('2026-12-07T16:30:00.000Z', 'en')).toBe(
      'Dec 8, 2026, 12:30 AM',
    );
  });

  it('leaves an empty value empty and an unreadable one as it came', () => {
    expect(formatDateTime(null, 'zh-CN')).toBe('');
    expect(formatDateTime('not a date', 'en')).toBe('not a date');
  });
});

describe('formatClockTime and beijingDayStart', () => {
  it('reads the clock and the day in Beijing', () => {
    expect(formatClockTime(new Date('2026-12-07T16:05:00.000Z'))).toBe('00:05');
    // The 8th of December as picked is from 16:00 UTC on the 7th.
    expect(beijingDayStart(new Date(2026, 11, 8))).toBe(
      '2026-12-07T16:00:00.000Z',
    );
    expect(beijingDayStart(new Date(2026, 11, 31), 1)).toBe(
      '2026-12-31T16:00:00.000Z',
    );
  });
});
