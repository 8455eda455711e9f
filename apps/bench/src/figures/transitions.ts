import { randomUUID } from 'node:crypto';
import { DEMO_PASSWORD } from '@portal/api-db';
import { ApiRoutes } from '@portal/contracts';
import type { Pool, PoolConnection } from 'mysql2/promise';
import type { BenchContext, FigureGroup } from '../context';
import { cpuMs, perUnit } from '../cpu';
import { drive, quantile } from '../http-driver';
import { waitForQuietQueues } from '../queues';
import { figure, type Figure } from '../report';
import {
  insertScratch,
  removeScratch,
  type ScratchApplication,
} from '../scratch';
import { sessionHeaders } from '../session';
import { COUNTY, REVIEWER } from './reads';

const GOAL_PER_SECOND = 1000;
const GOAL_P99_MS = 100;
const CONNECTIONS = 32;
/** Every RACE-th application is sent twice at once: the version claim must let one through. */
const RACE = 25;
const ACTION = {
  action: 'return_for_supplement',
  comment: '基准测试：请补充近三年研发费用明细',
  items: [{ target: 'other', note: '近三年研发费用明细' }],
};

/**
 * C3 and P3: the transition's own transaction sent straight through mysql2, and the county
 * reviewer's "return for supplement" over HTTP on applications waiting at the county desk (one
 * step each, on scratch applications removed afterwards), reconciled against the database.
 */
export const transitions: FigureGroup = {
  ids: [
    'C3',
    'P3',
    'P3-p99',
    'P3-sql',
    'P3-cpu',
    'P3-lost',
    'P3-doubled',
    'P3-409',
    'P3-errors',
    'P3-chain',
    'P3-outbox',
  ],
  async measure(context) {
    const { pool, log } = context;
    const duration = context.quick ? 10 : 60;
    const leftovers = await removeScratch(pool, null);
    if (leftovers)
      log(`removed ${leftovers} scratch applications of an earlier run`);

    const ceiling = await rawTransitions(pool, context.seconds, log);
    log(`C3: ${ceiling.perSecond} tx/s, p99 ${ceiling.p99Ms} ms`);

    const wanted = Math.ceil(GOAL_PER_SECOND * duration * 1.3);
    log(`P3: inserting ${wanted} applications at the county desk`);
    const scratch = await insertScratch(
      pool,
      'P3',
      'county_review',
      wanted,
      COUNTY,
      log,
    );
    try {
      return [
        ceiling.figure,
        ...(await httpTransitions(
          context,
          scratch,
          duration,
          ceiling.perSecond,
        )),
      ];
    } finally {
      await removeScratch(pool, scratch.callId);
    }
  },
};

/** The transaction of a transition, nothing else: 32 loops, each on its own application. */
async function rawTransitions(
  pool: Pool,
  seconds: number,
  log: (line: string) => void,
): Promise<{ perSecond: number; p99Ms: number; figure: Figure }> {
  const { callId, applications } = await insertScratch(
    pool,
    'C3',
    'county_review',
    CONNECTIONS,
    COUNTY,
    log,
  );
  const latencies: number[] = [];
  const started = Date.now();
  const until = started + seconds * 1000;
  try {
    await Promise.all(
      applications.map(async (application) => {
        const db = await pool.getConnection();
        try {
          let back = false;
          while (Date.now() < until) {
            const at = process.hrtime.bigint();
            await oneTransaction(db, application.id, back);
            latencies.push(Number(process.hrtime.bigint() - at) / 1e6);
            back = !back;
          }
        } finally {
          db.release();
        }
      }),
    );
  } finally {
    await removeScratch(pool, callId);
  }
  const perSecond = Math.round(
    latencies.length / ((Date.now() - started) / 1000),
  );
  const p99Ms = Math.round(quantile(latencies, 0.99) * 10) / 10;
  return {
    perSecond,
    p99Ms,
    figure: figure({
      id: 'C3',
      name: `raw transition transaction (FOR UPDATE, event, application, outbox; mysql2, ${CONNECTIONS} loops), p99 ${p99Ms} ms`,
      value: perSecond,
      unit: 'tx/s',
      ceiling: 0,
      goal: 'ceiling (LIMITS.md: ~4,000)',
      met: true,
    }),
  };
}

