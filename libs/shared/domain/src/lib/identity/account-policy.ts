/** Session and lockout rules of every account. */
export const SESSION_IDLE_TIMEOUT_MS = 30 * 60 * 1000;
export const SESSION_ABSOLUTE_TIMEOUT_MS = 12 * 60 * 60 * 1000;

/**
 * Failed log-ins are counted per address and client (IP): the pair's 5th failure holds that
 * client for 5 minutes, and each further failure doubles the hold, up to 30 minutes. Someone
 * guessing a reviewer's password is held; the reviewer, at another client, is not.
 */
export const LOCKOUT_THRESHOLD = 5;
export const LOCKOUT_FIRST_HOLD_MS = 5 * 60 * 1000;
export const LOCKOUT_DURATION_MS = 30 * 60 * 1000;
/** A pair's failures are forgotten a day after its last one (or at its next success). */
export const LOCKOUT_MEMORY_MS = 24 * 60 * 60 * 1000;
/**
 * The ceiling per address, whatever the client: this many failures, each within
 * LOCKOUT_WINDOW_MS of the one before, lock the address for LOCKOUT_DURATION_MS everywhere.
 * Only a guess spread over many clients reaches it.
 */
export const ADDRESS_LOCKOUT_THRESHOLD = 50;
export const LOCKOUT_WINDOW_MS = 30 * 60 * 1000;

/** How long the pair (address, client) is held after its `failures`-th failure; 0 before the threshold. */
export function clientHoldMs(failures: number): number {
  if (failures < LOCKOUT_THRESHOLD) return 0;
  return Math.min(
    LOCKOUT_DURATION_MS,
    LOCKOUT_FIRST_HOLD_MS * 2 ** (failures - LOCKOUT_THRESHOLD),
  );
}

/** Wrong second-factor codes in a row that end every half-logged-in session of the account. */
export const SECOND_FACTOR_MAX_FAILURES = 5;

/** A password-reset link works once, for this long. */
export const PASSWORD_RESET_VALIDITY_MS = 30 * 60 * 1000;
/** Reset mails one address receives per hour at most; further requests are answered alike. */
export const PASSWORD_RESET_MAILS_PER_HOUR = 3;
/** Reset requests one client may send per 15 minutes. */
export const PASSWORD_RESET_REQUESTS_PER_CLIENT = 10;

export const INVITATION_VALIDITY_MS = 7 * 24 * 60 * 60 * 1000;
