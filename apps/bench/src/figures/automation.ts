import { randomUUID } from 'node:crypto';
import {
  DEFAULT_JOB_OPTIONS,
  HANDLER_CONCURRENCY,
  QUEUES,
} from '@portal/api-jobs';
import type { Pool } from 'mysql2/promise';
import type { BenchContext, FigureGroup } from '../context';
import { cpuMs, perUnit } from '../cpu';
import { portalQueue, waitForQuietQueues } from '../queues';
import { figure } from '../report';
import { insertScratch, removeScratch } from '../scratch';
import { COUNTY } from './reads';

const GOAL_PER_SECOND = 1000;
/** The worker runs this many automated checks at once (see HANDLER_CONCURRENCY). */
const PORTAL_CONCURRENCY = HANDLER_CONCURRENCY;
const JOB = 'auto-check';

/**
 * C4 and P4: no-op Bull jobs on the harness's own prefix at the portal's concurrency, and the
 * portal's automated check (`auto-check` on the workflow queue) run by the worker on submitted
 * scratch applications, timed until the database shows every case moved on.
 */
export const automation: FigureGroup = {
  ids: ['C4', 'P4', 'P4-cpu', 'P4-failed', 'P4-doubled'],
  async measure(context) {
    const { pool, log } = context;
    const count = context.quick ? 2000 : 20_000;
    const ceiling = await noopJobs(context, count);
    log(`C4: ${ceiling} no-op jobs/s`);

    await removeScratch(pool, null);
    const scratch = await insertScratch(
      pool,
      'P4',
      'submitted',
      count,
      COUNTY,
      log,
    );
    try {
      // What submit commits beside its event: the outbox row of the check, handed to Bull.
      const jobs = scratch.applications.map((a) => ({
        outboxId: randomUUID(),
        data: { applicationId: a.id, eventId: a.eventId, seq: a.seq },
      }));
      for (let i = 0; i < jobs.length; i += 1000)
        await pool.query(
          'INSERT INTO outbox (id, application_id, event_id, queue, job_name, payload, run_at, created_at, dispatched_at) VALUES ?',
          [
            jobs.slice(i, i + 1000).map((j) => {
              const now = new Date();
              return [
                j.outboxId,
                j.data.applicationId,
                j.data.eventId,
                QUEUES.workflow,
                JOB,
                JSON.stringify(j.data),
                now,
                now,
                now,
              ];
            }),
          ],
        );
      const leftover = await waitForQuietQueues(context);
      if (leftover) log(`P4: ${leftover} earlier jobs still queued`);

      const queue = portalQueue(context, QUEUES.workflow);
      const ours = new Set(jobs.map((j) => `${JOB}:${j.outboxId}`));
      const failed = new Set<string>();
      queue.on('global:failed', (jobId: string) => {
        if (ours.has(String(jobId))) failed.add(String(jobId));
      });
      let seconds = 0;
      let workerCpu: number | null = null;
      try {
        // Paused while they are added, so the clock starts with all of them waiting.
        await queue.pause();
        for (let i = 0; i < jobs.length; i += 1000)
          await queue.addBulk(
            jobs.slice(i, i + 1000).map((j) => ({
              name: JOB,
              data: j.data,
              opts: { ...DEFAULT_JOB_OPTIONS, jobId: `${JOB}:${j.outboxId}` },
            })),
          );
        log(`P4: ${jobs.length} ${JOB} jobs queued; the worker starts now`);
        const started = Date.now();
        workerCpu = cpuMs(context.worker.pid);
        await queue.resume();
        seconds = await untilMovedOn(pool, scratch.callId, started, log);
        workerCpu = perUnit(workerCpu, cpuMs(context.worker.pid), count);
      } finally {
        await queue.resume().catch(() => undefined);
        await queue.close();
      }
      const outcome = await outcomes(pool, scratch.callId);
      const failedJobs = failed.size;
      const perSecond = Math.round(outcome.moved / seconds);
      log(
        `P4: ${outcome.moved}/${count} moved on in ${seconds.toFixed(1)} s (${JSON.stringify(outcome.states)})`,
      );
      return [
        figure({
          id: 'C4',
          name: `no-op Bull jobs, concurrency ${PORTAL_CONCURRENCY} (the portal's workflow queue), ${count} jobs`,
          value: ceiling,
          unit: 'jobs/s',
          ceiling: 0,
          goal: 'ceiling (LIMITS.md: ~18,700 at concurrency 50)',
          met: true,
        }),
        figure({
          id: 'P4',
          name: `automated check (auto-check job -> check -> transition) by the worker, ${count} submitted cases`,
          value: perSecond,
          unit: 'jobs/s',
          ceiling,
          goal: `>= ${GOAL_PER_SECOND}/s, every case moved on`,
          met: perSecond >= GOAL_PER_SECOND && outcome.moved === count,
        }),
        figure({
          id: 'P4-cpu',
          name: 'worker CPU per automated check (the follow-on notify jobs it ran meanwhile included)',
          value: workerCpu ?? 0,
          unit: 'ms',
          ceiling: 0,
          goal: `<= ${(1000 / GOAL_PER_SECOND).toFixed(1)} ms (${GOAL_PER_SECOND}/s on one core)`,
          met: workerCpu !== null && workerCpu <= 1000 / GOAL_PER_SECOND,
        }),
        figure({
          id: 'P4-failed',
          name: 'auto-check jobs failed at least once (Bull retries them)',
          value: failedJobs,
          unit: 'jobs',
          ceiling: 0,
          goal: '0',
          met: failedJobs === 0,
        }),
        figure({
          id: 'P4-doubled',
          name: 'cases with more than one automated-check event',
          value: outcome.doubled,
          unit: 'cases',
          ceiling: 0,
          goal: '0',
          met: outcome.doubled === 0,
        }),
      ];
    } finally {
      // The notify jobs the checks left behind write rows about these cases: let them finish.
      await waitForQuietQueues(context, 120);
      await removeScratch(pool, scratch.callId);
    }
  },
};

