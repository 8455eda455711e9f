module.exports = {
  displayName: 'api-db',
  preset: '../../../jest.preset.js',
  testEnvironment: 'node',
  transform: require('../../../jest.swc.js'),
  moduleFileExtensions: ['ts', 'js', 'html'],
  // mysql2 pools and ioredis sockets of real servers can outlive their close() by a moment;
  // the suites assert behaviour, and a lingering socket must not hang CI.
  forceExit: true,
  coverageDirectory: '../../../coverage/libs/api/db',
};
