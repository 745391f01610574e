/**
 * @jest-environment node
 *
 * `npm run check:weapp` fails on a broken build: broken copies of dist/weapp and of the function bundles are fed to
 * the same checks (wcc/wcsc, app.json and pages, config.json) — each check passes on the real copy first.
 * (The slow miniprogram-ci part runs in `npm run check:weapp` itself.)
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { checkFunctionConfigs, checkJson, compileWxml, compileWxss, openapiCalls } from '../../scripts/check-weapp'
import { DIST, ROOT } from './harness'

const FUNCTIONS = path.join(ROOT, 'dist', 'cloudfunctions')
let dir = ''
const copyOfBuild = () => {
  const copy = mkdtempSync(path.join(dir, 'weapp-'))
  cpSync(DIST, copy, { recursive: true })
  return copy
}

beforeAll(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'yuanba-check-weapp-'))
})
afterAll(() => rmSync(dir, { recursive: true, force: true }))

test('the real build passes wcc, wcsc and the app.json / page checks', () => {
  expect(compileWxml(DIST)).toEqual([])
  expect(compileWxss(DIST)).toEqual([])
  expect(checkJson(DIST)).toEqual([])
})

test('a WXML error fails wcc, naming the file', () => {
  const copy = copyOfBuild()
  const page = path.join(copy, 'packages/notices/pages/detail/index.wxml')
  writeFileSync(page, `${readFileSync(page, 'utf8')}\n<view class="broken"><text>没有闭合</view>\n`)
  const problems = compileWxml(copy)
  expect(problems).toHaveLength(1)
  expect(problems[0]).toMatch(/^wcc: /)
  expect(problems[0]).toContain('packages/notices/pages/detail/index.wxml')
})

test('a page missing from app.json fails, and so does a declared page whose files are gone', () => {
  const copy = copyOfBuild()
  const appFile = path.join(copy, 'app.json')
  const app = JSON.parse(readFileSync(appFile, 'utf8'))
  const staff = app.subPackages.find((s: { root: string }) => s.root === 'packages/staff')
  staff.pages = staff.pages.filter((p: string) => p !== 'pages/poster/index')
  writeFileSync(appFile, JSON.stringify(app))
  expect(checkJson(copy)).toEqual(['packages/staff/pages/poster/index is a page of the build but app.json does not declare it'])

  const other = copyOfBuild()
  unlinkSync(path.join(other, 'packages/events/pages/ticket/index.js'))
  expect(checkJson(other)).toEqual([
    'app.json declares packages/events/pages/ticket/index but packages/events/pages/ticket/index.js is missing',
  ])
})

test('app.json against miniprogram-ci’s schema: a wrong type fails', () => {
  const copy = copyOfBuild()
  const appFile = path.join(copy, 'app.json')
  const app = JSON.parse(readFileSync(appFile, 'utf8'))
  app.lazyCodeLoading = true // the schema wants a string ("requiredComponents")
  writeFileSync(appFile, JSON.stringify(app))
  const problems = checkJson(copy)
  expect(problems).toHaveLength(1)
  expect(problems[0]).toMatch(/^app\.json does not match miniprogram-ci's schema: .*lazyCodeLoading/)
})

test('cloud functions: permissions.openapi must list exactly the calls made, and crons must parse', () => {
  expect(checkFunctionConfigs(FUNCTIONS)).toEqual([])
  const copy = mkdtempSync(path.join(dir, 'functions-'))
  cpSync(path.join(FUNCTIONS, 'events'), path.join(copy, 'events'), { recursive: true })
  const calls = openapiCalls(readFileSync(path.join(copy, 'events', 'index.js'), 'utf8'))
  expect(calls).toEqual(['security.msgSecCheck', 'subscribeMessage.send', 'wxacode.getUnlimited'])
  const configFile = path.join(copy, 'events', 'config.json')
  const config = JSON.parse(readFileSync(configFile, 'utf8'))
  config.permissions.openapi = ['security.msgSecCheck', 'wxacode.getUnlimited', 'customerServiceMessage.send']
  config.triggers[0].config = '0 */5 * * *'
  writeFileSync(configFile, JSON.stringify(config))
  expect(checkFunctionConfigs(copy)).toEqual([
    'events: calls subscribeMessage.send but config.json permissions.openapi does not list it',
    'events: config.json permissions.openapi lists customerServiceMessage.send which the function never calls',
    expect.stringMatching(/^events: trigger draw cron "0 \*\/5 \* \* \*": .*7 fields/),
  ])
})

test('screen-reader attributes reach base.wxml (config/weapp-aria.js)', () => {
  const base = readFileSync(path.join(DIST, 'base.wxml'), 'utf8')
  expect(base).toMatch(/<view [^>]*aria-label="\{\{i\.p\d+\}\}"[^>]*aria-role="\{\{i\.p\d+\}\}"/)
  expect(base).toMatch(/<button [^>]*aria-label="\{\{i\.p\d+\}\}"/)
})
