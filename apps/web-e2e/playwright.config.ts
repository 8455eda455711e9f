import { resolve } from 'node:path';
import { defineConfig } from '@playwright/test';

const port = process.env['E2E_PORT'] ?? '4310';
const root = resolve(__dirname, '../..');
// A run on another port (a second checkout beside CI) gets its own database and data directory;
// the portal (start-portal.mjs) and the tests that read its mail directory take them from here.
const suffix = port === '4310' ? '' : `_${port}`;
process.env['E2E_DATA_DIR'] ??= resolve(root, `tmp/e2e-data${suffix}`);
process.env['E2E_DATABASE'] ??= `portal_e2e${suffix}`;

/** Browser tests: Debian's Chromium against the built portal on a fresh MariaDB database. */
export default defineConfig({
  testDir: './src',
  outputDir: resolve(root, 'test-results/web-e2e'),
  fullyParallel: false,
  workers: 1,
  retries: 0,
  forbidOnly: true,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [
    ['list'],
    [
      'html',
      { outputFolder: resolve(root, 'playwright-report'), open: 'never' },
    ],
  ],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    screenshot: 'only-on-failure',
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: '/usr/bin/chromium',
      // Quiet on a closed network: no background connections Chromium would try to make.
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
  projects: [{ name: 'chromium', use: { browserName: 'chromium' } }],
  webServer: {
    command: 'node apps/web-e2e/start-portal.mjs',
    cwd: root,
    url: `http://127.0.0.1:${port}/api/health`,
    reuseExistingServer: false,
    timeout: 120_000,
    stdout: 'pipe',
    stderr: 'pipe',
  },
});
