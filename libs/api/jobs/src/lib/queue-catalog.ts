/**
 * Every queue and job of the portal, with the payload each job carries. Payloads carry ids,
 * never objects: a handler reloads what it needs and skips when the row has moved on.
 */
export const QUEUES = {
  workflow: 'workflow',
  timers: 'timers',
  notifications: 'notifications',
  documents: 'documents',
} as const;
export type QueueName = (typeof QUEUES)[keyof typeof QUEUES];

/**
 * Jobs of one busy kind a worker process runs at once. Bull's default is one per handler, which
 * leaves a worker waiting on the database one job at a time; handlers are idempotent and claim
 * the application's version, so concurrent jobs never double an effect.
 */
export const HANDLER_CONCURRENCY = 8;
export const QUEUE_NAMES = Object.values(QUEUES);

/** Names the transition that scheduled a workflow job: the handler skips when the case moved on. */
export interface WorkflowJobPayload {
  readonly applicationId: string;
  readonly eventId: string;
  /** The event's seq: the job still applies only while it is the application's last event. */
  readonly seq: number;
}

/**
 * Work out who hears of something and write their messages. `status_change` names the event;
 * reminders name the event that scheduled the timer; a draft reminder names the call.
 */
export interface NotifyJobPayload {
  readonly kind:
    | 'status_change'
    | 'stage_reminder'
    | 'stage_escalation'
    | 'commitment_overdue'
    | 'refiling_reminder'
    | 'draft_reminder';
  readonly applicationId: string;
  readonly eventId: string | null;
  readonly callId?: string;
  /** Draft reminders: working days until the call closes, as the calls clock counted them. */
  readonly workingDaysLeft?: number;
}

/**
 * E-mails about a user's own account, in the user's language first. `registration_attempt`:
 * someone registered with the address of this existing account (the answer they got was the
 * same as for a new address, so only the owner learns of it).
 */
export type AccountMailKind =
  | 'registered'
  | 'registration_attempt'
  | 'password_changed';

export interface JobPayloads {
  /** E-mail an invitation to join a company. */
  'invitation-mail': { readonly invitationId: string };
  /** Tell a user something about their account; `at` is when it happened. */
  'account-mail': {
    readonly kind: AccountMailKind;
    readonly userId: string;
    readonly at: string;
  };
  /**
   * Someone asked for a password reset for this address, which may have no account: the
   * handler looks it up, issues the link and mails it, so the request itself does the same
   * for every address. The token exists only in the mail and, hashed, in the database.
   */
  'password-reset-mail': { readonly email: string; readonly requestId: string };
  /** The automated completeness and eligibility check after submission. */
  'auto-check': WorkflowJobPayload;
  /** The end of a state's time limit (a public notice): fires the transition waiting for it. */
  'time-limit-end': WorkflowJobPayload;
  /** The end of a grant's validity (a voucher): fires the transition waiting for it. */
  'validity-end': WorkflowJobPayload;
  /** 80% of a stage's time limit: remind its holders. */
  'stage-reminder': WorkflowJobPayload;
  /** 100% of a stage's time limit: escalate to the supervising level. */
  'stage-escalation': WorkflowJobPayload;
  /** The date an enterprise promised missing items by (容缺受理). */
  'commitment-due': WorkflowJobPayload;
  /** 1 January after a registration: the enterprise may file for the next evaluation year. */
  'refiling-reminder': WorkflowJobPayload;
  /** The calls' clock (repeatable): draft reminders before closing, closings. */
  'calls-tick': Record<string, never>;
  /** Resolve recipients and preferences, render and record each message. */
  notify: NotifyJobPayload;
  /** Tell a company's members the county verified or rejected its registration. */
  'company-verification-notice': { readonly organisationId: string };
  /** Send one recorded e-mail and record the result. */
  'send-mail': { readonly notificationId: string };
  /** The reviewers' daily digest (repeatable, at DIGEST_TIME China time). */
  'daily-digest': Record<string, never>;
}
export type JobName = keyof JobPayloads;

export const JOB_QUEUES: { readonly [J in JobName]: QueueName } = {
  'invitation-mail': QUEUES.notifications,
  'account-mail': QUEUES.notifications,
  'password-reset-mail': QUEUES.notifications,
  'auto-check': QUEUES.workflow,
  'time-limit-end': QUEUES.workflow,
  'validity-end': QUEUES.workflow,
  'stage-reminder': QUEUES.timers,
  'stage-escalation': QUEUES.timers,
  'commitment-due': QUEUES.timers,
  'refiling-reminder': QUEUES.timers,
  'calls-tick': QUEUES.workflow,
  notify: QUEUES.notifications,
  'company-verification-notice': QUEUES.notifications,
  'send-mail': QUEUES.notifications,
  'daily-digest': QUEUES.notifications,
};

/**
 * Repeatable jobs that decide by the portal's clock: when a development clock is moved, their
 * next run is brought forward so they look at the new time at once. (The daily digest is not one:
 * it goes out at a time of the real day.)
 */
export const PORTAL_CLOCK_TICKS: readonly JobName[] = ['calls-tick'];
