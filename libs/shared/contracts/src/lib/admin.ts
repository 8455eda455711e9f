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
}

export interface CalendarOverrideRequest {
  readonly kind: 'holiday' | 'workday';
  readonly note: string;
}
