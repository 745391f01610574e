/** Browser tests of the H5 build in Chromium (playwright-core + Debian chromium), plus the weapp build check.
 *  `npm run test:browser` builds H5 first. Screenshots go to test-artifacts/ (git-ignored). */
const swc = ['@swc/jest', { jsc: { parser: { syntax: 'typescript', tsx: true }, target: 'es2021' }, module: { type: 'commonjs' } }]
module.exports = {
  testEnvironment: 'node',
  transform: { '^.+\\.(t|j)sx?$': swc },
  testMatch: ['<rootDir>/test/browser/**/*.test.ts'],
  // The same aliases as config/index.ts: `@/…` is src, `types/…` the shared contract.
  moduleNameMapper: {
    '^@tarojs/taro$': '<rootDir>/test/__mocks__/taro.ts',
    '^@/(.*)$': '<rootDir>/src/$1',
    '^types/(.*)$': '<rootDir>/types/$1',
  },
  // Resolve Taro's platform files as the H5 build does (`./transport` → transport.h5.ts).
  moduleFileExtensions: ['h5.ts', 'h5.tsx', 'ts', 'tsx', 'js', 'jsx', 'json'],
  // One browser at a time on a 2-core box; each file starts its own emulator.
  maxWorkers: 1,
  // headroom for a loaded machine (every step waits on a condition, up to STEP_TIMEOUT in helpers/browser.ts)
  testTimeout: 600000,
}
