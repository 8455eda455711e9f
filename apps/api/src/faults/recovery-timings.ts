/**
 * The recovery periods the fault suite runs the portal with. The mechanisms are the ones
 * production uses — a dead worker's Bull lock running out, the stalled-job check, an e-mail
 * claim running out, the check of an unfinished job against Redis — only their periods are
 * shortened (production: 30 s, 15 s, 60 s and 60 s), so the same recovery is proven in seconds.
 */
const SECONDS = {
  QUEUE_LOCK_SECONDS: 8,
  QUEUE_STALLED_CHECK_SECONDS: 1,
  MAIL_CLAIM_SECONDS: 8,
  REDISPATCH_AFTER_SECONDS: 5,
} as const;

/** Environment for every portal process (and in-process app) of the fault suite. */
export const FAULT_RECOVERY_ENV: Record<keyof typeof SECONDS, string> = {
  QUEUE_LOCK_SECONDS: String(SECONDS.QUEUE_LOCK_SECONDS),
  QUEUE_STALLED_CHECK_SECONDS: String(SECONDS.QUEUE_STALLED_CHECK_SECONDS),
  MAIL_CLAIM_SECONDS: String(SECONDS.MAIL_CLAIM_SECONDS),
  REDISPATCH_AFTER_SECONDS: String(SECONDS.REDISPATCH_AFTER_SECONDS),
};

/** A dead worker's job is running again within its lock and one stalled-check after it. */
export const STALLED_RERUN_MS =
  (SECONDS.QUEUE_LOCK_SECONDS + SECONDS.QUEUE_STALLED_CHECK_SECONDS) * 1000;

/** A send cut off mid-way is retried once its claim has run out and the sweeper has looked. */
export const CUT_OFF_SEND_RETRY_MS =
  (SECONDS.MAIL_CLAIM_SECONDS + SECONDS.REDISPATCH_AFTER_SECONDS) * 1000;

/**
 * How long Redis stays down in the outage case (FAULT_REDIS_OUTAGE_SECONDS, default 15): far
 * past the reconnect back-off's 2 s ceiling, so every client is in its steady retry loop, as in
 * a longer outage; production-length outages can be replayed by setting it.
 */
export const REDIS_OUTAGE_MS =
  Number(process.env['FAULT_REDIS_OUTAGE_SECONDS'] ?? 15) * 1000;
