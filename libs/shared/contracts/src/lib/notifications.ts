// Kinds and categories are domain vocabulary (the rules read them); the contract re-exports them.
export {
  NOTIFICATION_CATEGORIES,
  NOTIFICATION_KINDS,
  type NotificationCategory,
  type NotificationKind,
} from '@portal/domain';
import type { NotificationKind } from '@portal/domain';

export type NotificationChannel = 'email' | 'portal';

/**
 * An e-mail's life: `queued` → `sending` → `sent` | `failed`; a reviewer on the daily digest has
 * their mails `held_for_digest` until the digest job folds them in (`digested`).
 */
export const DELIVERY_STATUSES = [
  'queued',
  'sending',
  'sent',
  'failed',
  'held_for_digest',
  'digested',
] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

/** One in-portal notice (the bell). */
export interface NoticeView {
  readonly id: string;
  readonly kind: NotificationKind;
  readonly title: string;
  readonly body: string;
  /** The portal page it is about (a path such as /applications/{id}), when there is one. */
  readonly link: string | null;
  readonly applicationId: string | null;
  readonly createdAt: string;
  readonly readAt: string | null;
}

export interface NoticePage {
  readonly items: NoticeView[];
  readonly nextCursor: string | null;
  readonly unread: number;
}

export interface UnreadNotices {
  readonly unread: number;
}

export interface NoticeQuery {
  readonly cursor?: string;
  readonly limit?: number;
  readonly unreadOnly?: boolean;
}

/** A user's e-mail choices. Notices the enterprise must get are sent whatever these say. */
export interface NotificationPreferencesView {
  /** One e-mail per status change of a case the user is party to. */
  readonly statusChangeEmail: boolean;
  /** Reminders and escalations of deadlines. */
  readonly reminderEmail: boolean;
  /** Reviewers only: one daily e-mail listing their cases instead of one per status change. */
  readonly dailyDigest: boolean;
  /** Whether the user may choose the digest (holds a reviewer, expert, bank or provider role). */
  readonly digestAvailable: boolean;
  /** When the digest goes out, HH:MM China time. */
  readonly digestTime: string;
}

export interface UpdateNotificationPreferencesRequest {
  readonly statusChangeEmail?: boolean;
  readonly reminderEmail?: boolean;
  readonly dailyDigest?: boolean;
}

/** One e-mail as administrators see it. */
export interface MailDeliveryView {
  readonly id: string;
  readonly kind: NotificationKind;
  readonly to: string;
  readonly subject: string;
  readonly status: DeliveryStatus;
  readonly attempts: number;
  readonly lastError: string | null;
  readonly applicationId: string | null;
  readonly createdAt: string;
  readonly acceptedAt: string | null;
}

export interface MailDeliveryPage {
  readonly items: MailDeliveryView[];
  readonly nextCursor: string | null;
}

export interface MailDeliveryQuery {
  readonly status?: DeliveryStatus;
  readonly cursor?: string;
  readonly limit?: number;
}

/**
 * Counts and latency of the e-mail pipeline since a moment (for the benchmark and the admin
 * page): committed = the event's commit, accepted = the SMTP server's 250.
 */
export interface MailDeliveryStats {
  readonly since: string;
  readonly byStatus: Record<DeliveryStatus, number>;
  readonly accepted: number;
  readonly firstAcceptedAt: string | null;
  readonly lastAcceptedAt: string | null;
  /** Commit → SMTP acceptance, milliseconds, over the newest 10,000 mails accepted since `since`. */
  readonly commitToAcceptMs: {
    readonly p50: number | null;
    readonly p95: number | null;
    readonly max: number | null;
  };
}
