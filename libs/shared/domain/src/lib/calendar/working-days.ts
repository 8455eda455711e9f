import { isWorkday } from 'chinese-days';

/**
 * Days the bureau's administrator marks differently from the published calendar: a holiday
 * schedule announced after the library's release, or a local closure.
 */
export interface CalendarOverrides {
  readonly holidays: readonly string[];
  readonly workdays: readonly string[];
}

export const NO_OVERRIDES: CalendarOverrides = { holidays: [], workdays: [] };

const ISO_DATE = /^\d{4}-\d\d-\d\d$/;

function assertDate(date: string): void {
  if (!ISO_DATE.test(date) || Number.isNaN(Date.parse(date)))
    throw new Error(`Not an ISO date: ${date}`);
}

/**
 * Answers per overrides object. The API keeps one object per calendar revision, and its
 * transitions ask the same few questions of it (today plus each stage's limit); counting day by
 * day through the holiday tables each time was ~3 % of a transition's CPU. Overrides are never
 * changed after they are made (a new revision is a new object).
 */
const answers = new WeakMap<CalendarOverrides, Map<string, string | number>>();
const MAX_ANSWERS = 10_000;

function remembered<T extends string | number>(
  overrides: CalendarOverrides,
  question: string,
  answer: () => T,
): T {
  let known = answers.get(overrides);
  if (!known) answers.set(overrides, (known = new Map()));
  const found = known.get(question) as T | undefined;
  if (found !== undefined) return found;
  const value = answer();
  if (known.size < MAX_ANSWERS) known.set(question, value);
  return value;
}

function nextDay(date: string, step: 1 | -1): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + step);
  return d.toISOString().slice(0, 10);
}

/**
 * Whether a date is a working day in China: official holidays off, adjusted working days
 * (调休, often a weekend) on, as published by the State Council and kept in `chinese-days`.
 */
export function isWorkingDay(
  date: string,
  overrides: CalendarOverrides = NO_OVERRIDES,
): boolean {
  assertDate(date);
  if (overrides.holidays.includes(date)) return false;
  if (overrides.workdays.includes(date)) return true;
  return isWorkday(date);
}

/**
 * The day a limit of `days` working days ends, counting from the working day after `start`
 * (the day a case arrives does not count).
 */
export function addWorkingDays(
  start: string,
  days: number,
  overrides: CalendarOverrides = NO_OVERRIDES,
): string {
  return remembered(overrides, `add:${start}:${days}`, () => {
    assertDate(start);
    if (!Number.isInteger(days) || days < 0)
      throw new Error(`Working days must be a whole number ≥ 0, got ${days}`);
    let date = start;
    for (let counted = 0; counted < days; ) {
      date = nextDay(date, 1);
      if (isWorkingDay(date, overrides)) counted++;
    }
    return date;
  });
}

/** Working days after `from` up to and including `to` (0 when `to` is not after `from`). */
export function workingDaysBetween(
  from: string,
  to: string,
  overrides: CalendarOverrides = NO_OVERRIDES,
): number {
  return remembered(overrides, `between:${from}:${to}`, () => {
    assertDate(from);
    assertDate(to);
    let count = 0;
    for (let date = nextDay(from, 1); date <= to; date = nextDay(date, 1)) {
      if (isWorkingDay(date, overrides)) count++;
    }
    return count;
  });
}

/** Working days from `today` to a due date; negative once the date has passed. */
export function workingDaysLeft(
  today: string,
  dueOn: string,
  overrides: CalendarOverrides = NO_OVERRIDES,
): number {
  return dueOn >= today
    ? workingDaysBetween(today, dueOn, overrides)
    : -workingDaysBetween(dueOn, today, overrides);
}