async function oneTransaction(
  db: PoolConnection,
  id: string,
  back: boolean,
): Promise<void> {
  const [from, to, action] = back
    ? ['returned_by_county', 'county_review', 'resubmit']
    : ['county_review', 'returned_by_county', 'return_for_supplement'];
  await db.query('START TRANSACTION');
  try {
    const [[row]] = (await db.query(
      'SELECT id, version, event_count AS seq, chain_head AS head FROM applications WHERE id = ? FOR UPDATE',
      [id],
    )) as unknown as [{ version: number; seq: number; head: string }[]];
    if (!row) throw new Error(`scratch application ${id} is gone`);
    const eventId = randomUUID();
    const now = new Date();
    const hash = randomUUID().replace(/-/g, '').padEnd(64, '0');
    await db.query(
      'INSERT INTO application_events (id, application_id, seq, action, from_state, to_state, party, comment, payload, created_at, prev_hash, hash) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)',
      [
        eventId,
        id,
        row.seq + 1,
        action,
        from,
        to,
        'county',
        ACTION.comment,
        JSON.stringify({ items: ACTION.items }),
        now,
        row.head,
        hash,
      ],
    );
    await db.query(
      'UPDATE applications SET state = ?, holder = ?, state_entered_at = ?, version = version + 1, event_count = ?, chain_head = ? WHERE id = ? AND version = ?',
      [
        to,
        back ? 'county' : 'enterprise',
        now,
        row.seq + 1,
        hash,
        id,
        row.version,
      ],
    );
    await db.query(
      'INSERT INTO outbox (id, application_id, event_id, queue, job_name, payload, run_at, created_at) VALUES (?,?,?,?,?,?,?,?)',
      [
        randomUUID(),
        id,
        eventId,
        'notifications',
        'notify',
        JSON.stringify({ kind: 'status_change', applicationId: id, eventId }),
        now,
        now,
      ],
    );
    await db.query('COMMIT');
  } catch (error) {
    await db.query('ROLLBACK');
    throw error;
  }
}

