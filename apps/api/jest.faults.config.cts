/**
 * The fault suite (`npm run test:faults`): the built worker (`npm run build:app` first) as a real
 * process beside the API, real MariaDB, a Redis and an SMTP server of the suite's own, killed
 * and restarted while work is in flight.
 */
const base = require('./jest.config.cts');

module.exports = {
  ...base,
  displayName: 'api-faults',
  testMatch: ['<rootDir>/src/faults/**/*.faults.ts'],
  testTimeout: 300_000,
};
