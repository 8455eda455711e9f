import {
  addWorkingDays,
  isWorkingDay,
  workingDaysBetween,
} from './working-days';

describe('working days (China, with holidays and adjusted working days)', () => {
  it('knows the National Day holiday and the adjusted Saturday working day of 2026', () => {
    expect(isWorkingDay('2026-10-01')).toBe(false); // National Day
    expect(isWorkingDay('2026-10-07')).toBe(false);
    expect(isWorkingDay('2026-10-08')).toBe(true);
    expect(isWorkingDay('2026-10-10')).toBe(true); // Saturday, worked in lieu
    expect(isWorkingDay('2026-10-11')).toBe(false); // an ordinary Sunday
  });

  it('counts a limit across a holiday: 10 working days from 30 September 2026', () => {
    // 9-30 (Wed) is the arrival day; 10-01..10-07 off; 10-08, 09, 10 (Sat, worked), 12..16, 19, 20
    expect(addWorkingDays('2026-09-30', 10)).toBe('2026-10-20');
    expect(workingDaysBetween('2026-09-30', '2026-10-20')).toBe(10);
  });

  it('counts ordinary weeks as five days', () => {
    expect(addWorkingDays('2026-11-27', 5)).toBe('2026-12-04'); // Friday to Friday
    expect(workingDaysBetween('2026-11-27', '2026-11-27')).toBe(0);
  });

  it('applies an administrator override on top of the published calendar', () => {
    const overrides = { holidays: ['2026-12-01'], workdays: ['2026-11-28'] };
    expect(isWorkingDay('2026-12-01', overrides)).toBe(false);
    expect(isWorkingDay('2026-11-28', overrides)).toBe(true);
    expect(addWorkingDays('2026-11-27', 2, overrides)).toBe('2026-11-30');
  });

  it('refuses dates and counts that are not, every time they are asked', () => {
    expect(() => isWorkingDay('2026-13-01')).toThrow(/Not an ISO date/);
    for (let i = 0; i < 2; i++) {
      expect(() => addWorkingDays('2026-11-27', -1)).toThrow(/whole number/);
      expect(() => workingDaysBetween('2026-11-27', '2026-13-01')).toThrow(
        /Not an ISO date/,
      );
    }
  });

  it('answers a repeated question from memory, per set of overrides: a new set is asked afresh', () => {
    const none = { holidays: [], workdays: [] };
    expect(addWorkingDays('2026-11-27', 2, none)).toBe('2026-12-01');
    expect(addWorkingDays('2026-11-27', 2, none)).toBe('2026-12-01');
    // The same day closed by a new revision of the overrides: a different answer.
    const closed = { holidays: ['2026-11-30'], workdays: [] };
    expect(addWorkingDays('2026-11-27', 2, closed)).toBe('2026-12-02');
    expect(workingDaysBetween('2026-11-27', '2026-12-02', closed)).toBe(2);
    expect(workingDaysBetween('2026-11-27', '2026-12-02', none)).toBe(3);
    expect(addWorkingDays('2026-11-27', 2, none)).toBe('2026-12-01');
  });
});