async function httpTransitions(
  context: BenchContext,
  scratch: { callId: string; applications: ScratchApplication[] },
  duration: number,
  ceiling: number,
): Promise<Figure[]> {
  const { base, pool, log } = context;
  const reviewer = await sessionHeaders(base, REVIEWER, DEMO_PASSWORD);
  const tasks: ScratchApplication[] = [];
  scratch.applications.slice(100).forEach((a, i) => {
    tasks.push(a);
    if (i % RACE === RACE - 1) tasks.push(a);
  });
  // SQL statements per transition: 100 of them one after another (MariaDB's Questions counter,
  // so other traffic on the server counts too); they take part in the reconciliation below.
  const questions = async () => {
    const [rows] = (await pool.query(
      "SHOW GLOBAL STATUS LIKE 'Questions'",
    )) as unknown as [{ Value: string }[]];
    return Number(rows[0]?.Value ?? 0);
  };
  const sequential = scratch.applications.slice(0, 100);
  const eventsBefore = await countEvents(pool, scratch.callId);
  const q0 = await questions();
  const one = await drive(base, sequential, {
    connections: 1,
    seconds: 60,
    headers: reviewer,
    path: (a) => ApiRoutes.applicationActions(a.id),
    body: (a) => ({ ...ACTION, version: a.version }),
  });
  const statements =
    Math.round((((await questions()) - q0 - 1) / sequential.length) * 10) / 10;
  const oneByOne = one.answers.filter((a) => a !== null).map((a) => a.ms);
  log(
    `P3: one at a time: ${statements} statements, median ${quantile(oneByOne, 0.5).toFixed(1)} ms per transition`,
  );
  const apiCpu = cpuMs(context.api.pid);
  const workerCpu = cpuMs(context.worker.pid);
  log(`P3: ${duration} s of transitions over HTTP, ${CONNECTIONS} connections`);
  const run = await drive(base, tasks, {
    connections: CONNECTIONS,
    seconds: duration,
    headers: reviewer,
    path: (a) => ApiRoutes.applicationActions(a.id),
    body: (a) => ({ ...ACTION, version: a.version }),
    progress: (sent) => log(`P3: ${sent} requests sent`),
  });
  const runOk = run.answers.filter(
    (a) => a && a.status >= 200 && a.status < 300,
  ).length;
  if (run.answers[tasks.length - 1])
    log('P3: ran out of applications before the time was up');

  // Reconcile: per application, the 2xx answers against the events the database holds.
  const ok = new Map<string, number>();
  const answered: number[] = [];
  let conflicts = 0;
  let errors = 0;
  const pairs = new Map<string, number[]>();
  const all = [...sequential, ...tasks];
  [...one.answers, ...run.answers].forEach((answer, i) => {
    if (!answer) return;
    const id = (all[i] as ScratchApplication).id;
    if (i >= sequential.length) answered.push(answer.ms);
    pairs.set(id, [...(pairs.get(id) ?? []), answer.status]);
    if (answer.status >= 200 && answer.status < 300)
      ok.set(id, (ok.get(id) ?? 0) + 1);
    else if (answer.status === 409) conflicts++;
    else errors++;
  });
  const events = await eventsByApplication(pool, scratch.callId);
  let lost = 0;
  let doubled = 0;
  for (const id of new Set([...ok.keys(), ...events.keys()])) {
    const answers = ok.get(id) ?? 0;
    const written = events.get(id) ?? 0;
    if (written < answers) lost += answers - written;
    if (written > answers) doubled += written - answers;
  }
  const twoXx = [...ok.values()].reduce((s, n) => s + n, 0);
  const eventsAfter = await countEvents(pool, scratch.callId);
  const raced = [...pairs.values()].filter((s) => s.length === 2);
  const racesRight = raced.filter(
    (s) => s.filter((x) => x >= 200 && x < 300).length === 1 && s.includes(409),
  ).length;
  const broken = await brokenLinks(pool, scratch.callId);
  const apiPer = perUnit(apiCpu, cpuMs(context.api.pid), runOk);
  const undispatched = await waitForOutbox(pool, scratch.callId, log);
  // The worker's share: the notify jobs the transitions left behind, once it has run them.
  await waitForQuietQueues(context, 120);
  const workerPer = perUnit(workerCpu, cpuMs(context.worker.pid), runOk);
  if (apiPer === null)
    log('P3: the API process of this run is gone (another took its port?)');
  const perSecond = Math.round(runOk / run.seconds);
  const p99 = Math.round(quantile(answered, 0.99) * 10) / 10;
  log(
    `P3: ${answered.length} answers in ${run.seconds.toFixed(1)} s: ${twoXx} 2xx, ${conflicts} 409, ${errors} other; events ${eventsBefore} -> ${eventsAfter}`,
  );
  return [
    figure({
      id: 'P3',
      name: `reviewer "return for supplement" over HTTP, ${CONNECTIONS} connections, ${Math.round(run.seconds)} s`,
      value: perSecond,
      unit: 'transitions/s',
      ceiling,
      goal: `>= ${GOAL_PER_SECOND}/s for ${duration} s, p99 <= ${GOAL_P99_MS} ms, 0 lost, 0 doubled`,
      met:
        perSecond >= GOAL_PER_SECOND &&
        p99 <= GOAL_P99_MS &&
        lost === 0 &&
        doubled === 0 &&
        errors === 0,
    }),
    figure({
      id: 'P3-sql',
      name: `SQL statements per transition (100 one at a time, median ${quantile(oneByOne, 0.5).toFixed(1)} ms each)`,
      value: statements,
      unit: 'statements',
      ceiling: 0,
      goal: 'informational (the raw transaction: 6)',
      met: true,
    }),
    figure({
      id: 'P3-cpu',
      name: `CPU per transition: API ${apiPer ?? 'n/a'} ms, worker (its notify jobs) ${workerPer ?? 'n/a'} ms`,
      value: Math.round(((apiPer ?? 0) + (workerPer ?? 0)) * 10) / 10,
      unit: 'ms',
      ceiling: 0,
      goal: `<= ${(2000 / GOAL_PER_SECOND).toFixed(1)} ms (${GOAL_PER_SECOND}/s on 2 cores)`,
      met:
        apiPer !== null &&
        workerPer !== null &&
        apiPer + workerPer <= 2000 / GOAL_PER_SECOND,
    }),
    figure({
      id: 'P3-p99',
      name: 'transition over HTTP, p99 latency',
      value: p99,
      unit: 'ms',
      ceiling: 0,
      goal: `<= ${GOAL_P99_MS} ms`,
      met: p99 <= GOAL_P99_MS,
    }),
    figure({
      id: 'P3-lost',
      name: `2xx answers without their event (${twoXx} 2xx, ${eventsAfter - eventsBefore} new events)`,
      value: lost,
      unit: 'transitions',
      ceiling: 0,
      goal: '0',
      met: lost === 0,
    }),
    figure({
      id: 'P3-doubled',
      name: 'events beyond the 2xx answers of their application',
      value: doubled,
      unit: 'events',
      ceiling: 0,
      goal: '0',
      met: doubled === 0,
    }),
    figure({
      id: 'P3-409',
      name: `409 answers (${raced.length} applications sent twice at once; ${racesRight} got one 2xx and one 409)`,
      value: conflicts,
      unit: 'answers',
      ceiling: 0,
      goal: 'each racing pair: one 2xx, one 409',
      met: racesRight === raced.length && conflicts === raced.length,
    }),
    figure({
      id: 'P3-errors',
      name: 'answers other than 2xx and 409 (or no answer)',
      value: errors,
      unit: 'answers',
      ceiling: 0,
      goal: '0',
      met: errors === 0,
    }),
    figure({
      id: 'P3-chain',
      name: 'new events whose prev_hash is not the hash of the event before',
      value: broken,
      unit: 'events',
      ceiling: 0,
      goal: '0',
      met: broken === 0,
    }),
    figure({
      id: 'P3-outbox',
      name: 'outbox rows of the new events not handed to Bull 15 s after the run',
      value: undispatched,
      unit: 'rows',
      ceiling: 0,
      goal: '0',
      met: undispatched === 0,
    }),
  ];
}

