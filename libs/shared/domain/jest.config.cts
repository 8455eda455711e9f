module.exports = {
  displayName: 'domain',
  preset: '../../../jest.preset.js',
  testEnvironment: 'node',
  transform: require('../../../jest.swc.js'),
  moduleFileExtensions: ['ts', 'js', 'html'],
  coverageDirectory: '../../../coverage/libs/shared/domain',
};
