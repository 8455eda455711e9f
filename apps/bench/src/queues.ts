import { QUEUES, type QueueName } from '@portal/api-jobs';
import Queue from 'bull';
import type { BenchContext } from './context';

/** A Bull queue of the running portal (its REDIS_PREFIX), or of the harness's own prefix. */
export function portalQueue(
  context: Pick<BenchContext, 'env'>,
  name: QueueName,
  prefix = context.env['REDIS_PREFIX'],
): Queue.Queue {
  return new Queue(name, context.env['REDIS_URL'] ?? '', { prefix });
}

/**
 * Waits until the worker has nothing waiting or running in the portal's queues (what an earlier
 * group left behind, e.g. P3's notifications), so a queue figure measures its own jobs only.
 */
export async function waitForQuietQueues(
  context: Pick<BenchContext, 'env' | 'log'>,
  maxSeconds = 300,
): Promise<number> {
  const names: QueueName[] = [
    QUEUES.workflow,
    QUEUES.timers,
    QUEUES.notifications,
  ];
  const queues = names.map((n) => portalQueue(context, n));
  const started = Date.now();
  try {
    for (let lastLog = 0; ; ) {
      const counts = await Promise.all(queues.map((q) => q.getJobCounts()));
      const busy = counts.reduce(
        (s, c) =>
          s + c.waiting + c.active + ((c as { paused?: number }).paused ?? 0),
        0,
      );
      const waited = (Date.now() - started) / 1000;
      if (busy === 0 || waited > maxSeconds) return busy;
      if (waited - lastLog >= 5) {
        lastLog = waited;
        context.log(`waiting for the worker to finish ${busy} earlier jobs`);
      }
      await new Promise((r) => setTimeout(r, 500));
    }
  } finally {
    await Promise.all(queues.map((q) => q.close()));
  }
}
