import type { ErrorBody } from './errors';
import type {
  ActionRequest,
  ActionResult,
  ApplicationSummary,
  InboxQuery,
} from './applications';

/** A case in a desk's inbox: its summary, and the working days left on its time limit. */
export interface InboxItem extends ApplicationSummary {
  /** The definition's version the case runs on (what its actions are read from). */
  readonly workflowVersion: number;
  /** Working days until `dueAt` on the bureau's calendar; negative once overdue, null without a limit. */
  readonly dueInWorkingDays: number | null;
}

/** GET /api/inbox/counts: how many cases each tab holds under the same filters. */
export type InboxCountsQuery = Omit<
  InboxQuery,
  'view' | 'cursor' | 'limit' | 'order'
>;

export interface InboxCounts {
  readonly todo: number;
  /** Actions the reader took (a case acted on twice counts twice, as the tab lists it). */
  readonly done: number;
}

/** One case of a batch: the version the reviewer saw in the list. */
export interface BatchActionCase {
  readonly applicationId: string;
  readonly version: number;
}

/** POST /api/applications/batch-actions: one action with one comment on several cases. */
export interface BatchActionRequest extends Omit<ActionRequest, 'version'> {
  readonly cases: readonly BatchActionCase[];
}

/** Each case's own answer: the action's result, or the error it met (the others still ran). */
export type BatchActionOutcome =
  | {
      readonly applicationId: string;
      readonly ok: true;
      readonly result: ActionResult;
    }
  | {
      readonly applicationId: string;
      readonly ok: false;
      readonly error: Omit<ErrorBody, 'correlationId'>;
    };

export interface BatchActionResult {
  readonly succeeded: number;
  readonly failed: number;
  readonly outcomes: readonly BatchActionOutcome[];
}
