import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ApiRoutes } from '@portal/contracts';
import { createPool } from 'mysql2/promise';
import { startBareServer } from './bare-server';
import type { BenchContext, FigureGroup } from './context';
import {
  BENCH_PERSONAL_DATA_KEYS,
  ensureDataset,
  PROVINCE_SCALE,
  QUICK,
} from './dataset';
import { memoryAfterRun } from './figures/memory';
import { pipeline } from './figures/pipeline';
import { deadline } from './figures/deadline';
import { mail } from './figures/mail';
import { reads } from './figures/reads';
import { transitions } from './figures/transitions';
import { automation } from './figures/automation';
import { timers } from './figures/timers';
import { web } from './figures/web';
import { Proc, waitUntilUp } from './processes';
import { figure, writeReport, type Figure } from './report';
import { CountingSmtpServer } from './smtp';

/** Ports of this run's API and bare server; set them to run two benchmarks side by side. */
const API_PORT = Number(process.env['BENCH_API_PORT'] ?? 4401);
const BARE_PORT = Number(process.env['BENCH_BARE_PORT'] ?? 4402);

/** Run in this order; reads come before the groups that write. */
const GROUPS: readonly FigureGroup[] = [
  pipeline,
  reads,
  transitions,
  automation,
  timers,
  mail,
  deadline,
  web,
  memoryAfterRun,
];

const log = (line: string) => process.stdout.write(`[bench] ${line}\n`);

/**
 * `npm run bench [-- --quick] [-- --only P1,P2]`: seeds (or reuses) the data set, starts the
 * built API and a worker on it, measures each figure beside its raw ceiling, prints the table
 * and writes bench/results/<timestamp>.json. See docs/performance.md.
 */
async function main(): Promise<void> {
  if (process.argv[2] === '--bare-server') {
    await startBareServer(Number(process.argv[3]));
    return;
  }
  const quick = process.argv.includes('--quick');
  const only = onlyIds(process.argv);
  const groups = only
    ? GROUPS.filter((g) => g.ids.some((id) => only.has(id)))
    : GROUPS;
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

  // Before the API and the worker: they read SMTP_URL at boot.
  const smtp = await CountingSmtpServer.start();
  const env = {
    SMTP_URL: smtp.url,
    NODE_ENV: 'development',
    DATABASE_URL: `${server.replace(/\/+$/, '')}/${database}`,
    REDIS_URL: redisUrl,
    REDIS_PREFIX: `bench-${Date.now()}`,
    DATA_DIR: mkdtempSync(join(tmpdir(), 'portal-bench-')),
    SEED_DEMO_DATA: 'false',
    PERSONAL_DATA_KEYS: BENCH_PERSONAL_DATA_KEYS,
    LOG_LEVEL: 'info',
    AUTH_RATE_LIMIT_PER_MINUTE: '100000',
    PORT: String(API_PORT),
    // As docker/Dockerfile sets it for both processes.
    MALLOC_ARENA_MAX: '2',
  };
  // BENCH_PROFILE_DIR=/some/dir: the API and the worker write V8 CPU profiles there on exit.
  const profile = process.env['BENCH_PROFILE_DIR']
    ? ['--cpu-prof', `--cpu-prof-dir=${process.env['BENCH_PROFILE_DIR']}`]
    : [];
  // The heap limit docker/Dockerfile starts the API with.
  const api = Proc.start(
    [...profile, '--max-old-space-size=192', 'dist/apps/api/main.js'],
    {
      ...env,
      RUN_WORKERS: 'false',
    },
  );
  const worker = Proc.start([...profile, 'dist/apps/worker/main.js'], env);
  const bare = Proc.start(
    ['dist/apps/bench/main.js', '--bare-server', String(BARE_PORT)],
    {},
  );
  const base = `http://127.0.0.1:${API_PORT}`;
  const bareBase = `http://127.0.0.1:${BARE_PORT}`;
  const pool = createPool({
    uri: env.DATABASE_URL.replace(/^mariadb:/, 'mysql:'),
    connectionLimit: 32,
    dateStrings: true,
  });
  const figures: Figure[] = [];
  const measured = new Map<string, Figure>();
  try {
    await waitUntilUp(`${base}${ApiRoutes.health}`);
    await waitUntilUp(`${bareBase}/ping`);
    log('API, worker and the bare server are up');
    const context: BenchContext = {
      quick,
      seconds,
      base,
      bareBase,
      env,
      smtp,
      api,
      worker,
      pool,
      dataset,
      log,
      measured,
    };
    for (const group of groups) {
      log(`Measuring ${group.ids.join(', ')}`);
      for (const f of await group.measure(context)) {
        figures.push(f);
        measured.set(f.id, f);
      }
    }
  } finally {
    await pool.end();
    await Promise.all([api.stop(), worker.stop(), bare.stop()]);
    await smtp.close();
  }
  if (dataset.seeded)
    figures.unshift(
      figure({
        id: 'D0',
        name: `seeding the data set (${Object.entries(dataset.counts)
          .map(([table, n]) => `${n} ${table}`)
          .join(', ')})`,
        value: dataset.seconds,
        unit: 's',
        ceiling: 0,
        goal: quick ? 'informational' : '<= 600 s',
        met: quick || dataset.seconds <= 600,
      }),
    );
  const file = writeReport(dataset, figures, { quick });
  log(`Wrote ${file}`);
}

/** `--only P1,P3` (or `--only=P1,P3`): the groups that report any of these ids. */
function onlyIds(argv: readonly string[]): Set<string> | null {
  const at = argv.findIndex((a) => a === '--only' || a.startsWith('--only='));
  if (at < 0) return null;
  const value = argv[at]?.includes('=')
    ? argv[at]?.split('=')[1]
    : argv[at + 1];
  return new Set((value ?? '').split(',').filter(Boolean));
}

main().catch((error: unknown) => {
  process.stderr.write(
    `The benchmark failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exit(1);
});
