/**
 * 待发送通知 on the workbench (decision 0090): with messages waiting in the fan-out queue for the staff member's
 * community, 工作台 says how many and how long the oldest has waited, in one line; once the timer has sent them, the
 * line is gone.
 */
import { enqueue } from '../../cloudfunctions/_kernel/outbox'
import { DEMO_COMMUNITIES } from '../../types/index'
import { describeWithChromium, openSession, screenshot, shown } from './helpers/browser'
import { startStack, type Stack } from './helpers/stack'

describeWithChromium('workbench: the fan-out queue in one line', () => {
  let stack: Stack
  beforeAll(async () => {
    stack = await startStack()
  })
  afterAll(async () => {
    await stack?.stop()
  })

  test('demo-staff sees 待发送通知 12 条 while they wait, and no line after the timer sent them', async () => {
    await stack.emu.fireTrigger('events', 'fanout') // whatever the seed queued
    Object.assign(process.env, stack.emu.sdkEnv({ openid: 'test-seeder' }))
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const cloud = require('wx-server-sdk')
    cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV })
    const recipients = Array.from({ length: 12 }, (_, i) => `queue-line-${i}`)
    await enqueue({ db: cloud.database(), now: new Date(Date.now() - 3 * 60_000) }, recipients, 'test:workbench-queue', {
      kind: 'test.queue',
      communityId: DEMO_COMMUNITIES.zhizijie.communityId,
      title: '排队中的通知',
      body: '稍后送达',
      page: 'pages/home/index',
      subscribe: null,
    })
    const s = await openSession({ openid: 'demo-staff' })
    try {
      const { page } = s
      await page.goto(`${stack.url}/?scene=c%3Dzhizijie`)
      await shown(page, 'home').locator('.workbench-entry').click()
      const bench = shown(page, 'workbench')
      const line = bench.locator('.workbench__queue')
      await line.waitFor()
      expect((await line.innerText()).trim()).toMatch(/^待发送通知 12 条，最早 [34] 分钟前$/)
      await screenshot(page, 'workbench-queue-1-waiting')

      await stack.emu.fireTrigger('events', 'fanout')
      await page.goto(`${stack.url}/?scene=c%3Dzhizijie`)
      await shown(page, 'home').locator('.workbench-entry').click()
      const again = shown(page, 'workbench')
      await again.locator('.workbench__todo').first().waitFor() // loaded (the demo has to-dos)
      expect(await again.locator('.workbench__queue').count()).toBe(0)
    } finally {
      await s.close()
    }
  })
})
