import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { encodeCursor, rawTimestamp } from '@portal/api-core';
import { DEMO_PASSWORD } from '@portal/api-db';
import { ApiRoutes } from '@portal/contracts';
import { createPool, type Pool } from 'mysql2/promise';
import { startBareServer } from './bare-server';
import { ensureDataset, PROVINCE_SCALE, QUICK } from './dataset';
import { load, rate } from './load';
import { Proc, waitUntilUp } from './processes';
import { figure, writeReport, type Figure } from './report';
import { sessionHeaders } from './session';

const API_PORT = 4401;
const BARE_PORT = 4402;
const REVIEWER = 'reviewer.jiashan@example.com';
const COUNTY = '330421';
const PAGE = 20;
const DEEP_PAGE = 5000;

const log = (line: string) => process.stdout.write(`[bench] ${line}\n`);

/**
 * `npm run bench [-- --quick]`: seeds (or reuses) the data set, starts the built API and a
 * worker on it, measures each figure beside its raw ceiling, prints the table and writes
 * bench/results/<timestamp>.json. See docs/performance.md.
 */
async function main(): Promise<void> {
  if (process.argv[2] === '--bare-server') {
    await startBareServer(Number(process.argv[3]));
    return;
  }
  const quick = process.argv.includes('--quick');
  const seconds = quick ? 5 : 20;
  const server =
    process.env['BENCH_MARIADB_URL'] ?? 'mariadb://root@127.0.0.1:3306';
  const redisUrl = process.env['BENCH_REDIS_URL'] ?? 'redis://127.0.0.1:6379';
  const database = quick ? 'portal_bench_quick' : 'portal_bench';
  const dataset = await ensureDataset(
    server,
    database,
    quick ? QUICK : PROVINCE_SCALE,
    log,
  );
  log(`Data set: ${JSON.stringify(dataset.counts)}`);

  const env = {
    NODE_ENV: 'development',
    DATABASE_URL: `${server.replace(/\/+$/, '')}/${database}`,
    REDIS_URL: redisUrl,
    REDIS_PREFIX: `bench-${Date.now()}`,
    DATA_DIR: mkdtempSync(join(tmpdir(), 'portal-bench-')),
    SEED_DEMO_DATA: 'false',
    LOG_LEVEL: 'info',
    AUTH_RATE_LIMIT_PER_MINUTE: '100000',
    PORT: String(API_PORT),
  };
  const api = Proc.start(['dist/apps/api/main.js'], {
    ...env,
    RUN_WORKERS: 'false',
  });
  const worker = Proc.start(['dist/apps/worker/main.js'], env);
  const bare = Proc.start(
    ['dist/apps/bench/main.js', '--bare-server', String(BARE_PORT)],
    {},
  );
  const base = `http://127.0.0.1:${API_PORT}`;
  const pool = createPool({
    uri: env.DATABASE_URL.replace(/^mariadb:/, 'mysql:'),
    connectionLimit: 32,
    dateStrings: true,
  });
  const figures: Figure[] = [];
  try {
    await waitUntilUp(`${base}${ApiRoutes.health}`);
    await waitUntilUp(`http://127.0.0.1:${BARE_PORT}/ping`);
    log('API, worker and the bare server are up');

    // P0: the framework's limit, and the portal's whole global pipeline on a route without a database.
    const ceiling = await load(`http://127.0.0.1:${BARE_PORT}/ping`, {
      connections: 100,
      seconds,
    });
    const p0 = await load(`${base}${ApiRoutes.csrf}`, {
      connections: 100,
      seconds,
    });
    figures.push(
      figure({
        id: 'C0',
        name: 'bare NestJS-on-Fastify route',
        value: ceiling.requestsPerSecond,
        unit: 'req/s',
        ceiling: 0,
        goal: 'ceiling',
        met: ceiling.errors === 0,
      }),
      figure({
        id: 'P0',
        name: 'no-database route through the global pipeline',
        value: p0.requestsPerSecond,
        unit: 'req/s',
        ceiling: ceiling.requestsPerSecond,
        goal: '>= 0.30 x C0',
        met:
          p0.errors === 0 &&
          p0.requestsPerSecond >= 0.3 * ceiling.requestsPerSecond,
      }),
    );

    // P1: the county reviewer's inbox, first page and 5,000 pages deep by keyset.
    const reviewer = await sessionHeaders(base, REVIEWER, DEMO_PASSWORD);
    const scope =
      "holder = 'county' AND county_code = ? AND type = 'high_tech'";
    const inbox = `${base}${ApiRoutes.inbox}?view=todo&type=high_tech&limit=${PAGE}`;
    const [[countRow]] = (await pool.query(
      `SELECT COUNT(*) AS n FROM applications WHERE ${scope}`,
      [COUNTY],
    )) as unknown as [{ n: number }[]];
    const rows = Number(countRow?.n ?? 0);
    const deepPage = Math.max(
      1,
      Math.min(DEEP_PAGE, Math.floor(rows / PAGE) - 1),
    );
    const [[anchor]] = (await pool.query(
      `SELECT state_entered_at AS at, id FROM applications WHERE ${scope} ORDER BY state_entered_at DESC, id DESC LIMIT 1 OFFSET ?`,
      [COUNTY, deepPage * PAGE - 1],
    )) as unknown as [{ at: string | Date; id: string }[]];
    const rawInbox = () =>
      pool.query(
        `SELECT * FROM applications WHERE ${scope} ORDER BY state_entered_at DESC, id DESC LIMIT ${PAGE + 1}`,
        [COUNTY],
      );
    const rawCeiling = await rate(32, seconds, rawInbox);
    const first = await load(inbox, {
      connections: 32,
      seconds,
      headers: reviewer,
    });
    const deep = anchor
      ? await load(
          `${inbox}&cursor=${encodeCursor(rawTimestamp(anchor.at), anchor.id)}`,
          { connections: 32, seconds, headers: reviewer },
        )
      : first;
    const inboxSql = await statementsPerRequest(pool, inbox, reviewer);
    figures.push(
      figure({
        id: 'C1',
        name: 'raw inbox keyset query (mysql2, 32 at once)',
        value: rawCeiling,
        unit: 'queries/s',
        ceiling: 0,
        goal: 'ceiling',
        met: true,
      }),
      figure({
        id: 'P1',
        name: `reviewer inbox page 1 (${rows} cases in scope), 32 connections`,
        value: first.requestsPerSecond,
        unit: 'req/s',
        ceiling: rawCeiling,
        goal: '>= 2000 req/s, p99 <= 50 ms',
        met:
          first.errors === 0 &&
          first.requestsPerSecond >= 2000 &&
          first.p99Ms <= 50,
      }),
      figure({
        id: 'P1-p99',
        name: 'reviewer inbox page 1, p99 latency',
        value: first.p99Ms,
        unit: 'ms',
        ceiling: 0,
        goal: '<= 50 ms',
        met: first.p99Ms <= 50,
      }),
      figure({
        id: 'P1-deep',
        name: `reviewer inbox page ${deepPage + 1} by keyset`,
        value: deep.requestsPerSecond,
        unit: 'req/s',
        ceiling: first.requestsPerSecond,
        goal: 'page 1 / this <= 1.5',
        met:
          deep.errors === 0 &&
          first.requestsPerSecond / Math.max(1, deep.requestsPerSecond) <= 1.5,
      }),
      figure({
        id: 'P1-sql',
        name: 'SQL statements per inbox request',
        value: inboxSql,
        unit: 'statements',
        ceiling: 0,
        goal: 'informational',
        met: true,
      }),
    );

    // P2: an application's detail with its timeline.
    const [[sample]] = (await pool.query(
      `SELECT id FROM applications WHERE ${scope} LIMIT 1`,
      [COUNTY],
    )) as unknown as [{ id: string }[]];
    const detail = `${base}${ApiRoutes.application(sample?.id ?? '')}`;
    const p2 = await load(detail, {
      connections: 32,
      seconds,
      headers: reviewer,
    });
    const detailSql = await statementsPerRequest(pool, detail, reviewer);
    figures.push(
      figure({
        id: 'P2',
        name: 'application detail with timeline, 32 connections',
        value: p2.requestsPerSecond,
        unit: 'req/s',
        ceiling: rawCeiling,
        goal: '>= 2000 req/s, p99 <= 50 ms',
        met: p2.errors === 0 && p2.requestsPerSecond >= 2000 && p2.p99Ms <= 50,
      }),
      figure({
        id: 'P2-p99',
        name: 'application detail, p99 latency',
        value: p2.p99Ms,
        unit: 'ms',
        ceiling: 0,
        goal: '<= 50 ms',
        met: p2.p99Ms <= 50,
      }),
      figure({
        id: 'P2-sql',
        name: 'SQL statements per detail request',
        value: detailSql,
        unit: 'statements',
        ceiling: 0,
        goal: '<= 5',
        met: detailSql <= 5,
      }),
    );
    figures.push(
      figure({
        id: 'RSS-api',
        name: 'API resident memory after the run',
        value: rssMb(api.pid),
        unit: 'MB',
        ceiling: 0,
        goal: 'informational (P9 is under P7)',
        met: true,
      }),
      figure({
        id: 'RSS-worker',
        name: 'worker resident memory after the run',
        value: rssMb(worker.pid),
        unit: 'MB',
        ceiling: 0,
        goal: 'informational (P9 is under P7)',
        met: true,
      }),
    );
  } finally {
    await pool.end();
    await Promise.all([api.stop(), worker.stop(), bare.stop()]);
  }
  const file = writeReport(dataset, figures, { quick });
  log(`Wrote ${file}`);
}

/** Statements the database served per request, over 100 requests one after another. */
async function statementsPerRequest(
  pool: Pool,
  url: string,
  headers: Record<string, string>,
): Promise<number> {
  const questions = async () => {
    const [rows] = (await pool.query(
      "SHOW GLOBAL STATUS LIKE 'Questions'",
    )) as unknown as [{ Value: string }[]];
    return Number(rows[0]?.Value ?? 0);
  };
  const before = await questions();
  for (let i = 0; i < 100; i++) await fetch(url, { headers });
  const after = await questions();
  // One SHOW of ours is counted in the difference.
  return Math.round(((after - before - 1) / 100) * 10) / 10;
}

function rssMb(pid: number): number {
  try {
    const kb = /VmRSS:\s+(\d+)/.exec(
      readFileSync(`/proc/${pid}/status`, 'utf8'),
    )?.[1];
    return kb ? Math.round(Number(kb) / 1024) : 0;
  } catch {
    return 0;
  }
}

main().catch((error: unknown) => {
  process.stderr.write(
    `The benchmark failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exit(1);
});
