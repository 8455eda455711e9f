import { getDayDetail } from 'chinese-days';

/** A day the published calendar marks specially: a holiday's day off, or a make-up working day (调休). */
export interface PublishedSpecialDay {
  readonly date: string;
  readonly kind: 'holiday' | 'workday';
  /** The holiday it belongs to, as the library names it ("National Day,国庆节,3"). */
  readonly name: string;
}

/**
 * The year's holidays and make-up working days as published by the State Council and kept in
 * `chinese-days`; empty for a year the library does not know yet (then only overrides apply).
 * A day belongs to a holiday when the library names one for it; ordinary days carry a weekday.
 */
export function publishedSpecialDays(year: number): PublishedSpecialDay[] {
  const days: PublishedSpecialDay[] = [];
  for (
    let d = new Date(Date.UTC(year, 0, 1));
    d.getUTCFullYear() === year;
    d.setUTCDate(d.getUTCDate() + 1)
  ) {
    const date = d.toISOString().slice(0, 10);
    const detail = getDayDetail(date);
    if (!detail.name.includes(',')) continue;
    days.push({
      date,
      kind: detail.work ? 'workday' : 'holiday',
      name: detail.name,
    });
  }
  return days;
}
