// The README's test command (`npm test`, also what .ci/run runs): every stage of the suite, the
// ones that wait on servers and timers beside the ones that use the CPU, and at the end the
// time each stage took. Each stage's output is printed whole when it ends, and kept under
// test-results/logs/<stage>.log.
import { spawn } from 'node:child_process';
import { createWriteStream, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const logDir = join(root, 'test-results', 'logs');

/**
 * Stages in lanes. `first` runs alone, in order; then the lanes run side by side, each in
 * order. A stage whose `needs` failed is not run; every other stage runs, so that one run shows
 * every failure.
 */
const first = [
  {
    name: 'prerequisites',
    command: 'npm run test:prerequisites',
    proves:
      'MariaDB, Redis, nginx, Chromium, a CJK font and free ports are there',
  },
  {
    name: 'format',
    command: 'npm run format:check',
    proves: 'every file is Prettier-formatted',
  },
  {
    name: 'build',
    command: 'npm run build:app',
    proves: 'production builds of api, worker and web (compressed assets)',
  },
];
const lanes = [
  [
    {
      name: 'faults',
      command: 'npm run test:faults',
      needs: 'build',
      proves:
        'built API and worker processes recover from killed servers and processes',
    },
    {
      name: 'browser',
      command: 'npm run test:e2e',
      needs: 'build',
      proves: 'Playwright flows in Chromium against the built portal',
    },
  ],
  [
    {
      name: 'lint',
      command: 'npm run lint',
      proves: 'ESLint with module boundaries and typed rules',
    },
    {
      name: 'typecheck',
      command: 'npm run typecheck',
      proves: 'tsc over every project, specs included',
    },
    {
      name: 'unit + integration',
      command: 'npm run test:jest',
      proves: 'jest over every project on MariaDB, SQLite, Redis, SMTP',
    },
  ],
];

const results = new Map();
const children = new Set();

function run(stage) {
  const needed = stage.needs && results.get(stage.needs);
  if (needed && !needed.ok) {
    results.set(stage.name, { ok: false, skipped: true, ms: 0 });
    log(`✘ ${stage.name}: not run, ${stage.needs} failed`);
    return Promise.resolve();
  }
  const started = Date.now();
  const file = join(logDir, `${stage.name.replace(/\W+/g, '-')}.log`);
  const out = createWriteStream(file);
  const chunks = [];
  log(`▶ ${stage.name}: ${stage.command}`);
  return new Promise((resolve) => {
    const child = spawn(stage.command, {
      cwd: root,
      shell: true,
      detached: true,
      env: { ...process.env, NX_NO_CLOUD: 'true', NX_DAEMON: 'false' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    children.add(child);
    for (const stream of [child.stdout, child.stderr])
      stream.on('data', (chunk) => {
        chunks.push(chunk);
        out.write(chunk);
      });
    child.on('close', (code, signal) => {
      children.delete(child);
      out.end();
      const ms = Date.now() - started;
      const ok = code === 0;
      results.set(stage.name, { ok, ms });
      process.stdout.write(
        `\n──── ${stage.name} (${stage.command}) ────\n${Buffer.concat(chunks).toString()}`,
      );
      log(
        `${ok ? '✔' : '✘'} ${stage.name} ${ok ? 'passed' : `failed (${signal ?? `exit ${code}`})`} in ${seconds(ms)}; log: ${file}`,
      );
      resolve();
    });
  });
}

async function runInOrder(stages) {
  for (const stage of stages) await run(stage);
}

function log(line) {
  process.stdout.write(
    `\n[test ${seconds(Date.now() - suiteStarted)}] ${line}\n`,
  );
}

function seconds(ms) {
  const s = Math.round(ms / 1000);
  return s >= 60
    ? `${Math.floor(s / 60)}m${String(s % 60).padStart(2, '0')}s`
    : `${s}s`;
}

for (const signal of ['SIGINT', 'SIGTERM'])
  process.on(signal, () => {
    for (const child of children) {
      try {
        process.kill(-child.pid, signal);
      } catch {
        // already gone
      }
    }
    process.exit(130);
  });

const suiteStarted = Date.now();
mkdirSync(logDir, { recursive: true });
for (const stage of first) {
  await run(stage);
  // Without the prerequisites nothing else can pass: say so at once, not minutes later.
  if (stage.name === 'prerequisites' && !results.get(stage.name).ok)
    process.exit(1);
}
await Promise.all(lanes.map(runInOrder));

const all = [...first, ...lanes.flat()];
const width = Math.max(...all.map((s) => s.name.length));
process.stdout.write('\nStage times (lanes ran side by side after build):\n');
for (const stage of all) {
  const r = results.get(stage.name);
  const status = r.skipped ? 'not run' : r.ok ? 'passed' : 'FAILED';
  process.stdout.write(
    `  ${stage.name.padEnd(width)}  ${seconds(r.ms).padStart(6)}  ${status.padEnd(7)}  ${stage.proves}\n`,
  );
}
const failed = all.filter((s) => !results.get(s.name).ok).map((s) => s.name);
process.stdout.write(
  `  ${'total'.padEnd(width)}  ${seconds(Date.now() - suiteStarted).padStart(6)}  ${failed.length ? `FAILED: ${failed.join(', ')}` : 'passed'}\n`,
);
process.exit(failed.length ? 1 : 0);
