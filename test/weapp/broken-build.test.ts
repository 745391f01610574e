/**
 * The harness fails on a broken build: a copy of dist/weapp whose notice page's component throws in its onLoad hook
 * (useLoad) — the same journey step that passes on the real build (resident-journey.test.ts) must fail here, with
 * the component's error, and the app must have reported it.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { DIST, startWeapp, type Weapp } from './harness'
import { startCloud, type Cloud } from './cloud'
import { COLLECTIONS } from '../../types/collections'
import { docsOf } from '../functions/results'

const PAGE = 'packages/notices/pages/detail/index'
const BROKEN = 'broken build: the notice page throws in onLoad'
let cloud: Cloud
let app: Weapp
let dir = ''

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'yuanba-weapp-broken-'))
  cpSync(DIST, dir, { recursive: true })
  const file = path.join(dir, `${PAGE}.js`)
  const js = readFileSync(file, 'utf8')
  // The page component's useLoad(callback): its callback now throws.
  const patched = js.replace(/\.useLoad\)\(function\(/, `.useLoad)(function(){throw new Error(${JSON.stringify(BROKEN)})},function(`)
  expect(patched).not.toBe(js)
  writeFileSync(file, patched)
  cloud = await startCloud()
})
afterAll(async () => {
  await app?.stop()
  await cloud?.stop()
  if (dir) rmSync(dir, { recursive: true, force: true })
})

test('opening a notice on the broken build fails the journey with the component’s error', async () => {
  ;({ app } = await startWeapp({
    emu: cloud.emu,
    sdk: cloud.sdk,
    openid: 'demo-resident',
    dist: dir,
    launch: { query: { scene: encodeURIComponent('c=zhizijie') }, scene: 1047 },
  }))
  const title: string = (await docsOf(cloud.emu, COLLECTIONS.notices)).find((n) => /用电安全提醒$/.test(n.title))!.title
  await app.waitForText(title)
  expect(app.errors).toEqual([])
  const opened = (async () => {
    await app.tap(title)
    const detail = await app.waitForPage(PAGE)
    await app.waitForText('不要在楼道给电动自行车充电', detail)
  })()
  await expect(opened).rejects.toThrow(BROKEN)
  expect(app.errors.length).toBeGreaterThan(0)
})
