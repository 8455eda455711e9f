import type {
  ApplicantDeadline,
  ApplicationPhase,
  ApplicationType,
  DeadlineUrgency,
} from '@portal/domain';
import type { ApplicationSummary } from './applications';

/** GET /api/applications: the company's own cases, filtered; keyset-paged, newest first. */
export interface MyApplicationsQuery {
  readonly type?: ApplicationType;
  readonly phase?: ApplicationPhase;
  /** The year the case was started (Beijing time). */
  readonly year?: number;
  /** Part of the reference number or of the call's title. */
  readonly q?: string;
  readonly cursor?: string;
  readonly limit?: number;
}

/** The next deadline the company has to meet on a case, counted on the bureau's calendar. */
export interface ApplicantDeadlineView extends ApplicantDeadline {
  /** Working days from today (Beijing time) to the day of `at`: 0 on the day, negative after. */
  readonly workingDaysLeft: number;
  readonly urgency: DeadlineUrgency;
}

/** One of the company's own cases as its list shows it. */
export interface MyApplicationSummary extends ApplicationSummary {
  readonly phase: ApplicationPhase;
  /** Null while others hold the case, once it ended, or when nothing is due. */
  readonly nextDeadline: ApplicantDeadlineView | null;
}
