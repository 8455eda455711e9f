import { LANGUAGES, type Language } from '@portal/contracts';

export function isLanguage(value: unknown): value is Language {
  return (
    typeof value === 'string' &&
    (LANGUAGES as readonly string[]).includes(value)
  );
}

/** The other language: what the header's switch offers. */
export function otherLanguage(language: Language): Language {
  return language === 'zh-CN' ? 'en' : 'zh-CN';
}

/** Times are shown as the bureaus keep them: China Standard Time (no daylight saving). */
export const PORTAL_TIME_ZONE = 'Asia/Shanghai';

/** Dates as a person in that language reads them, in Beijing time whatever the browser's zone. */
export function formatDateTime(
  value: string | Date | null | undefined,
  language: Language,
): string {
  if (value === null || value === undefined || value === '') return '';
  const date = value instanceof Date ? value : new Date(value);
  if (Number.isNaN(date.getTime())) return String(value);
  return new Intl.DateTimeFormat(language, {
    dateStyle: 'medium',
    timeStyle: 'short',
    // The bureaus' time, whatever the browser's: a deadline at 17:00 reads 17:00 everywhere.
    timeZone: PORTAL_TIME_ZONE,
  }).format(date);
}

/** A time of day as hh:mm (24 hours) in Beijing time, e.g. when a draft was last saved. */
export function formatClockTime(value: Date): string {
  return new Intl.DateTimeFormat('en-GB', {
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZone: PORTAL_TIME_ZONE,
  }).format(value);
}

/**
 * The first instant of a calendar day picked in a date picker (its year, month and day as
 * shown), in Beijing time, and of the day `plusDays` after: what a search "from this day" means.
 */
export function beijingDayStart(picked: Date, plusDays = 0): string {
  const day = new Date(
    Date.UTC(
      picked.getFullYear(),
      picked.getMonth(),
      picked.getDate() + plusDays,
    ),
  );
  return new Date(
    `${day.toISOString().slice(0, 10)}T00:00:00+08:00`,
  ).toISOString();
}
