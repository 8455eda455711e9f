// Starts the built portal for the browser tests: a fresh MariaDB database and data directory,
// real Redis under a key prefix of its own, demo data seeded, on port E2E_PORT.
import { spawn } from 'node:child_process';
import { rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { createConnection } from 'mysql2/promise';

const root = resolve(import.meta.dirname, '../..');
const port = process.env.E2E_PORT ?? '4310';
const server = new URL(
  (process.env.TEST_MARIADB_URL ?? 'mariadb://root@127.0.0.1:3306').replace(
    /^mariadb:/,
    'mysql:',
  ),
);
// Named by playwright.config.ts (a run on another port gets its own: sharing them, two runs
// dropped each other's tables mid-test).
const database = process.env.E2E_DATABASE ?? 'portal_e2e';
const dataDir = process.env.E2E_DATA_DIR ?? resolve(root, 'tmp/e2e-data');

const admin = await createConnection({
  host: server.hostname,
  port: Number(server.port || 3306),
  user: decodeURIComponent(server.username || 'root'),
  password: decodeURIComponent(server.password),
});
await admin.query(`DROP DATABASE IF EXISTS \`${database}\``);
await admin.query(
  `CREATE DATABASE \`${database}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`,
);
await admin.end();
rmSync(dataDir, { recursive: true, force: true });

const api = spawn(process.execPath, [resolve(root, 'dist/apps/api/main.js')], {
  cwd: root,
  stdio: 'inherit',
  env: {
    ...process.env,
    NODE_ENV: 'test',
    PORT: port,
    PUBLIC_URL: `http://127.0.0.1:${port}`,
    DATA_DIR: dataDir,
    DATABASE_URL: `mariadb://${server.username || 'root'}${server.password ? ':' + server.password : ''}@${server.host}/${database}`,
    REDIS_URL: process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379',
    REDIS_PREFIX: `e2e-${process.pid}`,
    SEED_DEMO_DATA: 'true',
    LOG_LEVEL: 'warn',
  },
});
for (const signal of ['SIGINT', 'SIGTERM'])
  process.on(signal, () => api.kill(signal));
api.on('exit', (code) => process.exit(code ?? 0));
