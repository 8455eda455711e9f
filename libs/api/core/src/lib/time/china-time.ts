const CHINA_OFFSET_MS = 8 * 60 * 60 * 1000;

/** The calendar date in China (UTC+8, no daylight saving) at an instant. */
export function chinaDate(at: Date): string {
  return new Date(at.getTime() + CHINA_OFFSET_MS).toISOString().slice(0, 10);
}

/** The last moment of a date in China: a limit ending on that day ends here. */
export function endOfChinaDay(date: string): Date {
  return new Date(`${date}T23:59:59.999+08:00`);
}

/** 09:00 on a date in China: when reminders go out. */
export function chinaMorning(date: string): Date {
  return new Date(`${date}T09:00:00+08:00`);
}