async function countEvents(pool: Pool, callId: string): Promise<number> {
  const [[row]] = (await pool.query(
    'SELECT COUNT(*) AS n FROM application_events e JOIN applications a ON a.id = e.application_id WHERE a.call_id = ?',
    [callId],
  )) as unknown as [{ n: number }[]];
  return Number(row?.n ?? 0);
}

/** Events written after the scratch walk (seq beyond the walk's), per application. */
async function eventsByApplication(
  pool: Pool,
  callId: string,
): Promise<Map<string, number>> {
  const [rows] = (await pool.query(
    'SELECT e.application_id AS id, COUNT(*) AS n FROM application_events e JOIN applications a ON a.id = e.application_id WHERE a.call_id = ? AND e.seq > 3 GROUP BY e.application_id',
    [callId],
  )) as unknown as [{ id: string; n: number }[]];
  return new Map(rows.map((r) => [r.id, Number(r.n)]));
}

async function brokenLinks(pool: Pool, callId: string): Promise<number> {
  const [[row]] = (await pool.query(
    'SELECT COUNT(*) AS n FROM application_events e JOIN applications a ON a.id = e.application_id LEFT JOIN application_events p ON p.application_id = e.application_id AND p.seq = e.seq - 1 WHERE a.call_id = ? AND e.seq > 3 AND (p.hash IS NULL OR p.hash <> e.prev_hash OR a.chain_head <> (SELECT h.hash FROM application_events h WHERE h.application_id = a.id AND h.seq = a.event_count))',
    [callId],
  )) as unknown as [{ n: number }[]];
  return Number(row?.n ?? 0);
}

/** Waits up to 15 s for every outbox row of the scratch applications to be handed to Bull. */
async function waitForOutbox(
  pool: Pool,
  callId: string,
  log: (line: string) => void,
): Promise<number> {
  const until = Date.now() + 15_000;
  for (;;) {
    const [[row]] = (await pool.query(
      'SELECT COUNT(*) AS n FROM outbox o JOIN applications a ON a.id = o.application_id WHERE a.call_id = ? AND o.dispatched_at IS NULL',
      [callId],
    )) as unknown as [{ n: number }[]];
    const n = Number(row?.n ?? 0);
    if (n === 0 || Date.now() > until) {
      if (n) log(`P3: ${n} outbox rows still not handed to Bull`);
      return n;
    }
    await new Promise((r) => setTimeout(r, 1000));
  }
}
