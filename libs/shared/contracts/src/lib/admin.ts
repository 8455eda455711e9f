import type { TargetValues } from '@portal/domain';
export type AuditResult = 'success' | 'failure' | 'denied';

export interface AuditEntryView {
  readonly id: string;
  readonly at: string;
  readonly userId: string | null;
  readonly userEmail: string | null;
  readonly ip: string | null;
  readonly action: string;
  readonly objectType: string | null;
  readonly objectId: string | null;
  readonly result: AuditResult;
  readonly detail: Record<string, unknown> | null;
}

export interface OutboxMailView {
  readonly file: string;
  readonly at: string;
  readonly to: string;
  readonly subject: string;
}

export type HealthState = 'up' | 'down';

export interface HealthView {
  readonly status: 'ok' | 'degraded';
  readonly database: HealthState;
  readonly redis: HealthState;
}

/** A day marked differently from the published holiday calendar. */
export interface CalendarOverrideView {
  readonly date: string;
  readonly kind: 'holiday' | 'workday';
  readonly note: string;
  /** After a change: the calendar revision it created. */
  readonly revision?: number;
}

/** GET /api/admin/calendar/years/:year: the published calendar's special days and the overrides. */
export interface CalendarYearView {
  readonly year: number;
  /** The overrides' revision: each change moves it on, and every clock rereads them then. */
  readonly revision: number;
  /** Days off on a weekday and make-up working days on a weekend, as published (chinese-days). */
  readonly published: readonly CalendarPublishedDay[];
  /** The local overrides within the year. */
  readonly overrides: readonly CalendarOverrideView[];
}

export interface CalendarPublishedDay {
  readonly date: string;
  readonly kind: 'holiday' | 'workday';
  /** The holiday's name, as the library gives it (e.g. "National Day,国庆节,3"). */
  readonly name: string;
}

export interface CalendarOverrideRequest {
  readonly kind: 'holiday' | 'workday';
  readonly note: string;
}

/** The portal's business clock: real time unless a development clock moved it forward. */
export interface PortalClockView {
  /** The portal's now, ISO 8601. */
  readonly now: string;
  /** How far ahead of real time, in ms. */
  readonly offsetMs: number;
  /** Whether a development clock has moved it (the web app shows a banner). */
  readonly moved: boolean;
  /** Whether a system administrator may move it here (DEV_CLOCK; never in production). */
  readonly movable: boolean;
}

/** Move the development clock forward: to a time, or by whole days. Exactly one of the two. */
export interface MoveClockRequest {
  readonly advanceTo?: string;
  readonly advanceDays?: number;
}

export interface MoveClockResult extends PortalClockView {
  /** Where the clock stood before. */
  readonly from: string;
  /** Timers that came due and ran, in due order. */
  readonly fired: number;
  /** Timers due that had not finished when the move gave up waiting (no worker running?). */
  readonly pending: number;
}

/** A region's targets for a year as its bureau sees them (values keyed by TARGET_MEASURES). */
export interface YearlyTargetView {
  readonly regionCode: string;
  readonly regionName: string;
  readonly level: 'province' | 'city' | 'county';
  readonly year: number;
  /** Empty until the bureau sets them. */
  readonly values: TargetValues;
  /** The region's GDP for the year, in 万元; null until entered. */
  readonly gdpWanYuan: number | null;
  readonly updatedAt: string | null;
}

/** PUT /api/admin/targets?year=&region=: every measure, and the GDP if known. */
export interface YearlyTargetRequest {
  readonly values: TargetValues;
  readonly gdpWanYuan?: number | null;
}
