import type { Job } from 'bull';

/**
 * How long a job enqueued inside a transaction waits for that transaction before it gives up on
 * the row it was enqueued for: a commit under load can land after a worker has picked the job.
 */
export const COMMIT_GRACE_MS = 60_000;

/**
 * For a job enqueued before its transaction committed (so that a Redis refusal leaves nothing
 * written): the row it names is missing or not yet changed. Young, that is a commit still on its
 * way, and the job throws to be retried with backoff; after the grace, the transaction rolled
 * back and the job is skipped.
 */
export function awaitingCommit(
  job: Pick<Job, 'timestamp'>,
  what: string,
): 'skipped' {
  if (Date.now() - job.timestamp < COMMIT_GRACE_MS)
    throw new Error(`${what} is not committed yet; retried`);
  return 'skipped';
}
