module.exports = {
  displayName: 'api',
  preset: '../../jest.preset.js',
  testEnvironment: 'node',
  transform: require('../../jest.swc.js'),
  // Jest's CommonJS runtime can neither require() ES modules (content-disposition 3, cookie 1)
  // nor run import() without a flag: those packages and their loaders are compiled to CommonJS.
  transformIgnorePatterns: [
    'node_modules/(?!(content-disposition|cookie|@fastify/cookie|@fastify/static)/)',
  ],
  moduleFileExtensions: ['ts', 'js', 'html'],
  // mysql2 pools and ioredis sockets of real servers can outlive their close() by a moment;
  // the suites assert behaviour, and a lingering socket must not hang CI.
  forceExit: true,
  coverageDirectory: '../../coverage/apps/api',
  // Integration suites start the real API on real MariaDB, SQLite and Redis.
  testTimeout: 60_000,
};
