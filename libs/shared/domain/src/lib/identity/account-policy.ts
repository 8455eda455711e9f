/** Session and lockout rules of every account. */
export const SESSION_IDLE_TIMEOUT_MS = 30 * 60 * 1000;
export const SESSION_ABSOLUTE_TIMEOUT_MS = 12 * 60 * 60 * 1000;
export const LOCKOUT_THRESHOLD = 5;
export const LOCKOUT_DURATION_MS = 30 * 60 * 1000;
/** Failures older than this no longer count towards a lockout. */
export const LOCKOUT_WINDOW_MS = 30 * 60 * 1000;
export const INVITATION_VALIDITY_MS = 7 * 24 * 60 * 60 * 1000;