/** `count` no-op jobs added while paused, then processed at the portal's concurrency. */
async function noopJobs(context: BenchContext, count: number): Promise<number> {
  const queue = portalQueue(
    context,
    QUEUES.workflow,
    `bench-noop-${Date.now()}`,
  );
  try {
    await queue.pause(true);
    for (let i = 0; i < count; i += 1000)
      await queue.addBulk(
        Array.from({ length: Math.min(1000, count - i) }, (_, k) => ({
          name: JOB,
          data: {
            applicationId: randomUUID(),
            eventId: randomUUID(),
            seq: i + k,
          },
          opts: { ...DEFAULT_JOB_OPTIONS, jobId: `${JOB}:${randomUUID()}` },
        })),
      );
    let done = 0;
    const finished = new Promise<void>((resolve) => {
      queue.on('completed', () => {
        if (++done === count) resolve();
      });
    });
    const started = Date.now();
    void queue.process(JOB, PORTAL_CONCURRENCY, () => Promise.resolve('done'));
    await queue.resume(true);
    await finished;
    return Math.round(count / ((Date.now() - started) / 1000));
  } finally {
    await queue.obliterate({ force: true }).catch(() => undefined);
    await queue.close();
  }
}

/** Seconds from `started` until no scratch case is left at `submitted` (or progress stalls for 60 s). */
async function untilMovedOn(
  pool: Pool,
  callId: string,
  started: number,
  log: (line: string) => void,
): Promise<number> {
  let last = -1;
  let lastChange = Date.now();
  let lastLog = Date.now();
  for (;;) {
    const [[row]] = (await pool.query(
      "SELECT COUNT(*) AS n FROM applications WHERE call_id = ? AND state = 'submitted'",
      [callId],
    )) as unknown as [{ n: number }[]];
    const left = Number(row?.n ?? 0);
    const now = Date.now();
    if (left === 0) return (now - started) / 1000;
    if (left !== last) {
      last = left;
      lastChange = now;
    }
    if (now - lastChange > 60_000) {
      log(`P4: stalled with ${left} cases still at submitted`);
      return (lastChange - started) / 1000;
    }
    if (now - lastLog >= 5000) {
      lastLog = now;
      log(`P4: ${left} cases still at submitted`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
}

async function outcomes(pool: Pool, callId: string) {
  const [states] = (await pool.query(
    'SELECT state, COUNT(*) AS n FROM applications WHERE call_id = ? GROUP BY state',
    [callId],
  )) as unknown as [{ state: string; n: number }[]];
  const [[doubled]] = (await pool.query(
    "SELECT COUNT(*) AS n FROM (SELECT e.application_id FROM application_events e JOIN applications a ON a.id = e.application_id WHERE a.call_id = ? AND e.action IN ('auto_check_passed', 'auto_check_failed') GROUP BY e.application_id HAVING COUNT(*) > 1) d",
    [callId],
  )) as unknown as [{ n: number }[]];
  return {
    states: Object.fromEntries(states.map((s) => [s.state, Number(s.n)])),
    moved: states
      .filter((s) => s.state !== 'submitted')
      .reduce((sum, s) => sum + Number(s.n), 0),
    doubled: Number(doubled?.n ?? 0),
  };
}
