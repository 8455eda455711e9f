module.exports = {
  displayName: 'worker',
  preset: '../../jest.preset.js',
  testEnvironment: 'node',
  transform: require('../../jest.swc.js'),
  moduleFileExtensions: ['ts', 'js', 'html'],
  testTimeout: 60_000,
  // mysql2 pools and ioredis sockets of real servers can outlive their close() by a moment.
  forceExit: true,
  coverageDirectory: '../../coverage/apps/worker',
};
