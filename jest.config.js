/** Node-side tests: pure rules (test/unit), the emulator against the real wx-server-sdk (test/emulator),
 *  and cloud functions through the real SDK on the emulator (test/functions). */
const swc = ['@swc/jest', { jsc: { parser: { syntax: 'typescript', tsx: true }, target: 'es2021' }, module: { type: 'commonjs' } }]
module.exports = {
  testEnvironment: 'node',
  transform: { '^.+\\.(t|j)sx?$': swc },
  testMatch: ['<rootDir>/test/{unit,emulator,functions}/**/*.test.ts'],
  moduleNameMapper: { '^@tarojs/taro$': '<rootDir>/test/__mocks__/taro.ts' },
  testTimeout: 60000,
  setupFiles: ['<rootDir>/test/setup-deploy.ts'],
}
