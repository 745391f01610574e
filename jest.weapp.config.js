/** The compiled mini-program (dist/weapp) on miniprogram-simulate (j-component + jsdom) against the emulator, plus
 *  the checks WeChat's own tools make of the build. `npm run test:weapp` builds weapp and the function bundles first. */
const swc = ['@swc/jest', { jsc: { parser: { syntax: 'typescript', tsx: true }, target: 'es2021' }, module: { type: 'commonjs' } }]
module.exports = {
  testEnvironment: '<rootDir>/test/weapp/environment.js',
  // The emulator, wx-server-sdk and libsql run in this worker too: resolve their Node builds, not browser ones.
  testEnvironmentOptions: { customExportConditions: ['node', 'node-addons', 'require', 'default'] },
  transform: { '^.+\\.(t|j)sx?$': swc },
  // dist/weapp is already compiled: never run it through swc (it would also break the webpack chunks' strict mode).
  transformIgnorePatterns: ['/node_modules/', '<rootDir>/dist/'],
  testMatch: ['<rootDir>/test/weapp/**/*.test.ts'],
  // Each file loads the app once and starts its own emulator; one at a time on a 2-core box.
  maxWorkers: 1,
  testTimeout: 240000,
}
